/**
 * Entry point of the diff: pick the walker for the document kind, collect facts,
 * sort them. When two documents of different kinds are compared, the head is
 * read as an empty document of the base's kind: everything consumers knew is gone.
 */
import type { ContractKind } from '../document/types';
import { DiffContext } from './diff-context';
import type { Diff, DiffOptions, DiffSide, Fact } from './diff.types';
import { DocView, isObject, str } from './doc-view';
import { deepEqual } from './deep-equal';
import { diffOpenApi } from './openapi/openapi.diff';
import { diffAsyncApi } from './asyncapi/asyncapi.diff';

export function kindOf(document: Record<string, unknown>): ContractKind | undefined {
  if (typeof document.openapi === 'string') {
    return 'openapi';
  }
  if (typeof document.asyncapi === 'string') {
    return 'asyncapi';
  }
  return undefined;
}

function versionOf(document: Record<string, unknown>): string | undefined {
  return isObject(document.info) ? str(document.info.version) : undefined;
}

export function diffContracts(base: DiffSide, head: DiffSide, opts: DiffOptions = {}): Diff {
  const kind = kindOf(base.document) ?? kindOf(head.document) ?? 'openapi';
  const headSide: DiffSide = kindOf(head.document) === kind ? head : { ...head, document: { [kind]: '3.0.0' } };
  const ctx = new DiffContext(kind, new DocView(base), new DocView(headSide), opts.maxSchemaPairs);
  if (kind === 'openapi') {
    diffOpenApi(ctx);
  } else {
    diffAsyncApi(ctx);
  }
  const facts = ctx.finish();
  let identical = false;
  if (facts.length === 0) {
    identical = deepEqual(base.document, head.document, (p) => p.length === 2 && p[0] === 'info' && p[1] === 'version');
    if (!identical) {
      facts.push({ kind: 'document-changed', api: kind, base: ctx.base.source(''), head: ctx.head.source(''), details: {} });
    }
  }
  return { kind, baseVersion: versionOf(base.document), headVersion: versionOf(head.document), identical, facts: facts.sort(compareFacts) };
}

const key = (f: Fact): string =>
  [f.operation ?? '', f.channel ?? '', f.location ?? '', f.property ?? '', f.kind, f.base.pointer, f.head.pointer].join('\u0000');

function compareFacts(a: Fact, b: Fact): number {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
