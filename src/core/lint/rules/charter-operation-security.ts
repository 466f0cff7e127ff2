import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject, nonEmptyString } from './support/json';
import { eachOperation, label } from './support/openapi';

/**
 * Secure by default: an operation is either protected (its own `security` or the
 * document's) or explicitly public, and a public one says why (x-charter-public, on
 * the operation or, for a whole public API, at the document root).
 */
export const charterOperationSecurity: CharterRule = {
  id: 'charter-operation-security',
  description: 'Every operation declares security, or `security: []` with an x-charter-public justification.',
  severity: 'error',
  target: 'openapi',
  given: ['$'],
  resolved: true,
  fn: function charterOperationSecurity(root) {
    const results: IFunctionResult[] = [];
    if (!isObject(root)) {
      return results;
    }
    for (const op of eachOperation(root.paths)) {
      const own = op.operation.security;
      const effective = own !== undefined ? own : root.security;
      if (!Array.isArray(effective)) {
        results.push({ message: MESSAGES.securityMissing(label(op)), path: op.at });
        continue;
      }
      // `[]` and a `{}` alternative both let anonymous callers in.
      const isPublic = effective.length === 0 || effective.some((req) => isObject(req) && Object.keys(req).length === 0);
      if (!isPublic) {
        continue;
      }
      const justified = nonEmptyString(op.operation['x-charter-public']) || nonEmptyString(root['x-charter-public']);
      if (!justified) {
        results.push({ message: MESSAGES.publicWithoutJustification(label(op)), path: own !== undefined ? [...op.at, 'security'] : op.at });
      }
    }
    return results;
  },
};
