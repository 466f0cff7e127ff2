import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { canonicalTarget, comesFromCanonical, identifierEntity, objectEntity } from './support/canonical';
import { insideExamples, isObject, type JsonPath } from './support/json';
import { firstVisit } from './support/first-visit';
import { isPropertiesMap } from './support/schema';

/**
 * Shared business identifiers and objects are defined once, in the canonical
 * schemas folder, and referenced from there: a `shipmentId` property, a
 * `{shipmentId}` parameter schema or a `Shipment` component defined inline fires.
 */
export const charterCanonicalRefs: CharterRule = {
  id: 'charter-canonical-refs',
  description: 'Shared business identifiers and objects reference the canonical schemas instead of redefining them.',
  severity: 'error',
  target: 'any',
  given: ['$..properties', '$.components.schemas', '$.paths[*].parameters', '$.paths[*][*].parameters', '$.components.parameters'],
  resolved: true,
  fn: function charterCanonicalRefs(input, options, context) {
    const results: IFunctionResult[] = [];
    const dir = options?.canonicalDir ?? '_canonical';
    const path = context.path;
    if (!isObject(input) && !Array.isArray(input)) {
      return results;
    }
    if (insideExamples(path) || !firstVisit(context, 'charter-canonical-refs', input)) {
      return results;
    }
    const last = path[path.length - 1];

    if (last === 'schemas' && path.length === 2 && isObject(input)) {
      for (const name of Object.keys(input)) {
        const e = objectEntity(name) ?? identifierEntity(name);
        if (!e) {
          continue;
        }
        const schemaName = objectEntity(name) ? e.object : e.id!;
        if (!comesFromCanonical(context, [...path, name], dir)) {
          results.push({ message: MESSAGES.canonicalSchema(name, canonicalTarget(dir, e, schemaName)), path: [...path, name] });
        }
      }
      return results;
    }

    if (last === 'parameters') {
      const entries: Array<[string | number, unknown]> = Array.isArray(input) ? input.map((p, i) => [i, p]) : Object.entries(input);
      for (const [key, param] of entries) {
        if (!isObject(param) || typeof param.name !== 'string' || !isObject(param.schema)) {
          continue;
        }
        const e = identifierEntity(param.name);
        if (!e) {
          continue;
        }
        const schemaPath: JsonPath = [...path, key, 'schema'];
        if (!comesFromCanonical(context, schemaPath, dir)) {
          results.push({ message: MESSAGES.canonicalParameter(param.name, canonicalTarget(dir, e, e.id!)), path: schemaPath });
        }
      }
      return results;
    }

    if (last === 'properties' && isObject(input) && isPropertiesMap(path)) {
      for (const name of Object.keys(input)) {
        const e = identifierEntity(name);
        if (!e) {
          continue;
        }
        if (!comesFromCanonical(context, [...path, name], dir)) {
          results.push({ message: MESSAGES.canonicalProperty(name, canonicalTarget(dir, e, e.id!)), path: [...path, name] });
        }
      }
    }
    return results;
  },
};
