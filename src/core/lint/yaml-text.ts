/**
 * Governance files (charter.yaml, domain.yaml, Spectral ruleset files) are small
 * YAML or JSON texts; this parses one with the document limits and keeps a way from
 * a JSON pointer back to the line of the key, so every configuration Issue can name
 * the file and line (`charter.yaml:12:5`).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { DEFAULT_LIMITS } from '../document/types';
import type { Issue, IssueCode } from '../report/issue';
import type { SourceRef } from '../report/source-ref';
import { toPointer } from '../report/source-ref';
import { fail, ok, type Result } from '../result';

export interface YamlText {
  file: string;
  data: unknown;
  /** SourceRef of the key (or item) at `path`, or of its nearest ancestor. */
  ref: (path: ReadonlyArray<string | number>) => SourceRef;
}

export function parseYamlText(file: string, text: string, code: IssueCode = 'RULESET_INVALID'): Result<YamlText> {
  if (text.length > DEFAULT_LIMITS.maxBytes) {
    return fail({ code: 'DOCUMENT_TOO_LARGE', message: `${file} is larger than ${DEFAULT_LIMITS.maxBytes} bytes`, source: { file, pointer: '' } });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { code, message: `${file} is not valid YAML: ${e.message.split('\n')[0]}`, source: { file, pointer: '', line: pos.line, column: pos.col } };
    });
    return { ok: false, errors: issues };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return fail({ code: 'ALIAS_LIMIT_EXCEEDED', message: `${file}: ${(err as Error).message}`, source: { file, pointer: '' } });
  }

  const ref = (path: ReadonlyArray<string | number>): SourceRef => {
    let node: unknown = doc.contents;
    let at: { line: number; col: number } | undefined = node && (node as Node).range ? lineCounter.linePos((node as Node).range![0]) : undefined;
    for (const seg of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) {
          break;
        }
        const keyNode = pair.key as Node;
        if (keyNode.range) {
          at = lineCounter.linePos(keyNode.range[0]);
        }
        next = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as Node | undefined;
        if (!item) {
          break;
        }
        if (item.range) {
          at = lineCounter.linePos(item.range[0]);
        }
        next = item;
      } else {
        break;
      }
      node = next;
    }
    return { file, pointer: toPointer(path), ...(at ? { line: at.line, column: at.col } : {}) };
  };
  return ok({ file, data, ref });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
