import { defineRule } from '../compat.types';

/** The application accepts a new message. */
export default defineRule({
  id: 'received-message-added',
  level: 'info',
  bump: 'minor',
  area: 'message',
  direction: 'request',
  api: 'asyncapi',
  facts: ['message-added'],
  summary: 'The application accepts a new message.',
});
