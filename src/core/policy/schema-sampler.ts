/**
 * Makes a plausible value from a schema, for mock answers when a contract has no
 * example. Deterministic (no clock, no randomness) and bounded: recursion through
 * `$ref` cycles stops at a depth, and arrays get one item (or minItems, capped).
 */
import { escapePointerSegment } from '../report/source-ref';
import { isObject, resolveRef, type JsonObject } from './ref-resolver';

const MAX_DEPTH = 8;
const MAX_ITEMS = 3;
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
  byte: 'AA==',
};

export function sampleFromSchema(document: JsonObject, schema: unknown, pointer: string): unknown {
  return sample(document, schema, pointer, 0);
}

function sample(document: JsonObject, schema: unknown, pointer: string, depth: number): unknown {
  const resolved = resolveRef(document, schema, pointer);
  if (!resolved || !isObject(resolved.value)) {
    return resolved?.value === true ? {} : null;
  }
  const s = resolved.value;
  const at = resolved.pointer;
  if (s.example !== undefined) {
    return s.example;
  }
  if (Array.isArray(s.examples) && s.examples.length > 0) {
    return s.examples[0];
  }
  if (s.const !== undefined) {
    return s.const;
  }
  if (s.default !== undefined) {
    return s.default;
  }
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    return s.enum[0];
  }
  if (depth >= MAX_DEPTH) {
    return null;
  }
  if (Array.isArray(s.allOf)) {
    const merged: JsonObject = {};
    s.allOf.forEach((part, i) => {
      const value = sample(document, part, `${at}/allOf/${i}`, depth + 1);
      if (isObject(value)) {
        Object.assign(merged, value);
      }
    });
    return merged;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) {
      return sample(document, list[0], `${at}/${key}/0`, depth + 1);
    }
  }
  switch (typeOf(s)) {
    case 'object':
      return sampleObject(document, s, at, depth);
    case 'array': {
      const count = Math.min(MAX_ITEMS, Math.max(1, typeof s.minItems === 'number' ? s.minItems : 1));
      const item = sample(document, s.items ?? {}, `${at}/items`, depth + 1);
      return Array.from({ length: count }, () => item);
    }
    case 'integer':
    case 'number':
      return sampleNumber(s);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(s);
    default:
      return null;
  }
}

function typeOf(s: JsonObject): string | undefined {
  if (typeof s.type === 'string') {
    return s.type;
  }
  if (Array.isArray(s.type)) {
    return s.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  }
  if (isObject(s.properties)) {
    return 'object';
  }
  if (s.items !== undefined) {
    return 'array';
  }
  return undefined;
}

function sampleObject(document: JsonObject, s: JsonObject, at: string, depth: number): JsonObject {
  const out: JsonObject = {};
  const properties = isObject(s.properties) ? s.properties : {};
  for (const [name, propSchema] of Object.entries(properties)) {
    const propPointer = `${at}/properties/${escapePointerSegment(name)}`;
    const resolved = resolveRef(document, propSchema, propPointer);
    // A response mock never carries write-only properties.
    if (resolved && isObject(resolved.value) && resolved.value.writeOnly === true) {
      continue;
    }
    out[name] = sample(document, propSchema, propPointer, depth + 1);
  }
  return out;
}

function sampleNumber(s: JsonObject): number {
  const integer = s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));
  let value = 0;
  if (typeof s.minimum === 'number') {
    value = s.minimum;
  }
  if (typeof s.exclusiveMinimum === 'number') {
    value = s.exclusiveMinimum + (integer ? 1 : 0.5);
  } else if (s.exclusiveMinimum === true) {
    value += integer ? 1 : 0.5;
  }
  if (typeof s.maximum === 'number' && value > s.maximum) {
    value = s.maximum;
  }
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
    value = Math.ceil(value / s.multipleOf) * s.multipleOf;
  }
  return integer ? Math.ceil(value) : value;
}

function sampleString(s: JsonObject): string {
  const byFormat = typeof s.format === 'string' ? FORMAT_SAMPLES[s.format] : undefined;
  let value = byFormat ?? 'string';
  if (typeof s.minLength === 'number' && value.length < s.minLength) {
    value = value.padEnd(Math.min(s.minLength, 1024), 'x');
  }
  if (typeof s.maxLength === 'number' && value.length > s.maxLength) {
    value = value.slice(0, s.maxLength);
  }
  return value;
}
