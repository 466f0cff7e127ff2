/**
 * Matches decoded path segments against one API's path templates. Built once per
 * route table; per request it walks at most one node per segment, trying a
 * literal child first, then mixed segments (`{id}.json`, regex compiled at build),
 * then a whole-segment parameter, with backtracking, so `/a/b` beats `/a/{x}` as
 * OpenAPI requires. Parameters never match an empty segment.
 */
import type { PathSegmentPlan } from '../../core/policy';

interface Pattern {
  regex: RegExp;
  node: RouterNode;
}

class RouterNode<T = unknown> {
  readonly literals = new Map<string, RouterNode<T>>();
  readonly patterns: Pattern[] = [];
  param?: RouterNode<T>;
  value?: T;
  /** Parameter names of the template that ended here, in capture order. */
  names: string[] = [];
}

export interface RouteMatch<T> {
  value: T;
  params: Record<string, string>;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class PathRouter<T> {
  private readonly root = new RouterNode<T>();

  /** Adds a template; answers the value already there when two templates collide. */
  add(segments: PathSegmentPlan[], create: () => T): T {
    let node = this.root;
    for (const { parts } of segments) {
      const only = parts.length === 1 ? parts[0] : undefined;
      if (parts.length === 0 || (only && 'literal' in only)) {
        const literal = only && 'literal' in only ? only.literal : '';
        let next = node.literals.get(literal);
        if (!next) {
          node.literals.set(literal, (next = new RouterNode<T>()));
        }
        node = next;
      } else if (only && 'param' in only) {
        // `/{a}` and `/{b}` at the same place share a node; names live on the leaf.
        node.param ??= new RouterNode<T>();
        node = node.param;
      } else {
        const source = `^${parts.map((p) => ('literal' in p ? escapeRegex(p.literal) : '(.+?)')).join('')}$`;
        let pattern = node.patterns.find((p) => p.regex.source === source);
        if (!pattern) {
          node.patterns.push((pattern = { regex: new RegExp(source), node: new RouterNode<T>() }));
        }
        node = pattern.node as RouterNode<T>;
      }
    }
    if (node.value === undefined) {
      node.value = create();
      node.names = segments.flatMap((s) => s.parts.flatMap((p) => ('param' in p ? [p.param] : [])));
    }
    return node.value;
  }

  match(segments: readonly string[], from: number): RouteMatch<T> | undefined {
    // `/d/a/v1` and `/d/a/v1/` both address the operation path `/`.
    if (segments.length === from + 1 && segments[from] === '' && this.root.value !== undefined) {
      return { value: this.root.value, params: {} };
    }
    const captures: string[] = [];
    const leaf = this.walk(this.root, segments, from, captures);
    if (!leaf || leaf.value === undefined) {
      return undefined;
    }
    const params: Record<string, string> = {};
    for (let k = 0; k < leaf.names.length; k++) {
      params[leaf.names[k]] = captures[k];
    }
    return { value: leaf.value, params };
  }

  /** Depth-first; `captures` holds the values of the current branch in template order. */
  private walk(node: RouterNode<T>, segments: readonly string[], i: number, captures: string[]): RouterNode<T> | undefined {
    if (i === segments.length) {
      return node.value === undefined ? undefined : node;
    }
    const segment = segments[i];
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, i + 1, captures);
      if (found) {
        return found;
      }
    }
    const depth = captures.length;
    for (const pattern of node.patterns) {
      const m = pattern.regex.exec(segment);
      if (!m) {
        continue;
      }
      for (let k = 1; k < m.length; k++) {
        captures.push(m[k]);
      }
      const found = this.walk(pattern.node as RouterNode<T>, segments, i + 1, captures);
      if (found) {
        return found;
      }
      captures.length = depth;
    }
    if (node.param && segment !== '') {
      captures.push(segment);
      const found = this.walk(node.param, segments, i + 1, captures);
      if (found) {
        return found;
      }
      captures.length = depth;
    }
    return undefined;
  }
}
