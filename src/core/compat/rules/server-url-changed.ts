import { defineRule } from '../compat.types';

/** A server's URL changed. */
export default defineRule({
  id: 'server-url-changed',
  level: 'warning',
  bump: 'patch',
  area: 'server',
  api: 'asyncapi',
  facts: ['server-url-changed'],
  summary: "A server's URL changed.",
});
