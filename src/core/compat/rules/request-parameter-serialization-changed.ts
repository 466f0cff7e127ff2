import { defineRule } from '../compat.types';

/** The parameter's style or explode changed: the same value is written differently. */
export default defineRule({
  id: 'request-parameter-serialization-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-serialization-changed'],
  summary: "The parameter's style or explode changed: the same value is written differently.",
});
