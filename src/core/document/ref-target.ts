/**
 * What a `$ref` string points at, decided from the string alone: an internal
 * pointer, a file of the contracts tree, or something refused. Nothing here reads a
 * file or opens a socket; the loader never fetches anything that is not a tree file.
 */
import { splitFragment } from './json-pointer';

export type RefTarget =
  | { type: 'internal'; segments: string[] }
  | { type: 'file'; path: string; segments: string[] }
  | { type: 'remote' }
  | { type: 'outside' }
  | { type: 'invalid'; reason: string };

/** Any URI scheme (`http:`, `file:`, `urn:`, also `C:` drive letters) or a network-path `//host`. */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * @param ref the `$ref` value
 * @param fromFile tree-relative POSIX path of the file holding the ref
 */
export function classifyRef(ref: string, fromFile: string): RefTarget {
  if (ref === '') {
    return { type: 'invalid', reason: 'empty $ref' };
  }
  const hash = ref.indexOf('#');
  const rawPath = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const segments = splitFragment(fragment);
  if (SCHEME.test(ref) || ref.startsWith('//') || rawPath.startsWith('\\\\')) {
    return { type: 'remote' };
  }
  if (segments === undefined) {
    return { type: 'invalid', reason: `fragment '#${fragment}' is not a JSON pointer (it must start with '#/')` };
  }
  if (rawPath === '') {
    return { type: 'internal', segments };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { type: 'invalid', reason: 'malformed percent-encoding in $ref path' };
  }
  // After decoding, `..%2f` is `../` and `%5c` a backslash: judge what the file system would see.
  if (decoded.includes('\u0000')) {
    return { type: 'invalid', reason: 'NUL character in $ref path' };
  }
  const slashed = decoded.replace(/\\/g, '/');
  if (slashed.startsWith('/') || SCHEME.test(slashed)) {
    return { type: 'outside' };
  }
  const base = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const resolved = normalize(base === '' ? slashed : `${base}/${slashed}`);
  if (resolved === undefined) {
    return { type: 'outside' };
  }
  if (resolved === '') {
    return { type: 'invalid', reason: '$ref names a directory, not a file' };
  }
  return { type: 'file', path: resolved, segments };
}

/** POSIX normalization; undefined when `..` climbs above the root. */
export function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length === 0) {
        return undefined;
      }
      out.pop();
    } else {
      out.push(part);
    }
  }
  return out.join('/');
}
