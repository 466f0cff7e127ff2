import { defineRule } from '../compat.types';

/** A binding field that says where messages go changed. */
export default defineRule({
  id: 'binding-address-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'binding',
  api: 'asyncapi',
  facts: ['binding-changed'],
  when: (f) => f.details.addressing === true,
  summary: 'A binding field that says where messages go changed.',
});
