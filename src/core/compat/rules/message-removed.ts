import { defineRule } from '../compat.types';

/** A message was removed from an operation. */
export default defineRule({
  id: 'message-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'message',
  api: 'asyncapi',
  facts: ['message-removed'],
  summary: 'A message was removed from an operation.',
});
