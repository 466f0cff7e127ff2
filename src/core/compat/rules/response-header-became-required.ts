import { defineRule } from '../compat.types';

/** A response header is now always sent. */
export default defineRule({
  id: 'response-header-became-required',
  level: 'info',
  bump: 'patch',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-header-required-changed'],
  when: (f) => f.details.to === true,
  summary: 'A response header is now always sent.',
});
