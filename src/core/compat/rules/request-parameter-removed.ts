import { defineRule } from '../compat.types';

/** A parameter clients may send is no longer documented; the server will ignore it. */
export default defineRule({
  id: 'request-parameter-removed',
  level: 'warning',
  bump: 'patch',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-removed'],
  summary: 'A parameter clients may send is no longer documented; the server will ignore it.',
});
