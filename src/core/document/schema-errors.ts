/**
 * Raw ajv errors -> a short list a person can act on. The official schemas are full
 * of `oneOf: [X, Reference]`, so one mistake yields a failed `oneOf`, a "missing
 * `$ref`" from the Reference branch and the real error deeper down. We keep the real
 * ones: wrapper errors (`oneOf`/`anyOf`/`if`) and the Reference branch's `$ref`
 * complaint go when a more specific error covers the same place; among inline
 * alternatives the closest branch wins; within a failed alternative, the deepest
 * errors win; duplicates merge; the list is capped.
 */
import type { ErrorObject } from 'ajv';
import type { Issue } from '../report/issue';
import { escapePointerSegment } from '../report/source-ref';
import type { Locate } from './contract-locator';
import { quote } from './issues';
import { resolvePointer, splitPointer } from './json-pointer';

export const MAX_SCHEMA_ISSUES = 50;

interface Candidate {
  path: string;
  schemaPath: string;
  keyword: string;
  message: string;
  /** For `enum`: allowed values, merged across duplicates. */
  allowed?: unknown[];
}

const WRAPPERS = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', '$ref']);

export interface SchemaIssues {
  shown: Issue[];
  /** Violations beyond MAX_SCHEMA_ISSUES, counted but not listed. */
  omitted: number;
}

export function schemaIssues(errors: readonly ErrorObject[], document: unknown, locate: Locate): SchemaIssues {
  if (errors.length === 0) {
    return { shown: [], omitted: 0 };
  }
  const losing = losingBranches(errors.map(toCandidate));
  const candidates = errors.map(toCandidate).filter((_, i) => !losing.has(i));
  const isBranchNoise = (c: Candidate) => WRAPPERS.has(c.keyword) || (c.keyword === 'required' && c.message.endsWith("'$ref'"));
  const specific = new PathIndex(candidates.filter((c) => !isBranchNoise(c)).map((c) => c.path));
  // Places where alternatives were tried: errors there may come from the wrong branch.
  const branchPoints = new Set(candidates.filter((c) => c.keyword === 'oneOf' || c.keyword === 'anyOf').map((c) => c.path));
  const inAlternative = (path: string) => ancestorsOrSelf(path).some((p) => branchPoints.has(p));
  const keywordsAt = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (!isBranchNoise(c)) {
      keywordsAt.set(c.path, (keywordsAt.get(c.path) ?? new Set()).add(c.keyword));
    }
  }
  const othersAt = (c: Candidate, ignore: (k: string) => boolean) =>
    [...(keywordsAt.get(c.path) ?? [])].some((k) => k !== c.keyword && !ignore(k));

  const kept = candidates.filter((c) => {
    if (c.keyword === 'oneOf' && c.message.startsWith('matches more than one')) {
      // A bare `{ $ref }` satisfies both a permissive object schema and Reference:
      // a known false positive of the AsyncAPI 2.0-2.2 schemas.
      const at = resolvePointer(document, splitPointer(c.path));
      return !(at.found && at.value !== null && typeof at.value === 'object' && '$ref' in at.value);
    }
    if (isBranchNoise(c)) {
      return !specific.hasAtOrUnder(c.path);
    }
    // "Unknown property x" while another alternative knows x and objects to its value.
    if (c.keyword === 'additionalProperties' || c.keyword === 'unevaluatedProperties') {
      return !othersAt(c, () => false);
    }
    if (!inAlternative(c.path)) {
      return true;
    }
    // `type: string` vs `type: array` alternatives: the more specific complaint wins.
    if (c.keyword === 'type' && othersAt(c, (k) => k.endsWith('Properties'))) {
      return false;
    }
    return !specific.hasStrictlyUnder(c.path);
  });

  const merged = new Map<string, Candidate>();
  for (const c of kept) {
    const key = c.keyword === 'enum' ? `${c.path}\u0000enum` : `${c.path}\u0000${c.keyword}\u0000${c.message}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...c, allowed: c.allowed ? [...c.allowed] : undefined });
    } else if (seen.allowed && c.allowed) {
      for (const v of c.allowed) {
        if (!seen.allowed.some((s) => s === v)) {
          seen.allowed.push(v);
        }
      }
    }
  }

  const all = [...merged.values()];
  const shown: Issue[] = all.slice(0, MAX_SCHEMA_ISSUES).map((c) => ({
    code: 'SCHEMA_VIOLATION',
    message: c.allowed ? `must be one of: ${c.allowed.map((v) => JSON.stringify(v)).join(', ')}` : c.message,
    source: locate(c.path),
  }));
  return { shown, omitted: Math.max(0, all.length - MAX_SCHEMA_ISSUES) };
}

/**
 * Inline alternatives (`oneOf: [{...}, {...}]`) report every branch's complaints;
 * only the branch(es) closest to matching are worth reading. ajv's schemaPath says
 * which branch an error comes from (`.../oneOf/2/properties/in/enum`). A branch's
 * cost is its number of errors, enum/const mismatches counting double (they are how
 * a document says which alternative it means, e.g. `in: query`). Returns the
 * indexes of errors to drop.
 */
function losingBranches(candidates: Candidate[]): Set<number> {
  const wrappers = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.keyword === 'oneOf' || c.keyword === 'anyOf') {
      wrappers.set(c.schemaPath, (wrappers.get(c.schemaPath) ?? new Set()).add(c.path));
    }
  }
  const groups = new Map<string, Map<string, number[]>>();
  candidates.forEach((c, index) => {
    for (const m of c.schemaPath.matchAll(/\/(oneOf|anyOf)\/(\d+)(?=\/|$)/g)) {
      const wrapperSchema = `${c.schemaPath.slice(0, m.index)}/${m[1]}`;
      const at = wrappers.get(wrapperSchema);
      const wrapperPath = at && ancestorsOrSelf(c.path).find((p) => at.has(p));
      if (wrapperPath === undefined) {
        continue;
      }
      const key = `${wrapperSchema}\u0000${wrapperPath}`;
      const branches = groups.get(key) ?? new Map<string, number[]>();
      groups.set(key, branches);
      branches.set(m[2], [...(branches.get(m[2]) ?? []), index]);
    }
  });
  const losing = new Set<number>();
  const isChoice = (i: number) => candidates[i].keyword === 'enum' || candidates[i].keyword === 'const';
  const cost = (indexes: number[]) => indexes.reduce((sum, i) => sum + (isChoice(i) ? 2 : 1), 0);
  for (const branches of groups.values()) {
    if (branches.size < 2) {
      continue;
    }
    const lists = [...branches.values()];
    const best = Math.min(...lists.map(cost));
    // Several alternatives equally close, all refusing the same value (`in: body`):
    // that value is the mistake; list what it may be, from every alternative.
    const choicePaths = lists.map((indexes) => new Set(indexes.filter(isChoice).map((i) => candidates[i].path)));
    const shared = [...choicePaths[0]].filter((p) => choicePaths.every((set) => set.has(p)));
    if (lists.filter((l) => cost(l) === best).length > 1 && shared.length > 0) {
      for (const indexes of lists) {
        for (const i of indexes) {
          if (!(isChoice(i) && shared.includes(candidates[i].path))) {
            losing.add(i);
          }
        }
      }
      continue;
    }
    for (const indexes of lists) {
      if (cost(indexes) > best) {
        indexes.forEach((i) => losing.add(i));
      }
    }
  }
  return losing;
}

/** Sorted pointers, to ask "is there one at or below this place?" in log time. */
class PathIndex {
  private readonly sorted: string[];
  private readonly exact: Set<string>;

  constructor(paths: string[]) {
    this.sorted = [...new Set(paths)].sort();
    this.exact = new Set(paths);
  }

  hasAtOrUnder(path: string): boolean {
    return this.exact.has(path) || this.hasStrictlyUnder(path);
  }

  hasStrictlyUnder(path: string): boolean {
    const prefix = `${path}/`;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(prefix);
  }
}

function ancestorsOrSelf(path: string): string[] {
  const out = [path];
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    out.push(path.slice(0, i));
  }
  if (path !== '') {
    out.push('');
  }
  return out;
}

function toCandidate(e: ErrorObject): Candidate {
  return { ...describe(e), schemaPath: e.schemaPath };
}

function describe(e: ErrorObject): Omit<Candidate, 'schemaPath'> {
  const params = e.params as Record<string, unknown>;
  const path = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return { path: `${path}/${escapePointerSegment(name)}`, keyword: e.keyword, message: `unknown property ${quote(name)}` };
    }
    case 'required':
      return { path, keyword: e.keyword, message: `missing required property ${quote(params.missingProperty)}` };
    case 'enum':
      return { path, keyword: e.keyword, message: 'must be one of the allowed values', allowed: params.allowedValues as unknown[] };
    case 'const':
      return { path, keyword: e.keyword, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { path, keyword: e.keyword, message: `must be ${String(params.type).replace(/,/g, ' or ')}` };
    case 'format':
      return {
        path,
        keyword: e.keyword,
        message: params.format === 'regex' ? 'must be a valid ECMA-262 regular expression' : `must be a valid ${String(params.format)}`,
      };
    case 'pattern':
      return { path, keyword: e.keyword, message: `must match the pattern ${String(params.pattern)}` };
    case 'oneOf':
      return Array.isArray(params.passingSchemas)
        ? { path, keyword: e.keyword, message: 'matches more than one of the allowed forms' }
        : { path, keyword: e.keyword, message: 'does not match any of the allowed forms' };
    case 'anyOf':
      return { path, keyword: e.keyword, message: 'does not match any of the allowed forms' };
    case 'not':
      return { path, keyword: e.keyword, message: `is not allowed here${ruleName(e.schemaPath)}` };
    case 'propertyNames':
      return { path, keyword: e.keyword, message: `has an invalid property name ${quote(params.propertyName)}` };
    default:
      return { path, keyword: e.keyword, message: e.message ?? `violates ${e.keyword}` };
  }
}

/** `#/definitions/ExampleXORExamples/not` -> ` (ExampleXORExamples)`: the schema's own name for the rule. */
function ruleName(schemaPath: string): string {
  const name = /(?:definitions|\$defs)\/([^/]+)\/(?:[^/]+\/)*not$/.exec(schemaPath)?.[1];
  return name ? ` (${name.replace(/^http.*\//, '').replace(/\.json$/, '')})` : '';
}
