import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** A new error status code is documented. */
export default defineRule({
  id: 'response-non-success-status-added',
  level: 'info',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-status-added'],
  when: (f) => !isSuccess(f),
  summary: 'A new error status code is documented.',
});
