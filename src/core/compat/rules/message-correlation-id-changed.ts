import { defineRule } from '../compat.types';

/** Where the correlation id is found changed. */
export default defineRule({
  id: 'message-correlation-id-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'message',
  api: 'asyncapi',
  facts: ['message-correlation-id-changed'],
  when: (f) => f.details.from !== undefined,
  summary: 'Where the correlation id is found changed.',
});
