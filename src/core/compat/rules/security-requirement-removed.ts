import { defineRule } from '../compat.types';

/** The operation no longer requires authentication. */
export default defineRule({
  id: 'security-requirement-removed',
  level: 'info',
  bump: 'minor',
  area: 'security',
  api: 'openapi',
  facts: ['security-requirement-removed'],
  summary: 'The operation no longer requires authentication.',
});
