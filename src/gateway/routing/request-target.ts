/**
 * Splits and checks a request target before routing. The gateway forwards the
 * raw path it checked, so what the upstream sees is exactly what was matched:
 * - dot segments (`.`, `..`, also percent-encoded) are refused, never resolved,
 *   so nothing can climb out of the `/{domain}/{api}/v{major}` prefix;
 * - encoded `/`, `\` and NUL inside a segment are refused (they would re-split
 *   the path differently at the upstream), as is a backslash anywhere;
 * - each segment is percent-decoded exactly once; a decoded segment that still
 *   holds an encoded dot, slash, backslash or percent (`%252e`) is refused, which
 *   closes double-decoding tricks at upstreams that decode twice;
 * - empty inner segments (`//`) are refused.
 */
export interface RequestTarget {
  /** Raw path as sent (checked). */
  path: string;
  /** Raw query string without `?` ('' when none). */
  query: string;
  /** Decoded segments after the leading `/`. */
  segments: string[];
}

export type TargetResult = { ok: true; target: RequestTarget } | { ok: false; reason: string };

const DOUBLE_ENCODED = /%(?:2e|2f|5c|25|00)/i;
const BAD_DECODED = /[/\\\0]/;

export function parseRequestTarget(url: string): TargetResult {
  if (url.charCodeAt(0) !== 47 /* / */) {
    return { ok: false, reason: 'request target must be an absolute path' };
  }
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  let query = q < 0 ? '' : url.slice(q + 1);
  const hash = query.indexOf('#');
  if (hash >= 0) {
    query = query.slice(0, hash);
  }
  const pathHash = path.indexOf('#');
  if (pathHash >= 0) {
    path = path.slice(0, pathHash);
  }
  if (path.includes('\\')) {
    return { ok: false, reason: 'backslash in path' };
  }
  const raw = path.split('/');
  const segments: string[] = new Array<string>(raw.length - 1);
  for (let i = 1; i < raw.length; i++) {
    const segment = raw[i];
    if (segment === '' && i < raw.length - 1) {
      return { ok: false, reason: 'empty path segment' };
    }
    let decoded = segment;
    if (segment.includes('%')) {
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return { ok: false, reason: 'malformed percent-encoding in path' };
      }
      if (BAD_DECODED.test(decoded)) {
        return { ok: false, reason: 'encoded slash, backslash or NUL in path' };
      }
      if (DOUBLE_ENCODED.test(decoded)) {
        return { ok: false, reason: 'double-encoded path' };
      }
    }
    if (decoded === '.' || decoded === '..') {
      return { ok: false, reason: 'dot segment in path' };
    }
    segments[i - 1] = decoded;
  }
  return { ok: true, target: { path, query, segments } };
}

/** One name or value of a query string: `+` as space, percent-decoded once. Throws on malformed escapes. */
export function decodeQueryComponent(text: string): string {
  return text.includes('%') || text.includes('+') ? decodeURIComponent(text.replace(/\+/g, ' ')) : text;
}

export type QueryResult = { ok: true; query: Map<string, string[]> } | { ok: false; reason: string };

const EMPTY_QUERY: ReadonlyMap<string, string[]> = new Map();

/** `a=1&a=2&b` -> { a: ['1','2'], b: [''] }, `+` as space, decoded once. */
export function parseQuery(query: string, maxParams = 256): QueryResult {
  if (query === '') {
    return { ok: true, query: EMPTY_QUERY as Map<string, string[]> };
  }
  const out = new Map<string, string[]>();
  const pairs = query.split('&');
  if (pairs.length > maxParams) {
    return { ok: false, reason: `more than ${maxParams} query parameters` };
  }
  for (const pair of pairs) {
    if (pair === '') {
      continue;
    }
    const eq = pair.indexOf('=');
    let name = eq < 0 ? pair : pair.slice(0, eq);
    let value = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      name = decodeQueryComponent(name);
      value = decodeQueryComponent(value);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding in query' };
    }
    const list = out.get(name);
    if (list) {
      list.push(value);
    } else {
      out.set(name, [value]);
    }
  }
  return { ok: true, query: out };
}
