import { defineRule } from '../compat.types';

/** An optional request body was added. */
export default defineRule({
  id: 'optional-request-body-added',
  level: 'info',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['request-body-added'],
  when: (f) => f.details.required !== true,
  summary: 'An optional request body was added.',
});
