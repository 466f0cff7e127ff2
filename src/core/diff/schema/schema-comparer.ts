/**
 * Direction-aware comparison of two JSON Schemas into a pair graph. The direction
 * only selects the view a client has of an object: a request never carries
 * readOnly properties and a response never carries writeOnly ones, so those are
 * projected away before properties are compared. Everything else is neutral.
 *
 * Termination: each (base, head, direction) pair becomes one node, created before
 * its children are compared, so recursion through $ref or shared objects meets
 * the node it is building and links to it. The number of nodes is bounded.
 */
import type { DocView, Located } from '../doc-view';
import type { Direction } from '../diff.types';
import { DEFAULT_MAX_SCHEMA_PAIRS } from '../diff.types';
import type { NormSchema } from './normalize';
import { SchemaNormalizer } from './normalize';
import type { LocalFact, PairNode } from './pair-graph';
import { compareConstraints, typesOverlap } from './compare-constraints';
import { branchLabel, matchBranches } from './union-match';

type Memo = WeakMap<object, WeakMap<object, PairNode>>;

export class SchemaComparer {
  readonly nodes: PairNode[] = [];
  truncated = false;
  private readonly base: SchemaNormalizer;
  private readonly head: SchemaNormalizer;
  private readonly memo: Record<Direction, Memo> = { request: new WeakMap(), response: new WeakMap() };
  private readonly pending: Array<{ node: PairNode; b: NormSchema; h: NormSchema; dir: Direction }> = [];

  constructor(
    baseView: DocView,
    headView: DocView,
    private readonly maxPairs = DEFAULT_MAX_SCHEMA_PAIRS,
  ) {
    this.base = new SchemaNormalizer(baseView);
    this.head = new SchemaNormalizer(headView);
  }

  /** Compare two schema locations; a missing side is the empty schema `{}` at `fallbackPtr`. */
  compare(b: Located | undefined, h: Located | undefined, dir: Direction, fallbackPtr = ''): PairNode {
    const root = this.locate(b, h, dir, fallbackPtr);
    // Children are queued, not recursed into: a chain of 100k $refs cannot exhaust the stack.
    for (let job = this.pending.pop(); job; job = this.pending.pop()) {
      this.fill(job.node, job.b, job.h, job.dir);
    }
    return root;
  }

  private locate(b: Located | undefined, h: Located | undefined, dir: Direction, fallbackPtr = ''): PairNode {
    const bs = this.base.normalize(b ?? { node: SchemaNormalizer.EMPTY, ptr: fallbackPtr });
    const hs = this.head.normalize(h ?? { node: SchemaNormalizer.EMPTY, ptr: fallbackPtr });
    return this.pair(bs, hs, dir);
  }

  private pair(bs: NormSchema, hs: NormSchema, dir: Direction): PairNode {
    let inner = this.memo[dir].get(bs.key);
    if (!inner) {
      this.memo[dir].set(bs.key, (inner = new WeakMap()));
    }
    const known = inner.get(hs.key);
    if (known) {
      return known;
    }
    const node: PairNode = { facts: [], edges: [] };
    inner.set(hs.key, node);
    if (this.nodes.length >= this.maxPairs) {
      this.truncated = true;
      return node;
    }
    this.nodes.push(node);
    this.pending.push({ node, b: bs, h: hs, dir });
    return node;
  }

  private fill(node: PairNode, b: NormSchema, h: NormSchema, dir: Direction): void {
    if (b.nothing || h.nothing) {
      if (b.nothing !== h.nothing) {
        node.facts.push({ kind: 'constraint-changed', basePtr: b.ptr, headPtr: h.ptr, details: { keyword: 'false', tightened: h.nothing, loosened: b.nothing } });
      }
      return;
    }
    compareConstraints(b, h, dir, node.facts);
    this.unions(node, b, h, dir);
    if (b.pureUnion || h.pureUnion || !typesOverlap(b.types, h.types)) {
      return;
    }
    this.properties(node, b, h, dir);
    this.additional(node, b, h, dir);
    if (b.items || h.items) {
      node.edges.push({ step: '[]', node: this.locate(b.items, h.items, dir, b.items?.ptr ?? h.items?.ptr) });
    }
    this.discriminator(node, b, h);
  }

  private properties(node: PairNode, b: NormSchema, h: NormSchema, dir: Direction): void {
    const hidden = (s: NormSchema): 'read-only' | 'write-only' | undefined =>
      dir === 'request' && s.readOnly ? 'read-only' : dir === 'response' && s.writeOnly ? 'write-only' : undefined;
    const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
    for (const name of names) {
      const bl = b.properties.get(name);
      const hl = h.properties.get(name);
      const bp = bl && this.base.normalize(bl);
      const hp = hl && this.head.normalize(hl);
      const bVisible = bp !== undefined && !hidden(bp);
      const hVisible = hp !== undefined && !hidden(hp);
      const facts = node.facts;
      if (bVisible && hVisible) {
        const from = b.required.has(name);
        const to = h.required.has(name);
        if (from !== to) {
          facts.push({ kind: 'property-required-changed', sub: name, basePtr: bl!.ptr, headPtr: hl!.ptr, details: { name, from, to } });
        }
        node.edges.push({ step: name, node: this.pair(bp, hp, dir) });
      } else if (bVisible) {
        const reason = hp ? hidden(hp) : undefined;
        facts.push({
          kind: 'property-removed',
          sub: name,
          basePtr: bl!.ptr,
          headPtr: hl?.ptr ?? `${h.ptr}/properties`,
          details: { name, required: b.required.has(name), reason, closed: h.additional.kind === 'closed' },
        });
      } else if (hVisible) {
        facts.push({
          kind: 'property-added',
          sub: name,
          basePtr: bl?.ptr ?? `${b.ptr}/properties`,
          headPtr: hl!.ptr,
          details: { name, required: h.required.has(name) },
        });
      }
    }
  }

  private additional(node: PairNode, b: NormSchema, h: NormSchema, dir: Direction): void {
    const from = b.additional;
    const to = h.additional;
    if (from.kind === 'schema' && to.kind === 'schema') {
      node.edges.push({ step: '*', node: this.locate(from.schema, to.schema, dir) });
      return;
    }
    if (from.kind === to.kind) {
      return;
    }
    // open ⊃ schema ⊃ closed
    const rank = { open: 2, schema: 1, closed: 0 } as const;
    const delta = rank[to.kind] - rank[from.kind];
    node.facts.push({
      kind: 'additional-properties-changed',
      basePtr: b.ptr,
      headPtr: h.ptr,
      details: { from: from.kind, to: to.kind, tightened: delta < 0, loosened: delta > 0 },
    });
  }

  private unions(node: PairNode, b: NormSchema, h: NormSchema, dir: Direction): void {
    if (!b.union && !h.union) {
      return;
    }
    // A bare union facing a plain schema: the plain schema is a one-branch union.
    const asBranches = (s: NormSchema, other: NormSchema): Located[] | undefined =>
      s.union ? s.union.branches : other.pureUnion ? [{ node: s.key, ptr: s.ptr }] : undefined;
    const bb = asBranches(b, h);
    const hb = asBranches(h, b);
    if (!bb || !hb) {
      // A union added beside other keywords constrains further; removed, it relaxes.
      node.facts.push({ kind: 'constraint-changed', basePtr: b.ptr, headPtr: h.ptr, details: { keyword: (b.union ?? h.union)!.keyword, tightened: !bb, loosened: !hb } });
      return;
    }
    const keyword = (h.union ?? b.union)!.keyword;
    const bn = bb.map((l) => this.base.normalize(l));
    const hn = hb.map((l) => this.head.normalize(l));
    const match = matchBranches(bn, hn);
    for (const [i, j] of match.pairs) {
      node.edges.push({ step: bb.length > 1 || hb.length > 1 ? `(${branchLabel(hn[j], keyword, j)})` : '', node: this.pair(bn[i], hn[j], dir) });
    }
    for (const i of match.removed) {
      node.facts.push({ kind: 'union-branch-removed', basePtr: bb[i].ptr, headPtr: h.ptr, details: { name: branchLabel(bn[i], keyword, i), keyword } });
    }
    for (const j of match.added) {
      node.facts.push({ kind: 'union-branch-added', basePtr: b.ptr, headPtr: hb[j].ptr, details: { name: branchLabel(hn[j], keyword, j), keyword } });
    }
  }

  private discriminator(node: PairNode, b: NormSchema, h: NormSchema): void {
    const from = b.discriminator;
    const to = h.discriminator;
    if (!from || !to) {
      return;
    }
    const push = (kind: LocalFact['kind'], details: LocalFact['details']): void => {
      node.facts.push({ kind, basePtr: `${b.ptr}/discriminator`, headPtr: `${h.ptr}/discriminator`, details });
    };
    if (from.propertyName !== to.propertyName) {
      push('discriminator-property-changed', { from: from.propertyName, to: to.propertyName });
    }
    for (const key of new Set([...from.mapping.keys(), ...to.mapping.keys()])) {
      const a = from.mapping.get(key);
      const c = to.mapping.get(key);
      if (a !== c) {
        push('discriminator-mapping-changed', { name: key, from: a, to: c });
      }
    }
  }
}
