/** The request body of one operation: presence, `required`, media types, schemas. */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { diffContent } from './content.diff';

export function diffRequestBody(ctx: DiffContext, bo: Located, ho: Located, operation: string): void {
  const b = ctx.base.get<Record<string, unknown>>(bo, 'requestBody');
  const h = ctx.head.get<Record<string, unknown>>(ho, 'requestBody');
  const scope = { operation, direction: 'request' as const, location: 'request body' };
  if (!b && !h) {
    return;
  }
  if (!b) {
    ctx.add('request-body-added', scope, bo.ptr, h!.ptr, { required: h!.node.required === true });
    return;
  }
  if (!h) {
    ctx.add('request-body-removed', scope, b.ptr, ho.ptr);
    return;
  }
  const from = b.node.required === true;
  const to = h.node.required === true;
  if (from !== to) {
    ctx.add('request-body-required-changed', scope, b.ptr, h.ptr, { from, to });
  }
  diffContent(ctx, b, h, { operation, direction: 'request', what: 'request body' });
}
