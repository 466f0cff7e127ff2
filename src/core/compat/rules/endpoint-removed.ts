import { defineRule } from '../compat.types';

/** An operation was removed. */
export default defineRule({
  id: 'endpoint-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'endpoint',
  api: 'openapi',
  facts: ['endpoint-removed'],
  summary: 'An operation was removed.',
});
