import { defineRule } from '../compat.types';

/** The application sends a new message; consumers may not handle it. */
export default defineRule({
  id: 'sent-message-added',
  level: 'warning',
  bump: 'minor',
  area: 'message',
  direction: 'response',
  api: 'asyncapi',
  facts: ['message-added'],
  summary: 'The application sends a new message; consumers may not handle it.',
});
