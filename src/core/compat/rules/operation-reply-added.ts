import { defineRule } from '../compat.types';

/** An operation now replies. */
export default defineRule({
  id: 'operation-reply-added',
  level: 'info',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-reply-added'],
  summary: 'An operation now replies.',
});
