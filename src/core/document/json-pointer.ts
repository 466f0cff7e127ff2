/**
 * RFC 6901 pointers. Plain pointers (ajv `instancePath`, issue pointers) are only
 * `~`-escaped; a `$ref` fragment is a URI fragment and is percent-decoded first.
 * Kept apart on purpose: percent-decoding a plain pointer would corrupt keys that
 * contain `%` (e.g. a path `/files/100%`).
 */
import { toPointer } from '../report/source-ref';

export { toPointer };

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') {
    return pointer === '/' ? [''] : [];
  }
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map(unescapeSegment);
}

/** Segments of a `#/a/b` fragment (without `#`), or undefined when it is not a JSON pointer. */
export function splitFragment(fragment: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (decoded === '') {
    return [];
  }
  if (!decoded.startsWith('/')) {
    return undefined;
  }
  return decoded.slice(1).split('/').map(unescapeSegment);
}

function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

export type Resolved = { found: true; value: unknown } | { found: false; depth: number };

/** Plain evaluation of a pointer on data (refs on the way are not followed). */
export function resolvePointer(data: unknown, segments: readonly string[]): Resolved {
  let node: unknown = data;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= node.length) {
        return { found: false, depth: i };
      }
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return { found: false, depth: i };
    }
  }
  return { found: true, value: node };
}
