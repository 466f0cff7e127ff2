import { defineRule } from '../compat.types';

/** New enum values are accepted. */
export default defineRule({
  id: 'request-enum-value-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['enum-values-added'],
  summary: 'New enum values are accepted.',
});
