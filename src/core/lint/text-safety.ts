/**
 * Spectral parses documents itself (for its ranges), with a YAML parser that has no
 * alias budget; so every text handed to it (the entry and each $ref'd file) first
 * passes the document limits here: size, and for YAML that uses anchors and
 * aliases, the alias expansion budget (billion-laughs guard).
 */
import { parseDocument } from 'yaml';
import { DEFAULT_LIMITS, type DocumentLimits } from '../document/types';

/** Cheap pre-check: full YAML parsing only when the text may use anchors and aliases. */
const MAY_ANCHOR = /(?:^|[\s[{,:-])&[^\s]/m;
const MAY_ALIAS = /(?:^|[\s[{,:-])\*[^\s*]/m;

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair (4 bytes) counts 2 + 2 here: two UTF-16 units of 2 each.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** Undefined when the text is within limits, else why not. */
export function checkTextLimits(text: string, limits: DocumentLimits = DEFAULT_LIMITS): string | undefined {
  // string length is UTF-16 units; bytes are at most 3x that for the BMP, so only
  // measure bytes when the length alone cannot decide.
  if (text.length > limits.maxBytes || (text.length * 3 > limits.maxBytes && utf8Length(text) > limits.maxBytes)) {
    return `document is larger than ${limits.maxBytes} bytes`;
  }
  if (/^\s*[{[]/.test(text)) {
    return undefined;
  }
  if (!MAY_ANCHOR.test(text) || !MAY_ALIAS.test(text)) {
    return undefined;
  }
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length === 0) {
      doc.toJS({ maxAliasCount: limits.maxAliases });
    }
  } catch (err) {
    return `YAML alias expansion exceeds the limit of ${limits.maxAliases}: ${(err as Error).message}`;
  }
  return undefined;
}
