import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** A success status code was removed. */
export default defineRule({
  id: 'response-success-status-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-status-removed'],
  when: (f) => isSuccess(f),
  summary: 'A success status code was removed.',
});
