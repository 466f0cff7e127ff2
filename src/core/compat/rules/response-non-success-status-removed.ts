import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** An error or informational status code was removed. */
export default defineRule({
  id: 'response-non-success-status-removed',
  level: 'info',
  bump: 'patch',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-status-removed'],
  when: (f) => !isSuccess(f),
  summary: 'An error or informational status code was removed.',
});
