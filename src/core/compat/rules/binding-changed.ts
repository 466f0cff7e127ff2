import { defineRule } from '../compat.types';

/** A protocol binding field changed. */
export default defineRule({
  id: 'binding-changed',
  level: 'warning',
  bump: 'patch',
  area: 'binding',
  api: 'asyncapi',
  facts: ['binding-changed'],
  when: (f) => f.details.addressing !== true,
  summary: 'A protocol binding field changed.',
});
