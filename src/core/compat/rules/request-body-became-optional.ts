import { defineRule } from '../compat.types';

/** The request body became optional. */
export default defineRule({
  id: 'request-body-became-optional',
  level: 'info',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['request-body-required-changed'],
  when: (f) => f.details.to !== true,
  summary: 'The request body became optional.',
});
