import { defineRule } from '../compat.types';

/** The request body became required. */
export default defineRule({
  id: 'request-body-became-required',
  level: 'breaking',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['request-body-required-changed'],
  when: (f) => f.details.to === true,
  summary: 'The request body became required.',
});
