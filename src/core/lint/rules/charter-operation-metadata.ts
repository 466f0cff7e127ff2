import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { asArray, nonEmptyString } from './support/json';
import { eachOperation, label } from './support/openapi';

/** Catalogues, SDKs and the portal are built from these three fields. */
export const charterOperationMetadata: CharterRule = {
  id: 'charter-operation-metadata',
  description: 'Every operation has an operationId, a summary and at least one tag.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: true,
  fn: function charterOperationMetadata(paths) {
    const results: IFunctionResult[] = [];
    for (const op of eachOperation(paths)) {
      if (!nonEmptyString(op.operation.operationId)) {
        results.push({ message: MESSAGES.operationMissing(label(op), 'operationId'), path: op.at });
      }
      if (!nonEmptyString(op.operation.summary)) {
        results.push({ message: MESSAGES.operationMissing(label(op), 'summary'), path: op.at });
      }
      if (asArray(op.operation.tags).filter(nonEmptyString).length === 0) {
        results.push({ message: MESSAGES.operationMissing(label(op), 'tags'), path: op.at });
      }
    }
    return results;
  },
};
