import { defineRule } from '../compat.types';

/** Some enum values are no longer returned. */
export default defineRule({
  id: 'response-enum-value-removed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['enum-values-removed'],
  summary: 'Some enum values are no longer returned.',
});
