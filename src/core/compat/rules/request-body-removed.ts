import { defineRule } from '../compat.types';

/** The request body is no longer documented; the server will ignore what clients send. */
export default defineRule({
  id: 'request-body-removed',
  level: 'warning',
  bump: 'patch',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['request-body-removed'],
  summary: 'The request body is no longer documented; the server will ignore what clients send.',
});
