/**
 * Follows internal `#/...` references of a bundled document without copying it.
 * The compiler needs parameter, request body, response, example and scheme objects
 * behind their refs, but must keep schemas as pointers (see policy-plan.ts), so it
 * walks refs lazily here instead of dereferencing the whole graph.
 */
import { toPointer } from '../report/source-ref';
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Segments of a JSON pointer. A `#`-prefixed one is a URI fragment (a `$ref`
 * value) and is percent-decoded first; a bare one (ours) is not, so a path key
 * with a literal `%` survives.
 */
export function pointerSegments(pointer: string): string[] | undefined {
  let body = pointer;
  if (body.startsWith('#')) {
    try {
      body = decodeURIComponent(body.slice(1));
    } catch {
      return undefined;
    }
  }
  if (body === '') {
    return [];
  }
  if (!body.startsWith('/')) {
    return undefined;
  }
  return body
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A bare pointer as a URI fragment (`#/paths/~1a~1%7Bid%7D`), as JSON Schema `$ref`s want it. */
export function pointerToFragment(pointer: string): string {
  return '#' + pointer.split('/').map((s) => encodeURIComponent(s).replace(/%7E/gi, '~')).join('/');
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  const segments = pointerSegments(pointer);
  if (!segments) {
    return undefined;
  }
  let node: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      node = node[Number(segment)];
    } else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

export interface Resolved {
  value: unknown;
  /** Pointer of the object finally reached (after every `$ref` hop). */
  pointer: string;
}

/**
 * Resolves `node` (found at `pointer`) through chained `$ref`s. Answers undefined
 * for a ref that is external, dangling, or part of a ref-only cycle.
 */
export function resolveRef(document: unknown, node: unknown, pointer: string): Resolved | undefined {
  const seen = new Set<string>();
  let current = node;
  let at = pointer;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#') || seen.has(ref)) {
      return undefined;
    }
    seen.add(ref);
    const segments = pointerSegments(ref);
    if (!segments) {
      return undefined;
    }
    at = toPointer(segments);
    current = valueAt(document, at);
    if (current === undefined) {
      return undefined;
    }
  }
  return { value: current, pointer: at };
}

/** Resolves then requires an object. */
export function resolveObject(document: unknown, node: unknown, pointer: string): { value: JsonObject; pointer: string } | undefined {
  const resolved = resolveRef(document, node, pointer);
  return resolved && isObject(resolved.value) ? { value: resolved.value, pointer: resolved.pointer } : undefined;
}
