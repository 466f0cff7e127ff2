import { defineRule } from '../compat.types';

/** Enum values clients may send are no longer accepted. */
export default defineRule({
  id: 'request-enum-value-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['enum-values-removed'],
  summary: 'Enum values clients may send are no longer accepted.',
});
