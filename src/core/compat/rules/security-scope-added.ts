import { defineRule } from '../compat.types';

/** A security requirement needs more scopes. */
export default defineRule({
  id: 'security-scope-added',
  level: 'breaking',
  bump: 'minor',
  area: 'security',
  api: 'openapi',
  facts: ['security-scope-added'],
  summary: 'A security requirement needs more scopes.',
});
