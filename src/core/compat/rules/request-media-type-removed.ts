import { defineRule } from '../compat.types';

/** A request media type is no longer accepted. */
export default defineRule({
  id: 'request-media-type-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'request-body',
  direction: 'request',
  api: 'openapi',
  facts: ['media-type-removed'],
  summary: 'A request media type is no longer accepted.',
});
