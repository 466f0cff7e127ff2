import { defineRule } from '../compat.types';

/** Returned values are constrained further. */
export default defineRule({
  id: 'response-constraint-tightened',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['constraint-changed'],
  when: (f) => f.details.loosened !== true,
  summary: 'Returned values are constrained further.',
});
