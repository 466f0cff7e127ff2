/**
 * Pairs the branches of two oneOf/anyOf lists. Order means nothing in a union, so
 * branches are matched by what identifies them, strongest first: component name,
 * title, shape (types plus required/declared properties), lone primary type, and
 * finally a single leftover on each side. Whatever stays unmatched was added or
 * removed.
 */
import type { NormSchema } from './normalize';

export interface BranchMatch {
  pairs: Array<[number, number]>;
  removed: number[];
  added: number[];
}

type Key = (s: NormSchema) => string | undefined;

const byName: Key = (s) => s.name;
const byTitle: Key = (s) => s.title;
const byShape: Key = (s) => {
  const types = s.types ? [...s.types].sort().join('|') : 'any';
  const props = s.properties.size ? [...s.properties.keys()].sort().join(',') : '';
  return `${types}:${[...s.required].sort().join(',')}:${props}:${s.enum ? s.enum.length : ''}`;
};
const byType: Key = (s) => (s.types && s.types.size === 1 ? [...s.types][0] : undefined);

export function matchBranches(base: NormSchema[], head: NormSchema[]): BranchMatch {
  const freeB = new Set(base.keys());
  const freeH = new Set(head.keys());
  const pairs: Array<[number, number]> = [];
  for (const key of [byName, byTitle, byShape, byType]) {
    // Only keys unique among the unmatched branches on both sides pair anything.
    const index = (list: NormSchema[], free: Set<number>): Map<string, number> => {
      const seen = new Map<string, number>();
      const dup = new Set<string>();
      for (const i of free) {
        const k = key(list[i]);
        if (k === undefined) {
          continue;
        }
        if (seen.has(k)) {
          dup.add(k);
        }
        seen.set(k, i);
      }
      for (const k of dup) {
        seen.delete(k);
      }
      return seen;
    };
    const hb = index(base, freeB);
    const hh = index(head, freeH);
    for (const [k, i] of hb) {
      const j = hh.get(k);
      if (j === undefined) {
        continue;
      }
      pairs.push([i, j]);
      freeB.delete(i);
      freeH.delete(j);
    }
  }
  const lastB = base[[...freeB][0]];
  const lastH = head[[...freeH][0]];
  // Two differently named components are different things, even when alone.
  if (freeB.size === 1 && freeH.size === 1 && !(lastB.name && lastH.name && lastB.name !== lastH.name)) {
    pairs.push([[...freeB][0], [...freeH][0]]);
    freeB.clear();
    freeH.clear();
  }
  return { pairs, removed: [...freeB], added: [...freeH] };
}

export function branchLabel(s: NormSchema, keyword: string, index: number): string {
  return s.name ?? s.title ?? `${keyword}[${index}]`;
}
