import { defineRule } from '../compat.types';

/** A channel's address changed. */
export default defineRule({
  id: 'channel-address-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'channel',
  api: 'asyncapi',
  facts: ['channel-address-changed'],
  summary: "A channel's address changed.",
});
