import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { eachOperation, hasParameter, label } from './support/openapi';

/**
 * Where a domain requires correlation (domain.yaml `correlation.required`), every
 * operation accepts `x-correlation-id`, so a request can be followed across domains.
 * Silent when the domain does not require it or is unknown.
 */
export const charterCorrelationIdHeader: CharterRule = {
  id: 'charter-correlation-id-header',
  description: 'Operations accept the x-correlation-id header where the domain requires it.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: true,
  fn: function charterCorrelationIdHeader(paths, options) {
    const results: IFunctionResult[] = [];
    if (!options?.domain?.correlationRequired) {
      return results;
    }
    for (const op of eachOperation(paths)) {
      if (!hasParameter(op, 'header', 'x-correlation-id')) {
        results.push({ message: MESSAGES.correlationHeader(label(op)), path: op.at });
      }
    }
    return results;
  },
};
