import { defineRule } from '../compat.types';

/** A protocol binding was added. */
export default defineRule({
  id: 'binding-added',
  level: 'info',
  bump: 'patch',
  area: 'binding',
  api: 'asyncapi',
  facts: ['binding-added'],
  summary: 'A protocol binding was added.',
});
