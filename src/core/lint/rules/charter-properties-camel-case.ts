import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { insideExamples, isObject } from './support/json';
import { isCamelCase } from './support/naming';
import { firstVisit } from './support/first-visit';
import { isPropertiesMap } from './support/schema';

/**
 * Schema property names are camelCase, in bodies, parameters, headers and payloads
 * alike. Runs on the resolved document, so properties of $ref'd files are checked
 * too and reported in the file that defines them.
 */
export const charterPropertiesCamelCase: CharterRule = {
  id: 'charter-properties-camel-case',
  description: 'Schema properties are camelCase.',
  severity: 'error',
  target: 'any',
  given: ['$..properties'],
  resolved: true,
  fn: function charterPropertiesCamelCase(properties, _options, context) {
    const results: IFunctionResult[] = [];
    if (!isObject(properties) || insideExamples(context.path) || !isPropertiesMap(context.path)) {
      return results;
    }
    if (!firstVisit(context, 'charter-properties-camel-case', properties)) {
      return results;
    }
    for (const name of Object.keys(properties)) {
      if (!isCamelCase(name)) {
        results.push({ message: MESSAGES.propertyCamel(name), path: [...context.path, name] });
      }
    }
    return results;
  },
};
