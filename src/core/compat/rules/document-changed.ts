import { defineRule } from '../compat.types';

/** The documents differ, but in nothing a consumer can observe (descriptions, examples, unused components). */
export default defineRule({
  id: 'document-changed',
  level: 'info',
  bump: 'patch',
  area: 'document',
  facts: ['document-changed'],
  summary: 'The documents differ, but in nothing a consumer can observe (descriptions, examples, unused components).',
});
