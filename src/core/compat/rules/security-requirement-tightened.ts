import { defineRule } from '../compat.types';

/** Credentials that used to suffice no longer do. */
export default defineRule({
  id: 'security-requirement-tightened',
  level: 'breaking',
  bump: 'minor',
  area: 'security',
  api: 'openapi',
  facts: ['security-requirement-tightened'],
  summary: 'Credentials that used to suffice no longer do.',
});
