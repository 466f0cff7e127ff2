import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** An error response no longer comes in one media type. */
export default defineRule({
  id: 'response-non-success-media-type-removed',
  level: 'info',
  bump: 'patch',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['media-type-removed'],
  when: (f) => !isSuccess(f),
  summary: 'An error response no longer comes in one media type.',
});
