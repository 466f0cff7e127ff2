/**
 * What the per-object diff functions share while walking two documents: both
 * views, the schema comparer and the facts found so far. Schema comparisons are
 * registered as roots with their usage site and expanded once at the end, when
 * the pair graph is complete and its live part known.
 */
import type { ContractKind } from '../document/types';
import type { DocView, Located } from './doc-view';
import type { Direction, Fact, FactDetails, FactKind } from './diff.types';
import { SchemaComparer } from './schema/schema-comparer';
import type { LocalFact, PairNode } from './schema/pair-graph';
import { expand, liveNodes } from './schema/pair-graph';

export interface Scope {
  operation?: string;
  channel?: string;
  location?: string;
  direction?: Direction;
}

export class DiffContext {
  private readonly facts: Fact[] = [];
  private readonly roots: Array<{ node: PairNode; scope: Scope }> = [];
  readonly schemas: SchemaComparer;

  constructor(
    readonly api: ContractKind,
    readonly base: DocView,
    readonly head: DocView,
    maxSchemaPairs?: number,
  ) {
    this.schemas = new SchemaComparer(base, head, maxSchemaPairs);
  }

  add(kind: FactKind, scope: Scope, basePtr: string, headPtr: string, details: FactDetails = {}): void {
    this.facts.push(this.fact(kind, scope, basePtr, headPtr, details));
  }

  /** Compare two schemas used at one site (a body, a parameter, a payload). */
  schema(scope: Scope & { direction: Direction }, b: Located | undefined, h: Located | undefined, fallbackPtr: string): void {
    this.roots.push({ node: this.schemas.compare(b, h, scope.direction, fallbackPtr), scope });
  }

  finish(): Fact[] {
    const live = liveNodes(this.schemas.nodes);
    // One fact per physical change and direction: the usage with the shortest
    // property path speaks for it, the other operations are listed with it.
    const groups = new Map<LocalFact, Map<Direction, Group>>();
    // Many sites share one root pair (a schema used by several operations): expand
    // each root once, with the depth of each path computed once.
    const expanded = new Map<PairNode, Array<{ fact: LocalFact; path: string; depth: number }>>();
    for (const { node, scope } of this.roots) {
      let found = expanded.get(node);
      if (!found) {
        expanded.set(node, (found = expand(node, live).map((e) => ({ ...e, depth: depth(e.path) }))));
      }
      for (const { fact, path, depth } of found) {
        let byDir = groups.get(fact);
        if (!byDir) {
          groups.set(fact, (byDir = new Map<Direction, Group>()));
        }
        const site: Site = { scope, path, depth };
        const group = byDir.get(scope.direction!);
        if (!group) {
          byDir.set(scope.direction!, { best: site, names: new Set() });
        } else {
          const name = siteName(site);
          if (compareSites(site, group.best) < 0) {
            const old = siteName(group.best);
            if (old !== undefined) {
              group.names.add(old);
            }
            group.best = site;
          } else if (name !== undefined) {
            group.names.add(name);
          }
        }
      }
    }
    for (const [fact, byDir] of groups) {
      for (const { best, names } of byDir.values()) {
        const f = this.fact(fact.kind, best.scope, fact.basePtr, fact.headPtr, fact.details);
        if (best.path) {
          f.property = best.path;
        }
        const own = siteName(best);
        if (own !== undefined) {
          names.delete(own);
        }
        if (names.size) {
          f.alsoIn = [...names].sort();
        }
        this.facts.push(f);
      }
    }
    if (this.schemas.truncated) {
      this.add('diff-truncated', {}, '', '', {});
    }
    return this.facts;
  }

  private fact(kind: FactKind, scope: Scope, basePtr: string, headPtr: string, details: FactDetails): Fact {
    const f: Fact = { kind, api: this.api, base: this.base.source(basePtr), head: this.head.source(headPtr), details };
    if (scope.direction) {
      f.direction = scope.direction;
    }
    if (scope.operation !== undefined) {
      f.operation = scope.operation;
    }
    if (scope.channel !== undefined) {
      f.channel = scope.channel;
    }
    if (scope.location !== undefined) {
      f.location = scope.location;
    }
    return f;
  }
}

interface Site {
  scope: Scope;
  path: string;
  depth: number;
}

interface Group {
  best: Site;
  names: Set<string>;
}

function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 46 || c === 91 || c === 40) {
      n++; // . [ (
    }
  }
  return n;
}

const siteName = (s: Site): string | undefined => s.scope.operation ?? s.scope.channel;

function compareSites(a: Site, b: Site): number {
  if (a.depth !== b.depth) {
    return a.depth - b.depth;
  }
  return (
    cmp(a.scope.operation ?? '', b.scope.operation ?? '') ||
    cmp(a.scope.channel ?? '', b.scope.channel ?? '') ||
    cmp(a.scope.location ?? '', b.scope.location ?? '') ||
    cmp(a.path, b.path)
  );
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
