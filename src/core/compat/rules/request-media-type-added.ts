import { defineRule } from '../compat.types';

/** A new request media type is accepted. */
export default defineRule({
  id: 'request-media-type-added',
  level: 'info',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['media-type-added'],
  summary: 'A new request media type is accepted.',
});
