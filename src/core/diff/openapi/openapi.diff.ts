/**
 * OpenAPI 3.0/3.1: paths and their operations, matched by path template with the
 * variable names erased (so `/pets/{id}` -> `/pets/{petId}` is a rename, not a
 * removal plus an addition), then servers and security schemes at document level.
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { diffOperation, operationLabel } from './operation.diff';
import { diffServers } from './servers.diff';
import { diffSecuritySchemes } from './security.diff';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface PathEntry {
  path: string;
  item: Located;
}

/** `/pets/{petId}` -> `/pets/{}`: the identity of a path for consumers. */
export function pathKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function indexPaths(ctx: DiffContext, side: 'base' | 'head'): Map<string, PathEntry> {
  const view = ctx[side];
  const out = new Map<string, PathEntry>();
  for (const [path, item] of view.entries(view.at(''), 'paths')) {
    const key = pathKey(path);
    if (!out.has(key)) {
      out.set(key, { path, item });
    }
  }
  return out;
}

export function diffOpenApi(ctx: DiffContext): void {
  const base = indexPaths(ctx, 'base');
  const head = indexPaths(ctx, 'head');
  for (const [key, b] of base) {
    const h = head.get(key);
    if (!h) {
      for (const m of METHODS) {
        const op = ctx.base.get(b.item, m);
        if (op) {
          const deprecated = (op.node as { deprecated?: unknown }).deprecated === true;
          ctx.add('endpoint-removed', { operation: operationLabel(m, b.path) }, op.ptr, '/paths', { deprecated });
        }
      }
      continue;
    }
    if (b.path !== h.path) {
      ctx.add('path-parameter-renamed', { operation: h.path }, b.item.ptr, h.item.ptr, { from: b.path, to: h.path });
    }
    for (const m of METHODS) {
      const bo = ctx.base.get(b.item, m);
      const ho = ctx.head.get(h.item, m);
      const label = operationLabel(m, h.path);
      if (bo && ho) {
        diffOperation(ctx, { path: b.path, item: b.item, op: bo }, { path: h.path, item: h.item, op: ho }, label);
      } else if (bo) {
        const deprecated = (bo.node as { deprecated?: unknown }).deprecated === true;
        ctx.add('endpoint-removed', { operation: operationLabel(m, b.path) }, bo.ptr, h.item.ptr, { deprecated });
      } else if (ho) {
        ctx.add('endpoint-added', { operation: label }, b.item.ptr, ho.ptr);
      }
    }
  }
  for (const [key, h] of head) {
    if (base.has(key)) {
      continue;
    }
    for (const m of METHODS) {
      const ho = ctx.head.get(h.item, m);
      if (ho) {
        ctx.add('endpoint-added', { operation: operationLabel(m, h.path) }, '/paths', ho.ptr);
      }
    }
  }
  diffServers(ctx);
  diffSecuritySchemes(ctx);
}

