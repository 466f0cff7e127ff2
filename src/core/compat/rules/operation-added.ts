import { defineRule } from '../compat.types';

/** A new operation. */
export default defineRule({
  id: 'operation-added',
  level: 'info',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-added'],
  summary: 'A new operation.',
});
