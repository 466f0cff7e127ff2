import { defineRule } from '../compat.types';

/** An optional parameter became required. */
export default defineRule({
  id: 'request-parameter-became-required',
  level: 'breaking',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-required-changed'],
  when: (f) => f.details.to === true,
  summary: 'An optional parameter became required.',
});
