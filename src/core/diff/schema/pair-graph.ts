/**
 * The result of comparing two schemas is a graph, not a list: one node per
 * (base schema, head schema, direction) triple, holding the facts local to that
 * pair and edges to the pairs beneath it (properties, items, branches). Recursive
 * schemas become cycles in this graph instead of infinite descents, each pair is
 * compared once however many operations share it, and `expand` turns the graph
 * into facts for one usage site, reporting each pair at its shortest path.
 */
import type { FactDetails, FactKind } from '../diff.types';

export interface LocalFact {
  kind: FactKind;
  /** Property (or step) the fact is about, relative to the pair. */
  sub?: string;
  basePtr: string;
  headPtr: string;
  details: FactDetails;
}

export interface PairEdge {
  step: string;
  node: PairNode;
}

export interface PairNode {
  facts: LocalFact[];
  edges: PairEdge[];
}

/** Append a step to a dotted property path: `a` + `b` = `a.b`, `a` + `[]` = `a[]`. */
export function joinPath(prefix: string, step: string | undefined): string {
  if (!step) {
    return prefix;
  }
  if (!prefix) {
    return step;
  }
  return step.startsWith('[') || step.startsWith('(') ? prefix + step : `${prefix}.${step}`;
}

/** Nodes from which some fact is reachable; the rest need never be walked again. */
export function liveNodes(all: readonly PairNode[]): Set<PairNode> {
  const parents = new Map<PairNode, PairNode[]>();
  for (const n of all) {
    for (const e of n.edges) {
      let list = parents.get(e.node);
      if (!list) {
        parents.set(e.node, (list = []));
      }
      list.push(n);
    }
  }
  const live = new Set<PairNode>();
  const queue: PairNode[] = [];
  for (const n of all) {
    if (n.facts.length > 0) {
      live.add(n);
      queue.push(n);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const p of parents.get(queue[i]) ?? []) {
      if (!live.has(p)) {
        live.add(p);
        queue.push(p);
      }
    }
  }
  return live;
}

export interface ExpandedFact {
  fact: LocalFact;
  path: string;
}

/** Facts under one root, each pair reported once, at its shortest path (breadth first). */
export function expand(root: PairNode, live: ReadonlySet<PairNode>): ExpandedFact[] {
  if (!live.has(root)) {
    return [];
  }
  const out: ExpandedFact[] = [];
  const seen = new Set<PairNode>([root]);
  const queue: Array<{ node: PairNode; path: string }> = [{ node: root, path: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { node, path } = queue[i];
    for (const fact of node.facts) {
      out.push({ fact, path: joinPath(path, fact.sub) });
    }
    for (const e of node.edges) {
      if (!seen.has(e.node) && live.has(e.node)) {
        seen.add(e.node);
        queue.push({ node: e.node, path: joinPath(path, e.step) });
      }
    }
  }
  return out;
}
