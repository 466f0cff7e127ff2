/**
 * Text -> data, with a way back from pointers to lines. Order matters: the size
 * limit is checked before any parsing; the YAML parser bounds alias count and
 * nesting; then the shape check bounds depth and alias *expansion* (aliases are
 * shared objects, so a billion-laughs document parses in a millisecond and is
 * refused by the expansion budget in another) before anything else walks the data.
 * Positions are computed lazily, only when an issue needs one: JSON.parse and
 * js-yaml produce the data, the line map and positional parse come on demand.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { issueAt, withPosition } from './issues';
import { createJsonLocator, type OffsetLocator } from './json-locator';
import { splitPointer, toPointer } from './json-pointer';
import { loadJsYaml } from './lazy-modules';
import { resolveLimits } from './limits';
import { checkShape } from './shape-check';
import { LineIndex } from './text-position';
import type { DocumentFormat, DocumentLimits, ParsedDocument } from './types';
import { createYamlLocator } from './yaml-locator';

export function parseDocument(
  text: string | Uint8Array,
  file: string,
  limits?: Partial<DocumentLimits>,
): Result<ParsedDocument> {
  const max = resolveLimits(limits);
  const decoded = decode(text, file, max.maxBytes);
  if (!decoded.ok) {
    return decoded;
  }
  const source = decoded.value;
  const lines = new LineIndex(source);
  const format = formatOf(file, source);

  let data: unknown;
  let locator: () => OffsetLocator;
  let usedFormat: DocumentFormat;
  const json = format === 'json' || (format === undefined && /^\s*[[{]/.test(source)) ? tryJson(source) : undefined;
  if (json?.ok) {
    data = json.value;
    usedFormat = 'json';
    let cached: OffsetLocator | undefined;
    locator = () => (cached ??= safeLocator(() => createJsonLocator(source)));
  } else if (format === 'json' && json && !json.ok) {
    return fail(withPosition('PARSE_ERROR', `invalid JSON: ${json.message}`, file, '', lines.position(json.offset)));
  } else {
    usedFormat = 'yaml';
    const yaml = parseYaml(source, file, max, lines);
    if (!yaml.ok) {
      return yaml;
    }
    data = yaml.value;
    let cached: OffsetLocator | undefined;
    locator = () => (cached ??= safeLocator(() => createYamlLocator(source)));
  }

  const parsed: ParsedDocument = {
    file,
    format: usedFormat,
    text: source,
    data,
    locate: (pointer) => lines.position(locator()(splitPointer(pointer))),
  };
  const maxNodes = usedFormat === 'yaml' ? 2 * (source.length + 1) + 100_000 : Number.POSITIVE_INFINITY;
  const problem = checkShape(data, max.maxDepth, maxNodes);
  if (problem) {
    const message =
      problem.code === 'ALIAS_LIMIT_EXCEEDED'
        ? 'YAML aliases expand the document far beyond its size (resource exhaustion guard)'
        : problem.cycle
          ? 'recursive YAML alias: a node contains itself'
          : `nesting deeper than ${max.maxDepth} levels`;
    return fail(issueAt(problem.code, message, file, toPointer(problem.path), parsed));
  }
  return ok(parsed);
}

/** A locator is a convenience: if it cannot be built, issues point at the top of the file. */
function safeLocator(build: () => OffsetLocator): OffsetLocator {
  try {
    const locate = build();
    return (segments) => {
      try {
        return locate(segments);
      } catch {
        return 0;
      }
    };
  } catch {
    return () => 0;
  }
}

function decode(text: string | Uint8Array, file: string, maxBytes: number): Result<string> {
  const tooLarge = (size: string) =>
    fail<string>({
      code: 'DOCUMENT_TOO_LARGE',
      message: `document is ${size}, larger than the limit of ${maxBytes} bytes`,
      source: { file, pointer: '' },
    });
  let source: string;
  if (typeof text === 'string') {
    // Cheap bounds first: UTF-8 takes 1 to 3 bytes per UTF-16 unit.
    if (text.length > maxBytes) {
      return tooLarge(`at least ${text.length} bytes`);
    }
    if (text.length * 3 > maxBytes) {
      const bytes = new TextEncoder().encode(text).length;
      if (bytes > maxBytes) {
        return tooLarge(`${bytes} bytes`);
      }
    }
    source = text;
  } else {
    if (text.byteLength > maxBytes) {
      return tooLarge(`${text.byteLength} bytes`);
    }
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      return fail({ code: 'PARSE_ERROR', message: 'document is not valid UTF-8', source: { file, pointer: '' } });
    }
  }
  return ok(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
}

function formatOf(file: string, text: string): DocumentFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) {
    return 'json';
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    return 'yaml';
  }
  return text.length === 0 ? 'yaml' : undefined;
}

type JsonAttempt = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

function tryJson(text: string): JsonAttempt {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    return {
      ok: false,
      message: message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of input'),
      offset: at ? Number(at[1]) : text.length,
    };
  }
}

function parseYaml(text: string, file: string, max: DocumentLimits, lines: LineIndex): Result<unknown> {
  const jsyaml = loadJsYaml();
  // Comments only or nothing at all: an empty document (null), as YAML defines it.
  if (!/^[ \t]*[^\s#]/m.test(text)) {
    return ok(null);
  }
  try {
    return ok(
      jsyaml.load(text, {
        schema: coreWithMerge(),
        // The depth check after parsing names the pointer; this bound only keeps the
        // recursive parser off the stack limit.
        maxDepth: max.maxDepth + 1,
        maxAliases: max.maxAliases,
      }),
    );
  } catch (err) {
    if (/input is empty/.test(String((err as { reason?: unknown }).reason))) {
      return ok(null);
    }
    return fail(yamlThrown(err, text, file, max, lines));
  }
}

let schema: import('js-yaml').Schema | undefined;
function coreWithMerge(): import('js-yaml').Schema {
  const jsyaml = loadJsYaml();
  schema ??= jsyaml.CORE_SCHEMA.withTags(jsyaml.mergeTag);
  return schema;
}

function yamlThrown(err: unknown, text: string, file: string, max: DocumentLimits, lines: LineIndex): Issue {
  const e = err as { reason?: unknown; message?: unknown; mark?: { position?: number } };
  const reason = typeof e.reason === 'string' ? e.reason : String(e.message ?? err).split('\n')[0];
  const offset = typeof e.mark?.position === 'number' ? e.mark.position : undefined;
  const at = (code: Issue['code'], message: string) =>
    withPosition(code, message, file, '', offset === undefined ? undefined : lines.position(offset));
  if (/maxAliases/.test(reason)) {
    return at('ALIAS_LIMIT_EXCEEDED', `more than ${max.maxAliases} YAML aliases (billion-laughs guard)`);
  }
  if (/maxTotalMergeKeys/.test(reason)) {
    return at('ALIAS_LIMIT_EXCEEDED', 'YAML merge keys (<<) copy too many entries (resource exhaustion guard)');
  }
  if (/maxDepth/.test(reason) || err instanceof RangeError) {
    return at('DEPTH_LIMIT_EXCEEDED', `nesting deeper than ${max.maxDepth} levels`);
  }
  if (/duplicated mapping key/.test(reason)) {
    return at('PARSE_ERROR', `duplicate key ${offset === undefined ? '' : duplicateKeyName(text, offset)}`.trim());
  }
  return at('PARSE_ERROR', `invalid YAML: ${reason}`);
}

function duplicateKeyName(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 120).split(/\r?\n/)[0];
  const key = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]+?)\s*:/.exec(rest)?.[1];
  return key ? `'${key.replace(/^["']|["']$/g, '')}'` : '(mapping keys must be unique)';
}
