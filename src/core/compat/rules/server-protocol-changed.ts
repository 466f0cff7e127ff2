import { defineRule } from '../compat.types';

/** A server changed protocol. */
export default defineRule({
  id: 'server-protocol-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'server',
  api: 'asyncapi',
  facts: ['server-protocol-changed'],
  summary: 'A server changed protocol.',
});
