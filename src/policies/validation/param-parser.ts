/**
 * Turns raw parameter strings into typed values per the compiled ParamPlan, so
 * the JSON Schema sees numbers, booleans and arrays. Coercion only converts what
 * converts cleanly; anything else stays a string for the validator to reject, so
 * every error is reported in one place, with its location.
 */
import type { ParamCoercion, ParamPlan } from '../../core/policy';
import type { ValidationError } from './validation-error';

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function coerceScalar(value: string, type: ParamCoercion['type'] | ParamCoercion['items']): unknown {
  switch (type) {
    case 'integer':
      return INTEGER.test(value) ? Number(value) : value;
    case 'number':
      return NUMBER.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

const DELIMITER: Record<string, string> = { spaceDelimited: ' ', pipeDelimited: '|' };

/** Query (and cookie) values: `values` are every occurrence of the name, in order. */
export function parseQueryParam(param: ParamPlan, values: readonly string[], errors: ValidationError[]): unknown {
  const { coercion } = param;
  if (coercion.type === 'array') {
    const items = param.explode && param.style === 'form' ? values : values.flatMap((v) => v.split(DELIMITER[param.style] ?? ','));
    return items.map((item) => coerceScalar(item, coercion.items));
  }
  if (values.length > 1) {
    errors.push({ in: param.in, name: param.name, pointer: '', message: 'must not be repeated', keyword: 'repeated' });
    return undefined;
  }
  return coerceScalar(values[0], coercion.type);
}

/** Path and header values (style simple): arrays are comma-separated. */
export function parseSimpleParam(param: ParamPlan, value: string): unknown {
  if (param.coercion.type === 'array') {
    return value.split(',').map((item) => coerceScalar(item.trim(), param.coercion.items));
  }
  return coerceScalar(value, param.coercion.type);
}

/** A path value in its parameter's style: `simple` (the default), `label` or `matrix`. */
export function parsePathParam(param: ParamPlan, value: string): unknown {
  return param.style === 'label' || param.style === 'matrix' ? parseStyledPathParam(param, value) : parseSimpleParam(param, value);
}

/**
 * Path values in `label` (`.5`, `.3.4.5` exploded, `.3,4,5`) and `matrix` style
 * (`;id=5`, `;id=3;id=4` exploded, `;id=3,4`). A value without the style's prefix
 * is passed on as it is, for the schema to judge.
 */
export function parseStyledPathParam(param: ParamPlan, value: string): unknown {
  let rest: string;
  let explodeSeparator: string;
  if (param.style === 'label') {
    if (!value.startsWith('.')) {
      return value;
    }
    rest = value.slice(1);
    explodeSeparator = '.';
  } else {
    const prefix = `;${param.name}=`;
    if (!value.startsWith(prefix)) {
      return value;
    }
    rest = value.slice(prefix.length);
    explodeSeparator = prefix;
  }
  if (param.coercion.type === 'array') {
    return rest.split(param.explode ? explodeSeparator : ',').map((item) => coerceScalar(item, param.coercion.items));
  }
  return coerceScalar(rest, param.coercion.type);
}

/** `name[key]=value` pairs of a deepObject query parameter. */
export function parseDeepObject(param: ParamPlan, query: ReadonlyMap<string, string[]>): Record<string, unknown> | undefined {
  const prefix = `${param.name}[`;
  let out: Record<string, unknown> | undefined;
  for (const [key, values] of query) {
    if (key.startsWith(prefix) && key.endsWith(']')) {
      out ??= {};
      out[key.slice(prefix.length, -1)] = values[values.length - 1];
    }
  }
  return out;
}

/** Cookie header -> name -> values. Only run when an operation declares cookie params. */
export function parseCookies(header: string | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  if (!header) {
    return cookies;
  }
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) {
      continue;
    }
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value: the schema decides whether it is acceptable
    }
    const list = cookies.get(name);
    if (list) {
      list.push(value);
    } else {
      cookies.set(name, [value]);
    }
  }
  return cookies;
}
