import { defineRule } from '../compat.types';

/** A response comes in a new media type. */
export default defineRule({
  id: 'response-media-type-added',
  level: 'info',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['media-type-added'],
  summary: 'A response comes in a new media type.',
});
