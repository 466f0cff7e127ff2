import { defineRule } from '../compat.types';

/** No server keeps a base path clients used: every URL moves. */
export default defineRule({
  id: 'server-base-path-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'server',
  facts: ['server-base-path-changed'],
  summary: 'No server keeps a base path clients used: every URL moves.',
});
