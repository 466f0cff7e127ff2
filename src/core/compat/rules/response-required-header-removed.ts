import { defineRule } from '../compat.types';

/** A response header that was always sent is gone. */
export default defineRule({
  id: 'response-required-header-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-header-removed'],
  when: (f) => f.details.required === true,
  summary: 'A response header that was always sent is gone.',
});
