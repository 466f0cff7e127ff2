import { defineRule } from '../compat.types';

/** A validation keyword rejects values it used to accept. */
export default defineRule({
  id: 'request-constraint-tightened',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['constraint-changed', 'additional-properties-changed'],
  when: (f) => f.details.tightened === true,
  summary: 'A validation keyword rejects values it used to accept.',
});
