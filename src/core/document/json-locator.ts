/**
 * JSON pointer -> offset in a JSON text, without building a tree. JSON.parse is
 * several times faster than any positional parser, so .json documents are parsed
 * with it and only the (rare) issue that needs a line pays for this scan. The scan
 * walks down the pointer only, skipping sibling values; offsets of containers found
 * on the way are cached, so issues in the same area share the work.
 *
 * Input is text JSON.parse already accepted: the scanner trusts its structure.
 */
export type OffsetLocator = (segments: readonly string[]) => number;

export function createJsonLocator(text: string): OffsetLocator {
  const cache = new Map<string, number>();
  return (segments) => {
    // Start from the deepest cached ancestor (a NUL-joined key cannot clash with a pointer).
    let depth = segments.length;
    let start = -1;
    for (; depth > 0; depth--) {
      const cached = cache.get(segments.slice(0, depth).join('\u0000'));
      if (cached !== undefined) {
        start = cached;
        break;
      }
    }
    let pos = start === -1 ? skipWs(text, 0) : start;
    for (let i = depth; i < segments.length; i++) {
      const next = child(text, pos, segments[i]);
      if (next === -1) {
        return pos;
      }
      pos = next;
      const c = text.charCodeAt(pos);
      if (c === 0x7b || c === 0x5b) {
        cache.set(segments.slice(0, i + 1).join('\u0000'), pos);
      }
    }
    return pos;
  };
}

/** Offset of the value of `segment` inside the container at `pos`, or -1. */
function child(text: string, pos: number, segment: string): number {
  const open = text.charCodeAt(pos);
  if (open === 0x7b /* { */) {
    let p = skipWs(text, pos + 1);
    let found = -1;
    while (p < text.length && text.charCodeAt(p) !== 0x7d /* } */) {
      const keyEnd = skipString(text, p);
      const key = readKey(text, p, keyEnd);
      p = skipWs(text, keyEnd);
      p = skipWs(text, p + 1); // ':'
      // JSON.parse keeps the last of duplicate keys: so does this.
      if (key === segment) {
        found = p;
      }
      p = skipWs(text, skipValue(text, p));
      if (text.charCodeAt(p) === 0x2c /* , */) {
        p = skipWs(text, p + 1);
      }
    }
    return found;
  }
  if (open === 0x5b /* [ */) {
    if (!/^(0|[1-9]\d*)$/.test(segment)) {
      return -1;
    }
    let index = Number(segment);
    let p = skipWs(text, pos + 1);
    while (p < text.length && text.charCodeAt(p) !== 0x5d /* ] */) {
      if (index === 0) {
        return p;
      }
      index--;
      p = skipWs(text, skipValue(text, p));
      if (text.charCodeAt(p) === 0x2c) {
        p = skipWs(text, p + 1);
      }
    }
  }
  return -1;
}

function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

function skipWs(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      p++;
    } else {
      return p;
    }
  }
}

/** `pos` is on the opening quote; returns the offset after the closing quote. */
function skipString(text: string, pos: number): number {
  let p = pos + 1;
  for (;;) {
    const q = text.indexOf('"', p);
    if (q === -1) {
      return text.length;
    }
    let backslashes = 0;
    for (let b = q - 1; text.charCodeAt(b) === 0x5c; b--) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return q + 1;
    }
    p = q + 1;
  }
}

function skipValue(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 0x22) {
    return skipString(text, pos);
  }
  if (c !== 0x7b && c !== 0x5b) {
    let p = pos;
    while (p < text.length) {
      const d = text.charCodeAt(p);
      if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) {
        break;
      }
      p++;
    }
    return p;
  }
  let depth = 0;
  let p = pos;
  while (p < text.length) {
    const d = text.charCodeAt(p);
    if (d === 0x22) {
      p = skipString(text, p);
      continue;
    }
    if (d === 0x7b || d === 0x5b) {
      depth++;
    } else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) {
        return p + 1;
      }
    }
    p++;
  }
  return p;
}
