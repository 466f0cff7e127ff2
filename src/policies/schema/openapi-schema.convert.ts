/**
 * Makes a bundled OpenAPI document's schemas acceptable to ajv, once per version:
 * - 3.0 (a JSON Schema draft-04/05 dialect): boolean exclusiveMinimum/Maximum
 *   become the numeric draft-06+ form; `nullable: true` adds `null` to `type` (and
 *   to `enum`), or, where there is no `type`, wraps the schema in anyOf null.
 * - 3.1 (JSON Schema 2020-12): a `$schema` naming the OAS dialect is dropped, as
 *   ajv has no such meta-schema and the base vocabulary is what it validates.
 * Data-holding keywords (example, examples, default, enum, const) are copied as is.
 * The input is not mutated; the output is a fresh tree without shared objects.
 */
import type { SchemaDialect } from '../../core/policy';

type Json = unknown;
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-examples']);
const OAS_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\//;

export function convertForAjv(document: Record<string, unknown>, dialect: SchemaDialect): Record<string, unknown> {
  return convert(document, dialect, 0) as Record<string, unknown>;
}

function convert(node: Json, dialect: SchemaDialect, depth: number): Json {
  if (depth > 512) {
    throw new Error('document nests deeper than 512 levels');
  }
  if (Array.isArray(node)) {
    return node.map((item) => convert(item, dialect, depth + 1));
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    out[key] = DATA_KEYS.has(key) ? value : convert(value, dialect, depth + 1);
  }
  return dialect === 'openapi-3.0' ? fix30(out) : fix31(out);
}

function fix30(schema: Record<string, unknown>): Record<string, unknown> {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[flag] === 'boolean') {
      if (schema[flag] === true && typeof schema[bound] === 'number') {
        schema[flag] = schema[bound];
        delete schema[bound];
      } else {
        delete schema[flag];
      }
    }
  }
  if (!('nullable' in schema)) {
    return schema;
  }
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) {
    return schema;
  }
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
      schema.enum = [...(schema.enum as unknown[]), null];
    }
    return schema;
  }
  if (Array.isArray(schema.type)) {
    if (!schema.type.includes('null')) {
      schema.type = [...(schema.type as unknown[]), 'null'];
    }
    return schema;
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

function fix31(schema: Record<string, unknown>): Record<string, unknown> {
  if (typeof schema.$schema === 'string' && OAS_DIALECT.test(schema.$schema)) {
    delete schema.$schema;
  }
  return schema;
}
