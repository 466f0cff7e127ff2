import { defineRule } from '../compat.types';

/** A channel was removed. */
export default defineRule({
  id: 'channel-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'channel',
  api: 'asyncapi',
  facts: ['channel-removed'],
  summary: 'A channel was removed.',
});
