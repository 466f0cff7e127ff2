import { defineRule } from '../compat.types';

/** A server was added. */
export default defineRule({
  id: 'server-added',
  level: 'info',
  bump: 'minor',
  area: 'server',
  facts: ['server-added'],
  summary: 'A server was added.',
});
