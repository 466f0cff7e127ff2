import { defineRule } from '../compat.types';

/** A new optional parameter. */
export default defineRule({
  id: 'optional-request-parameter-added',
  level: 'info',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-added'],
  when: (f) => f.details.required !== true,
  summary: 'A new optional parameter.',
});
