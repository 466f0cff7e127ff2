import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';
import { isCamelCase } from './support/naming';

/** `{shipmentId}`, the same spelling as the property that holds the id. */
export const charterPathParamsCamelCase: CharterRule = {
  id: 'charter-path-params-camel-case',
  description: 'Path parameters are camelCase.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: false,
  fn: function charterPathParamsCamelCase(paths) {
    const results: IFunctionResult[] = [];
    if (!isObject(paths)) {
      return results;
    }
    for (const path of Object.keys(paths)) {
      for (const match of path.matchAll(/\{([^}]*)\}/g)) {
        const name = match[1] ?? '';
        if (!isCamelCase(name)) {
          results.push({ message: MESSAGES.pathParamCamel(path, name), path: ['paths', path] });
        }
      }
    }
    return results;
  },
};
