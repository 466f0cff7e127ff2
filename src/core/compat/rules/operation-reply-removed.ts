import { defineRule } from '../compat.types';

/** An operation no longer replies. */
export default defineRule({
  id: 'operation-reply-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-reply-removed'],
  summary: 'An operation no longer replies.',
});
