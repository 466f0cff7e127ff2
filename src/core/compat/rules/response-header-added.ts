import { defineRule } from '../compat.types';

/** A new response header. */
export default defineRule({
  id: 'response-header-added',
  level: 'info',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-header-added'],
  summary: 'A new response header.',
});
