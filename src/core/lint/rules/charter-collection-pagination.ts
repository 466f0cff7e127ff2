import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject } from './support/json';
import { eachOperation, hasParameter, isArraySchema, jsonSchemaOf, label, propertiesOf, type OperationAt } from './support/openapi';

/** Envelope properties that hold the items of a page. */
const ITEM_PROPERTIES = ['items', 'data', 'results'];

/**
 * A collection read is a GET on a path ending in a literal segment (`/shipments`,
 * `/shipments/{shipmentId}/stops`) whose 200 body is an array or an envelope with
 * an items array or a page object. That is a heuristic, hence `warn` by default.
 */
function collectionBody(op: OperationAt): { bareArray: boolean; hasPage: boolean } | undefined {
  if (op.method !== 'get') {
    return undefined;
  }
  const segments = op.path.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined || /^\{.*\}$/.test(last)) {
    return undefined;
  }
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const schema = jsonSchemaOf(responses['200'] ?? responses['206']);
  if (!schema) {
    return undefined;
  }
  if (isArraySchema(schema)) {
    return { bareArray: true, hasPage: false };
  }
  const props = propertiesOf(schema);
  const hasPage = props.has('page');
  const hasItems = ITEM_PROPERTIES.some((p) => props.has(p) && isArraySchema(props.get(p)));
  return hasItems || hasPage ? { bareArray: false, hasPage } : undefined;
}

export const charterCollectionPagination: CharterRule = {
  id: 'charter-collection-pagination',
  description: 'Collection operations are paginated: limit + cursor query parameters and a page object.',
  severity: 'warn',
  target: 'openapi',
  given: ['$.paths'],
  resolved: true,
  fn: function charterCollectionPagination(paths) {
    const results: IFunctionResult[] = [];
    for (const op of eachOperation(paths)) {
      const body = collectionBody(op);
      if (!body) {
        continue;
      }
      if (!hasParameter(op, 'query', 'limit')) {
        results.push({ message: MESSAGES.paginationParam(label(op), 'limit'), path: op.at });
      }
      if (!hasParameter(op, 'query', 'cursor') && !hasParameter(op, 'query', 'page')) {
        results.push({ message: MESSAGES.paginationParam(label(op), 'cursor'), path: op.at });
      }
      if (body.bareArray) {
        results.push({ message: MESSAGES.paginationBareArray(label(op)), path: [...op.at, 'responses'] });
      } else if (!body.hasPage) {
        results.push({ message: MESSAGES.paginationPageObject(label(op)), path: [...op.at, 'responses'] });
      }
    }
    return results;
  },
};
