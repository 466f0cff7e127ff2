import { defineRule } from '../compat.types';

/** A required request body was added. */
export default defineRule({
  id: 'required-request-body-added',
  level: 'breaking',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['request-body-added'],
  when: (f) => f.details.required === true,
  summary: 'A required request body was added.',
});
