import { defineRule } from '../compat.types';

/** New enum values may be returned; clients with exhaustive handling may fail. */
export default defineRule({
  id: 'response-enum-value-added',
  level: 'warning',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['enum-values-added'],
  summary: 'New enum values may be returned; clients with exhaustive handling may fail.',
});
