import { defineRule } from '../compat.types';

/** The format guarantees more. */
export default defineRule({
  id: 'response-format-narrowed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['format-changed'],
  when: (f) => f.details.loosened !== true,
  summary: 'The format guarantees more.',
});
