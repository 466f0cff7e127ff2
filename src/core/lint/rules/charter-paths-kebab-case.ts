import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';
import { isKebabCase } from './support/naming';

/** `/shipments/{shipmentId}/proof-of-delivery`: literal segments are kebab-case. */
export const charterPathsKebabCase: CharterRule = {
  id: 'charter-paths-kebab-case',
  description: 'Path segments are kebab-case.',
  severity: 'error',
  target: 'openapi',
  given: ['$.paths'],
  resolved: false,
  fn: function charterPathsKebabCase(paths) {
    const results: IFunctionResult[] = [];
    if (!isObject(paths)) {
      return results;
    }
    for (const path of Object.keys(paths)) {
      for (const segment of path.split('/')) {
        // Template parts are checked by charter-path-params-camel-case; what is
        // left around them (`{id}.json`) must still be kebab-case.
        const literal = segment.replace(/\{[^}]*\}/g, '');
        if (literal === '') {
          continue;
        }
        const bad = literal.split(/[.]/).some((piece) => piece !== '' && !isKebabCase(piece));
        if (bad) {
          results.push({ message: MESSAGES.pathKebab(path, segment), path: ['paths', path] });
          break;
        }
      }
    }
    return results;
  },
};
