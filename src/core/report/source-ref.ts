/**
 * Where a finding points: the file (relative to the contracts tree, or the name the
 * caller gave a stored document), an RFC 6901 JSON pointer into that file, and the
 * 1-based line and column of that pointer in the original text when known.
 * Reused by CLI output, CI annotations and problem+json `errors`.
 */
export interface SourceRef {
  file?: string;
  pointer: string;
  line?: number;
  column?: number;
}

/** Encode one path segment as RFC 6901 does (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '' : '/' + path.map(escapePointerSegment).join('/');
}

/**
 * Segments of a JSON pointer. A URI fragment (`#/a%20b`) is percent-decoded first;
 * a plain pointer is not, so keys that contain `%` survive.
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') {
    return [];
  }
  const fragment = pointer.startsWith('#');
  return (fragment ? pointer.slice(1) : pointer)
    .split('/')
    .slice(1)
    .map((s) => (fragment ? decodeURIComponent(s) : s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatSourceRef(ref: SourceRef): string {
  const where = ref.line ? `${ref.file ?? '<document>'}:${ref.line}:${ref.column ?? 1}` : (ref.file ?? '<document>');
  return ref.pointer ? `${where} (${ref.pointer || '/'})` : where;
}
