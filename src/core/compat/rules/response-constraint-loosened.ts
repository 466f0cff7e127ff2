import { defineRule } from '../compat.types';

/** A guarantee on returned values was relaxed. */
export default defineRule({
  id: 'response-constraint-loosened',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['constraint-changed'],
  when: (f) => f.details.loosened === true,
  summary: 'A guarantee on returned values was relaxed.',
});
