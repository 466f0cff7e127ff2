/**
 * Parameters of one operation (path-item parameters overridden by operation ones).
 * Identity is (in, name), header names case-insensitively; path parameters are
 * matched by their position in the template, so renaming `{id}` is not a change.
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { isObject, str } from '../doc-view';
import type { OperationSite } from './operation.diff';

interface Param {
  in: string;
  name: string;
  loc: Located<Record<string, unknown>>;
}

/** Per OpenAPI these header parameters are ignored: they are described elsewhere. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function collect(ctx: DiffContext, side: 'base' | 'head', site: OperationSite): Map<string, Param> {
  const view = ctx[side];
  const vars = [...site.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const out = new Map<string, Param>();
  for (const source of [site.item, site.op]) {
    for (const loc of view.items(source, 'parameters')) {
      if (!isObject(loc.node)) {
        continue;
      }
      const where = str(loc.node.in);
      const name = str(loc.node.name);
      if (!where || !name) {
        continue;
      }
      if (where === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) {
        continue;
      }
      const key = where === 'path' ? `path:#${vars.indexOf(name)}` : where === 'header' ? `header:${name.toLowerCase()}` : `${where}:${name}`;
      out.set(key, { in: where, name, loc: loc as Located<Record<string, unknown>> });
    }
  }
  return out;
}

function serialization(p: Param): string {
  const style = str(p.loc.node.style) ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
  const explode = typeof p.loc.node.explode === 'boolean' ? p.loc.node.explode : style === 'form';
  return `style=${style}, explode=${explode}`;
}

function schemaOf(ctx: DiffContext, side: 'base' | 'head', p: Param): Located | undefined {
  const view = ctx[side];
  const direct = view.get(p.loc, 'schema');
  if (direct) {
    return direct;
  }
  const content = view.entries(p.loc, 'content');
  return content.length ? view.get(content[0][1], 'schema') : undefined;
}

export function diffParameters(ctx: DiffContext, b: OperationSite, h: OperationSite, operation: string): void {
  const base = collect(ctx, 'base', b);
  const head = collect(ctx, 'head', h);
  const moved = new Set<string>();
  for (const [key, bp] of base) {
    if (head.has(key)) {
      continue;
    }
    const target = [...head.entries()].find(([k, hp]) => !base.has(k) && hp.name.toLowerCase() === bp.name.toLowerCase() && hp.in !== bp.in);
    const scope = { operation, location: `${bp.in} parameter '${bp.name}'`, direction: 'request' as const };
    if (target) {
      moved.add(target[0]);
      ctx.add('parameter-moved', scope, bp.loc.ptr, target[1].loc.ptr, { name: bp.name, from: bp.in, to: target[1].in });
    } else {
      ctx.add('parameter-removed', scope, bp.loc.ptr, h.op.ptr, { name: bp.name, required: bp.loc.node.required === true });
    }
  }
  for (const [key, hp] of head) {
    const scope = { operation, location: `${hp.in} parameter '${hp.name}'`, direction: 'request' as const };
    const bp = base.get(key);
    if (!bp) {
      if (!moved.has(key)) {
        const required = hp.loc.node.required === true || hp.in === 'path';
        ctx.add('parameter-added', scope, b.op.ptr, hp.loc.ptr, { name: hp.name, required });
      }
      continue;
    }
    const from = bp.loc.node.required === true || bp.in === 'path';
    const to = hp.loc.node.required === true || hp.in === 'path';
    if (from !== to) {
      ctx.add('parameter-required-changed', scope, bp.loc.ptr, hp.loc.ptr, { name: hp.name, from, to });
    }
    const sb = serialization(bp);
    const sh = serialization(hp);
    if (sb !== sh) {
      ctx.add('parameter-serialization-changed', scope, bp.loc.ptr, hp.loc.ptr, { name: hp.name, from: sb, to: sh });
    }
    ctx.schema(scope, schemaOf(ctx, 'base', bp), schemaOf(ctx, 'head', hp), bp.loc.ptr);
  }
}
