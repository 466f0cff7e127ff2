import { defineRule } from '../compat.types';

/** A new way to authenticate is accepted. */
export default defineRule({
  id: 'security-alternative-added',
  level: 'info',
  bump: 'minor',
  area: 'security',
  api: 'openapi',
  facts: ['security-alternative-added'],
  summary: 'A new way to authenticate is accepted.',
});
