import { defineRule } from '../compat.types';

/** A required parameter became optional. */
export default defineRule({
  id: 'request-parameter-became-optional',
  level: 'info',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-required-changed'],
  when: (f) => f.details.to !== true,
  summary: 'A required parameter became optional.',
});
