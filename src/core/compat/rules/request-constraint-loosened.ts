import { defineRule } from '../compat.types';

/** A validation keyword accepts more values. */
export default defineRule({
  id: 'request-constraint-loosened',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['constraint-changed', 'additional-properties-changed'],
  when: (f) => f.details.tightened !== true,
  summary: 'A validation keyword accepts more values.',
});
