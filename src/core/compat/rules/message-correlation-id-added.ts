import { defineRule } from '../compat.types';

/** A correlation id is now declared. */
export default defineRule({
  id: 'message-correlation-id-added',
  level: 'info',
  bump: 'minor',
  area: 'message',
  api: 'asyncapi',
  facts: ['message-correlation-id-changed'],
  when: (f) => f.details.from === undefined,
  summary: 'A correlation id is now declared.',
});
