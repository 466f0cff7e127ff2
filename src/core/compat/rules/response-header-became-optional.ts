import { defineRule } from '../compat.types';

/** A response header is no longer always sent. */
export default defineRule({
  id: 'response-header-became-optional',
  level: 'breaking',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-header-required-changed'],
  when: (f) => f.details.to !== true,
  summary: 'A response header is no longer always sent.',
});
