/**
 * Responses of one operation: status codes, their media types and schemas, and
 * response headers. Status codes compare as written (`200`, `2XX`, `default`).
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { child } from '../doc-view';
import { diffContent } from './content.diff';

export function diffResponses(ctx: DiffContext, bo: Located, ho: Located, operation: string): void {
  const base = new Map(ctx.base.entries(bo, 'responses').map(([k, v]) => [k.toUpperCase(), v]));
  const head = new Map(ctx.head.entries(ho, 'responses').map(([k, v]) => [k.toUpperCase(), v]));
  const label = (code: string): string => (code === 'DEFAULT' ? 'default' : code);
  for (const [code, b] of base) {
    const status = label(code);
    const h = head.get(code);
    if (!h) {
      ctx.add('response-status-removed', { operation, direction: 'response', location: `${status} response` }, b.ptr, child(ho.ptr, 'responses'), { status });
      continue;
    }
    diffContent(ctx, b, h, { operation, direction: 'response', what: `${status} response body`, status });
    diffHeaders(ctx, b, h, operation, status);
  }
  for (const [code, h] of head) {
    if (base.has(code)) {
      continue;
    }
    const status = label(code);
    ctx.add('response-status-added', { operation, direction: 'response', location: `${status} response` }, child(bo.ptr, 'responses'), h.ptr, { status });
  }
}

function diffHeaders(ctx: DiffContext, b: Located, h: Located, operation: string, status: string): void {
  const index = (side: 'base' | 'head', parent: Located): Map<string, [string, Located<Record<string, unknown>>]> =>
    new Map(
      ctx[side]
        .entries(parent, 'headers')
        .filter(([name]) => name.toLowerCase() !== 'content-type')
        .map(([name, loc]) => [name.toLowerCase(), [name, loc as Located<Record<string, unknown>>]]),
    );
  const base = index('base', b);
  const head = index('head', h);
  for (const [key, [name, bl]] of base) {
    const scope = { operation, direction: 'response' as const, location: `${status} response header '${name}'` };
    const hit = head.get(key);
    const from = bl.node.required === true;
    if (!hit) {
      ctx.add('response-header-removed', scope, bl.ptr, child(h.ptr, 'headers'), { name, required: from, status });
      continue;
    }
    const hl = hit[1];
    const to = hl.node.required === true;
    if (from !== to) {
      ctx.add('response-header-required-changed', scope, bl.ptr, hl.ptr, { name, from, to, status });
    }
    ctx.schema(scope, ctx.base.get(bl, 'schema'), ctx.head.get(hl, 'schema'), bl.ptr);
  }
  for (const [key, [name, hl]] of head) {
    if (base.has(key)) {
      continue;
    }
    const scope = { operation, direction: 'response' as const, location: `${status} response header '${name}'` };
    ctx.add('response-header-added', scope, child(b.ptr, 'headers'), hl.ptr, { name, required: hl.node.required === true, status });
  }
}
