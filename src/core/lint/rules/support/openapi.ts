/** Walking OpenAPI 3.x paths: operations, their effective parameters, headers. */
import { asArray, isObject, type Json, type JsonPath } from './json';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationAt {
  path: string;
  method: string;
  operation: Json;
  pathItem: Json;
  /** JSON path of the operation from the document root. */
  at: JsonPath;
}

/** Every operation under a (resolved) `paths` object, in document order. */
export function eachOperation(paths: unknown): OperationAt[] {
  const out: OperationAt[] = [];
  if (!isObject(paths)) {
    return out;
  }
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) {
      continue;
    }
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) {
        out.push({ path, method, operation, pathItem, at: ['paths', path, method] });
      }
    }
  }
  return out;
}

export function label(op: OperationAt): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** Path-item parameters overridden by operation parameters of the same name and location. */
export function parametersOf(op: OperationAt): Json[] {
  const byKey = new Map<string, Json>();
  for (const p of [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)]) {
    if (!isObject(p)) {
      continue;
    }
    byKey.set(`${String(p.in)}:${String(p.name).toLowerCase()}`, p);
  }
  return [...byKey.values()];
}

export function hasParameter(op: OperationAt, location: string, name: string): boolean {
  const wanted = name.toLowerCase();
  return parametersOf(op).some((p) => p.in === location && typeof p.name === 'string' && p.name.toLowerCase() === wanted);
}

/** The schema of the first JSON-like media type of a response, if any. */
export function jsonSchemaOf(response: unknown): Json | undefined {
  if (!isObject(response) || !isObject(response.content)) {
    return undefined;
  }
  for (const [mediaType, media] of Object.entries(response.content)) {
    if (/json/i.test(mediaType) && isObject(media) && isObject(media.schema)) {
      return media.schema;
    }
  }
  return undefined;
}

/** Property names of an object schema, including those contributed through allOf. */
export function propertiesOf(schema: unknown, depth = 0): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!isObject(schema) || depth > 8) {
    return out;
  }
  if (isObject(schema.properties)) {
    for (const [k, v] of Object.entries(schema.properties)) {
      out.set(k, isObject(v) ? v : {});
    }
  }
  for (const part of asArray(schema.allOf)) {
    for (const [k, v] of propertiesOf(part, depth + 1)) {
      if (!out.has(k)) {
        out.set(k, v);
      }
    }
  }
  return out;
}

/** `type: array` or OpenAPI 3.1 `type: [array, 'null']`. */
export function isArraySchema(schema: unknown): boolean {
  if (!isObject(schema)) {
    return false;
  }
  const t = schema.type;
  return t === 'array' || (Array.isArray(t) && t.includes('array')) || (t === undefined && schema.items !== undefined);
}
