import { defineRule } from '../compat.types';

/** An operation was marked deprecated. */
export default defineRule({
  id: 'endpoint-deprecated',
  level: 'info',
  bump: 'minor',
  area: 'endpoint',
  api: 'openapi',
  facts: ['endpoint-deprecated'],
  summary: 'An operation was marked deprecated.',
});
