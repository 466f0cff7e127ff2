import { defineRule } from '../compat.types';

/** An operation changed action (send/receive). */
export default defineRule({
  id: 'operation-action-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-action-changed'],
  summary: 'An operation changed action (send/receive).',
});
