/**
 * Compatibility modes (BACKWARD by default), as schema registries define them:
 * BACKWARD - clients of an earlier version keep working against the new one;
 * FORWARD - clients of the new version work against the earlier one (rollback);
 * FULL - both; NONE - nothing is checked; *_TRANSITIVE - against every published
 * version of the same major, not only the latest. A new major is checked against
 * nothing of its own major; the semver rule still applies against its predecessor.
 */
import compare from 'semver/functions/compare';
import lte from 'semver/functions/lte';
import major from 'semver/functions/major';
import isValid from 'semver/functions/valid';
import { diffContracts } from '../diff/diff-contracts';
import type { DiffOptions, DiffSide } from '../diff/diff.types';
import type { Change } from '../report/change';
import type { SemverVerdict } from '../semver/check-semver';
import { checkSemver } from '../semver/check-semver';
import type { CompatConfig } from './compat.types';
import { checkCompatibility } from './check-compatibility';

export const COMPATIBILITY_MODES = [
  'BACKWARD',
  'FORWARD',
  'FULL',
  'NONE',
  'BACKWARD_TRANSITIVE',
  'FORWARD_TRANSITIVE',
  'FULL_TRANSITIVE',
] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

export function isCompatibilityMode(v: unknown): v is CompatibilityMode {
  return typeof v === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(v);
}

export interface VersionedSide extends DiffSide {
  version: string;
}

export interface ModeCheck {
  version: string;
  /** backward: published -> candidate; forward: candidate -> published. */
  direction: 'backward' | 'forward';
  changes: Change[];
  breaking: boolean;
}

export interface CompatibilityVerdict {
  ok: boolean;
  mode: CompatibilityMode;
  /** Highest published version up to the candidate's, if any. */
  predecessor?: string;
  /** Changes from the predecessor to the candidate (the changelog). */
  changes: Change[];
  semver?: SemverVerdict;
  checks: ModeCheck[];
}

export interface AssessInput {
  mode: CompatibilityMode;
  candidate: VersionedSide;
  /** Every published version of the API, any order, any major. */
  published: readonly VersionedSide[];
  config?: CompatConfig;
  options?: DiffOptions;
}

export function assessCompatibility(input: AssessInput): CompatibilityVerdict {
  const { mode, candidate, config, options } = input;
  // A published version equal to the candidate's counts as its predecessor: same number,
  // other content must then fail the semver rule (the registry answers identical content first).
  const valid = input.published.filter((p) => isValid(p.version) && isValid(candidate.version) && lte(p.version, candidate.version));
  valid.sort((a, b) => compare(b.version, a.version));
  const predecessor = valid[0];
  const changesOf = (from: DiffSide, to: DiffSide): Change[] => checkCompatibility(diffContracts(from, to, options), config);
  const changes = predecessor ? changesOf(predecessor, candidate) : [];
  const verdict: CompatibilityVerdict = { ok: true, mode, changes, checks: [] };
  if (!predecessor) {
    return verdict;
  }
  verdict.predecessor = predecessor.version;
  verdict.semver = checkSemver(changes, predecessor.version, candidate.version);
  if (mode === 'NONE') {
    // Nothing is checked but the version must still move when the content did.
    verdict.ok = verdict.semver.actual !== 'downgrade' && verdict.semver.actual !== 'invalid' && (verdict.semver.actual !== 'none' || changes.length === 0);
    return verdict;
  }
  const candidateMajor = major(candidate.version);
  const sameMajor = valid.filter((p) => major(p.version) === candidateMajor);
  const targets = mode.endsWith('_TRANSITIVE') ? sameMajor : sameMajor.slice(0, 1);
  const base = mode.replace('_TRANSITIVE', '');
  for (const target of targets) {
    if (base === 'BACKWARD' || base === 'FULL') {
      const c = target === predecessor ? changes : changesOf(target, candidate);
      verdict.checks.push({ version: target.version, direction: 'backward', changes: c, breaking: c.some((x) => x.level === 'breaking') });
    }
    if (base === 'FORWARD' || base === 'FULL') {
      const c = changesOf(candidate, target);
      verdict.checks.push({ version: target.version, direction: 'forward', changes: c, breaking: c.some((x) => x.level === 'breaking') });
    }
  }
  verdict.ok = verdict.semver.ok && verdict.checks.every((c) => !c.breaking);
  return verdict;
}
