import { defineRule } from '../compat.types';

/** An operation moved to another channel. */
export default defineRule({
  id: 'operation-channel-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-channel-changed'],
  summary: 'An operation moved to another channel.',
});
