/**
 * One operation present on both sides: its flags, parameters, request body,
 * responses and effective security.
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { str } from '../doc-view';
import { diffParameters } from './parameters.diff';
import { diffRequestBody } from './request-body.diff';
import { diffResponses } from './responses.diff';
import { diffOperationSecurity } from './security.diff';

export interface OperationSite {
  path: string;
  item: Located;
  op: Located;
}

export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function diffOperation(ctx: DiffContext, b: OperationSite, h: OperationSite, operation: string): void {
  const bo = b.op.node as Record<string, unknown>;
  const ho = h.op.node as Record<string, unknown>;
  if (bo.deprecated !== true && ho.deprecated === true) {
    ctx.add('endpoint-deprecated', { operation }, b.op.ptr, h.op.ptr);
  }
  const fromId = str(bo.operationId);
  const toId = str(ho.operationId);
  if (fromId !== undefined && fromId !== toId) {
    ctx.add('operation-id-changed', { operation }, b.op.ptr, h.op.ptr, { from: fromId, to: toId });
  }
  diffParameters(ctx, b, h, operation);
  diffRequestBody(ctx, b.op, h.op, operation);
  diffResponses(ctx, b.op, h.op, operation);
  diffOperationSecurity(ctx, b.op, h.op, operation);
}
