import { defineRule } from '../compat.types';

/** A message's schema format changed. */
export default defineRule({
  id: 'message-schema-format-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'message',
  api: 'asyncapi',
  facts: ['message-schema-format-changed'],
  summary: "A message's schema format changed.",
});
