/**
 * Document-level servers. Clients hold a server URL; what moves all endpoints is
 * its base path, so a base path that no head server keeps is reported as such,
 * and the other URL changes (hosts, environments) separately.
 */
import type { DiffContext } from '../diff-context';
import { isObject, str } from '../doc-view';

interface Server {
  url: string;
  basePath: string;
  ptr: string;
}

/** Substitute variable defaults, then take the path after the authority. */
export function basePathOf(url: string, vars: Record<string, unknown>): { url: string; basePath: string } {
  const expanded = url.replace(/\{([^}]*)\}/g, (_, v: string) => {
    const d = isObject(vars[v]) ? str((vars[v] as Record<string, unknown>).default) : undefined;
    return d ?? `{${v}}`;
  });
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(.*)$/i.exec(expanded) ?? /^\/\/[^/]*(.*)$/.exec(expanded);
  let path = m ? m[1] : expanded;
  path = path.split(/[?#]/)[0].replace(/\/+$/, '');
  return { url: expanded.replace(/\/+$/, ''), basePath: path.startsWith('/') || path === '' ? path || '/' : '/' + path };
}

function servers(ctx: DiffContext, side: 'base' | 'head'): Server[] {
  const view = ctx[side];
  const list = view.items(view.at(''), 'servers');
  if (list.length === 0) {
    return [{ url: '/', basePath: '/', ptr: '' }];
  }
  return list.flatMap((loc) => {
    if (!isObject(loc.node) || typeof loc.node.url !== 'string') {
      return [];
    }
    const vars = isObject(loc.node.variables) ? loc.node.variables : {};
    return [{ ...basePathOf(loc.node.url, vars), ptr: loc.ptr }];
  });
}

export function diffServers(ctx: DiffContext): void {
  const base = servers(ctx, 'base');
  const head = servers(ctx, 'head');
  const headPaths = new Set(head.map((s) => s.basePath));
  const basePaths = new Set(base.map((s) => s.basePath));
  const headUrls = new Set(head.map((s) => s.url));
  const baseUrls = new Set(base.map((s) => s.url));
  const scope = { location: 'servers' };
  const lostPaths = new Set<string>();
  for (const s of base) {
    if (headPaths.has(s.basePath) || lostPaths.has(s.basePath)) {
      continue;
    }
    lostPaths.add(s.basePath);
    ctx.add('server-base-path-changed', scope, s.ptr || '/servers', head[0].ptr || '/servers', { from: s.basePath, to: [...headPaths].join(', ') });
  }
  for (const s of base) {
    if (!headUrls.has(s.url) && !lostPaths.has(s.basePath) && s.ptr) {
      ctx.add('server-removed', scope, s.ptr, '/servers', { from: s.url });
    }
  }
  for (const s of head) {
    if (!baseUrls.has(s.url) && basePaths.has(s.basePath) && s.ptr) {
      ctx.add('server-added', scope, '/servers', s.ptr, { to: s.url });
    }
  }
}
