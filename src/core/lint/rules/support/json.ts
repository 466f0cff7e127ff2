/** Small total helpers over untyped JSON, so rule functions never throw on odd shapes. */
export type Json = Record<string, unknown>;
export type JsonPath = Array<string | number>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asObject(v: unknown): Json {
  return isObject(v) ? v : {};
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** True when the path runs through example values, which are data, not schema. */
export function insideExamples(path: readonly (string | number)[]): boolean {
  return path.some((s) => s === 'example' || s === 'examples' || s === 'x-examples');
}
