import { defineRule } from '../compat.types';

/** Values of new types may be returned. */
export default defineRule({
  id: 'response-type-widened',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['type-changed'],
  when: (f) => f.details.loosened === true,
  summary: 'Values of new types may be returned.',
});
