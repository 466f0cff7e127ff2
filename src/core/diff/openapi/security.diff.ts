/**
 * Security. An operation's requirement list is a choice of alternatives, each a
 * set of schemes with scopes. A client that satisfied some base alternative must
 * still satisfy some head alternative with the same credentials: fewer schemes
 * and fewer scopes are fine, more are not. Scheme definitions used by head
 * operations are compared field by field (type, location, name, URLs).
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { child, isObject } from '../doc-view';
import { canonical } from '../schema/canonical';

type Alternative = Map<string, Set<string>>;

function effective(ctx: DiffContext, side: 'base' | 'head', op: Located): { list: Alternative[]; ptr: string } {
  const view = ctx[side];
  const own = view.get(op, 'security');
  const at = own ?? view.get(view.at(''), 'security');
  const list: Alternative[] = [];
  if (at && Array.isArray(at.node)) {
    for (const req of at.node) {
      if (!isObject(req)) {
        continue;
      }
      list.push(new Map(Object.entries(req).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes.map(String) : [])])));
    }
  }
  return { list, ptr: at?.ptr ?? op.ptr };
}

const open = (list: Alternative[]): boolean => list.length === 0 || list.some((a) => a.size === 0);

/** Does holding the credentials of `have` satisfy `need`? */
function satisfies(have: Alternative, need: Alternative): boolean {
  for (const [scheme, scopes] of need) {
    const held = have.get(scheme);
    if (!held) {
      return false;
    }
    for (const s of scopes) {
      if (!held.has(s)) {
        return false;
      }
    }
  }
  return true;
}

const describe = (a: Alternative): string =>
  a.size === 0 ? 'none' : [...a].map(([s, scopes]) => (scopes.size ? `${s}[${[...scopes].join(', ')}]` : s)).join(' + ');

export function diffOperationSecurity(ctx: DiffContext, bo: Located, ho: Located, operation: string): void {
  const b = effective(ctx, 'base', bo);
  const h = effective(ctx, 'head', ho);
  const scope = { operation, location: 'security' };
  if (open(h.list)) {
    if (!open(b.list)) {
      ctx.add('security-requirement-removed', scope, b.ptr, h.ptr, { from: b.list.map(describe).join(' | ') });
    }
    return;
  }
  const baseAlts = open(b.list) ? [new Map() as Alternative] : b.list;
  let tightened = false;
  for (const alt of baseAlts) {
    if (h.list.some((need) => satisfies(alt, need))) {
      continue;
    }
    tightened = true;
    const sameSchemes = h.list.find((need) => need.size === alt.size && [...need.keys()].every((k) => alt.has(k)));
    if (sameSchemes) {
      for (const [scheme, scopes] of sameSchemes) {
        const extra = [...scopes].filter((s) => !alt.get(scheme)!.has(s));
        if (extra.length) {
          ctx.add('security-scope-added', scope, b.ptr, h.ptr, { scheme, scopes: extra });
        }
      }
    } else {
      ctx.add('security-requirement-tightened', scope, b.ptr, h.ptr, { from: describe(alt), to: h.list.map(describe).join(' | ') });
    }
  }
  if (tightened || open(b.list)) {
    return;
  }
  for (const need of h.list) {
    const known = baseAlts.some((alt) => satisfies(alt, need) && satisfies(need, alt));
    if (!known) {
      ctx.add('security-alternative-added', scope, b.ptr, h.ptr, { to: describe(need) });
    }
  }
}

const SCHEME_FIELDS = ['type', 'in', 'name', 'scheme', 'openIdConnectUrl'] as const;

export function diffSecuritySchemes(ctx: DiffContext): void {
  const path = ['components', 'securitySchemes'];
  const base = new Map(ctx.base.entries(ctx.base.get(ctx.base.at(''), ...path) ?? undefined));
  const head = new Map(ctx.head.entries(ctx.head.get(ctx.head.at(''), ...path) ?? undefined));
  for (const [name, bl] of base) {
    const hl = head.get(name);
    if (!hl || !isObject(bl.node) || !isObject(hl.node)) {
      continue;
    }
    const scope = { location: `security scheme '${name}'` };
    for (const field of SCHEME_FIELDS) {
      const norm = (v: unknown): unknown => (field === 'scheme' && typeof v === 'string' ? v.toLowerCase() : v);
      const from = norm(bl.node[field]);
      const to = norm(hl.node[field]);
      if (from !== to) {
        ctx.add('security-scheme-changed', scope, child(bl.ptr, field), child(hl.ptr, field), { scheme: name, name: field, from, to });
      }
    }
    const flows = (n: Record<string, unknown>): Record<string, unknown> => (isObject(n.flows) ? n.flows : {});
    const bf = flows(bl.node);
    const hf = flows(hl.node);
    for (const flow of new Set([...Object.keys(bf), ...Object.keys(hf)])) {
      const pick = (f: unknown): string => (isObject(f) ? canonical({ a: f.authorizationUrl, t: f.tokenUrl }) : 'absent');
      if (pick(bf[flow]) !== pick(hf[flow])) {
        ctx.add('security-scheme-changed', scope, child(bl.ptr, 'flows'), child(hl.ptr, 'flows'), { scheme: name, name: `flows.${flow}`, from: bf[flow] === undefined ? undefined : pick(bf[flow]), to: hf[flow] === undefined ? undefined : pick(hf[flow]) });
      }
    }
  }
}
