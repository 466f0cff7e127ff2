/**
 * Media range matching for request and response bodies, decided per declared
 * content map at build time; per request only the header's type/subtype is cut out.
 */
export function baseMediaType(contentType: string | undefined): string {
  if (!contentType) {
    return '';
  }
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

export function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** Does a concrete `type/subtype` fall in a declared range (`*\/*`, `application/*`, exact)? */
export function mediaMatches(range: string, type: string): boolean {
  if (range === '*/*' || range === type) {
    return true;
  }
  if (range.endsWith('/*')) {
    return type.startsWith(range.slice(0, -1));
  }
  return false;
}

/** The most specific declared entry for a concrete type: exact, then `type/*`, then `*\/*`. */
export function pickMedia<T extends { mediaType: string }>(entries: readonly T[], type: string): T | undefined {
  let best: T | undefined;
  let bestRank = -1;
  for (const entry of entries) {
    const range = baseMediaType(entry.mediaType);
    if (!mediaMatches(range, type)) {
      continue;
    }
    const rank = range === type ? 2 : range === '*/*' ? 0 : 1;
    if (rank > bestRank) {
      best = entry;
      bestRank = rank;
    }
  }
  return best;
}
