import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';
import { eachOperation, hasParameter, label } from './support/openapi';

/** A retried create must not create twice: POSTs answering 201 take Idempotency-Key. */
export const charterIdempotencyKey: CharterRule = {
  id: 'charter-idempotency-key',
  description: 'Creating operations (POST answering 201) accept an Idempotency-Key header.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: true,
  fn: function charterIdempotencyKey(paths) {
    const results: IFunctionResult[] = [];
    for (const op of eachOperation(paths)) {
      if (op.method !== 'post' || !isObject(op.operation.responses) || op.operation.responses['201'] === undefined) {
        continue;
      }
      if (!hasParameter(op, 'header', 'idempotency-key')) {
        results.push({ message: MESSAGES.idempotencyKey(label(op)), path: op.at });
      }
    }
    return results;
  },
};
