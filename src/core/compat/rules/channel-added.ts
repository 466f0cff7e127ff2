import { defineRule } from '../compat.types';

/** A new channel. */
export default defineRule({
  id: 'channel-added',
  level: 'info',
  bump: 'minor',
  area: 'channel',
  api: 'asyncapi',
  facts: ['channel-added'],
  summary: 'A new channel.',
});
