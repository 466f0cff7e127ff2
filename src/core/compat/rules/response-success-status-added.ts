import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** A new success status code: clients may not handle it. */
export default defineRule({
  id: 'response-success-status-added',
  level: 'warning',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-status-added'],
  when: (f) => isSuccess(f),
  summary: 'A new success status code: clients may not handle it.',
});
