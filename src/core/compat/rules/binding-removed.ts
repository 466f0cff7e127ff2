import { defineRule } from '../compat.types';

/** A protocol binding was removed. */
export default defineRule({
  id: 'binding-removed',
  level: 'warning',
  bump: 'patch',
  area: 'binding',
  api: 'asyncapi',
  facts: ['binding-removed'],
  summary: 'A protocol binding was removed.',
});
