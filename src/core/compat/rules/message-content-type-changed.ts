import { defineRule } from '../compat.types';

/** A message's content type changed. */
export default defineRule({
  id: 'message-content-type-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'message',
  api: 'asyncapi',
  facts: ['message-content-type-changed'],
  summary: "A message's content type changed.",
});
