import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';
import { eachOperation, label } from './support/openapi';

const ERROR_STATUS = /^[45](?:\d\d|XX)$/i;
const PROBLEM_JSON = /^application\/problem\+json\s*(?:;.*)?$/i;

/** Clients (and the gateway) handle every error of every domain the same way: RFC 9457. */
export const charterProblemJsonErrors: CharterRule = {
  id: 'charter-problem-json-errors',
  description: '4xx and 5xx responses use application/problem+json.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: true,
  fn: function charterProblemJsonErrors(paths) {
    const results: IFunctionResult[] = [];
    for (const op of eachOperation(paths)) {
      if (!isObject(op.operation.responses)) {
        continue;
      }
      for (const [status, response] of Object.entries(op.operation.responses)) {
        if (!ERROR_STATUS.test(status) || !isObject(response)) {
          continue;
        }
        const content = isObject(response.content) ? response.content : {};
        if (!Object.keys(content).some((mt) => PROBLEM_JSON.test(mt))) {
          results.push({ message: MESSAGES.problemJson(label(op), status), path: [...op.at, 'responses', status] });
        }
      }
    }
    return results;
  },
};
