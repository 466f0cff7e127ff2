/**
 * Parameters of an operation (path-level merged under operation-level, as OpenAPI
 * says), with the serialization style and how to coerce their raw strings.
 */
import type { Issue } from '../report/issue';
import type { ParamCoercion, ParamLocation, ParamPlan } from './policy-plan';
import { isObject, resolveObject, resolveRef, type JsonObject } from './ref-resolver';

const LOCATIONS: readonly ParamLocation[] = ['path', 'query', 'header', 'cookie'];
// OpenAPI: header parameters with these names are ignored (owned by HTTP itself).
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const STYLES = new Set(['simple', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject', 'matrix', 'label']);
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

interface RawParam {
  node: unknown;
  pointer: string;
}

export function compileParameters(document: JsonObject, pathLevel: RawParam[], opLevel: RawParam[], warnings: Issue[]): ParamPlan[] {
  const byKey = new Map<string, ParamPlan>();
  for (const raw of [...pathLevel, ...opLevel]) {
    const resolved = resolveObject(document, raw.node, raw.pointer);
    if (!resolved) {
      warnings.push({ code: 'UNSUPPORTED_POLICY', message: 'parameter $ref cannot be resolved; ignored', source: { pointer: raw.pointer } });
      continue;
    }
    const plan = compileParameter(document, resolved.value, resolved.pointer, warnings);
    if (plan) {
      byKey.set(`${plan.in}:${plan.name}`, plan);
    }
  }
  return [...byKey.values()];
}

function compileParameter(document: JsonObject, param: JsonObject, pointer: string, warnings: Issue[]): ParamPlan | undefined {
  const location = param.in as ParamLocation;
  if (typeof param.name !== 'string' || !LOCATIONS.includes(location)) {
    return undefined;
  }
  const name = location === 'header' ? param.name.toLowerCase() : param.name;
  if (location === 'header' && IGNORED_HEADERS.has(name)) {
    return undefined;
  }
  const defaultStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
  let style = typeof param.style === 'string' && STYLES.has(param.style) ? param.style : defaultStyle;
  if (typeof param.style === 'string' && !STYLES.has(param.style)) {
    warnings.push({ code: 'UNSUPPORTED_POLICY', message: `unknown parameter style "${param.style}"; treated as ${defaultStyle}`, source: { pointer } });
  }
  if ((style === 'matrix' || style === 'label') && location !== 'path') {
    warnings.push({ code: 'UNSUPPORTED_POLICY', message: `parameter style "${style}" applies to path parameters only; treated as ${defaultStyle}`, source: { pointer } });
    style = defaultStyle;
  }
  const explode = typeof param.explode === 'boolean' ? param.explode : style === 'form';
  const hasSchema = param.schema !== undefined;
  if (!hasSchema) {
    warnings.push({ code: 'UNSUPPORTED_POLICY', message: `parameter "${param.name}" has no schema (content-typed); not validated`, source: { pointer } });
  }
  return {
    name,
    in: location,
    // Path parameters are always required, whatever the document says.
    required: location === 'path' || param.required === true,
    schemaPointer: hasSchema ? `${pointer}/schema` : undefined,
    style: style as ParamPlan['style'],
    explode,
    coercion: hasSchema ? coercionOf(document, param.schema, `${pointer}/schema`) : { type: 'any' },
  };
}

/** The JSON type a raw string should become, read through refs and `nullable`/type arrays. */
export function coercionOf(document: JsonObject, schema: unknown, pointer: string): ParamCoercion {
  const resolved = resolveObject(document, schema, pointer);
  if (!resolved) {
    return { type: 'any' };
  }
  const type = primaryType(resolved.value);
  if (type === 'array') {
    const items = resolveRef(document, resolved.value.items, `${resolved.pointer}/items`);
    const itemType = items && isObject(items.value) ? primaryType(items.value) : undefined;
    return { type: 'array', items: itemType && SCALARS.has(itemType) ? (itemType as ParamCoercion['items']) : 'any' };
  }
  if (type === 'object') {
    return { type: 'object' };
  }
  return type && SCALARS.has(type) ? { type: type as ParamCoercion['type'] } : { type: 'any' };
}

function primaryType(schema: JsonObject): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') {
    return type;
  }
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0 && isObject(list[0]) && typeof list[0].type === 'string') {
      return list[0].type;
    }
  }
  return undefined;
}
