import { defineRule } from '../compat.types';

/** A new operation. */
export default defineRule({
  id: 'endpoint-added',
  level: 'info',
  bump: 'minor',
  area: 'endpoint',
  api: 'openapi',
  facts: ['endpoint-added'],
  summary: 'A new operation.',
});
