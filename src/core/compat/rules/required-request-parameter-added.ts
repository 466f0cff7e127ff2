import { defineRule } from '../compat.types';

/** A new required parameter: existing calls lack it. */
export default defineRule({
  id: 'required-request-parameter-added',
  level: 'breaking',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-added'],
  when: (f) => f.details.required === true,
  summary: 'A new required parameter: existing calls lack it.',
});
