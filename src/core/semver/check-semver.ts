/**
 * Semver verdict for a new version against its predecessor: a breaking change
 * needs a major bump, an additive change (new operations, fields, accepted
 * values) a minor bump, any other change a patch bump. Bumping more than needed
 * is fine; going backwards or keeping the version with changed content is not.
 * Strict on 0.x too: the gateway routes by major, so a break is always a new major.
 */
// Subpath imports: the whole semver package is ~50 modules a CLI start pays for.
import compare from 'semver/functions/compare';
import parse from 'semver/functions/parse';
import type { Change, SemverBump } from '../report/change';

export type RequiredBump = SemverBump | 'none';
export type ActualBump = SemverBump | 'none' | 'downgrade' | 'invalid';

export interface SemverVerdict {
  ok: boolean;
  required: RequiredBump;
  actual: ActualBump;
  message: string;
}

const RANK: Record<RequiredBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function requiredBump(changes: readonly Change[]): RequiredBump {
  let best: RequiredBump = 'none';
  for (const c of changes) {
    if (RANK[c.bump] > RANK[best]) {
      best = c.bump;
    }
  }
  return best;
}

export function actualBump(baseVersion: string, headVersion: string): ActualBump {
  const b = parse(baseVersion);
  const h = parse(headVersion);
  if (!b || !h) {
    return 'invalid';
  }
  const cmp = compare(h, b);
  if (cmp === 0) {
    return 'none';
  }
  if (cmp < 0) {
    return 'downgrade';
  }
  if (h.major !== b.major) {
    return 'major';
  }
  if (h.minor !== b.minor) {
    return 'minor';
  }
  if (h.patch !== b.patch) {
    return 'patch';
  }
  // Same x.y.z, prerelease moved forward (1.2.0-rc.1 -> 1.2.0): counts as the release it leads to.
  return b.prerelease.length > 0 && h.prerelease.length === 0 ? (b.patch === 0 ? (b.minor === 0 ? 'major' : 'minor') : 'patch') : 'patch';
}

export function checkSemver(changes: readonly Change[], baseVersion: string, headVersion: string): SemverVerdict {
  const required = requiredBump(changes);
  const actual = actualBump(baseVersion, headVersion);
  const from = `${baseVersion} -> ${headVersion}`;
  if (actual === 'invalid') {
    return { ok: false, required, actual, message: `${from}: not a valid semantic version` };
  }
  if (actual === 'downgrade') {
    return { ok: false, required, actual, message: `${from}: the version goes backwards` };
  }
  if (required === 'none') {
    return { ok: true, required, actual, message: `${from}: no change` };
  }
  const why = required === 'major' ? 'there are breaking changes' : required === 'minor' ? 'there are additive changes' : 'the contract changed';
  if (RANK[actual === 'none' ? 'none' : actual] >= RANK[required]) {
    return { ok: true, required, actual, message: `${from}: a ${actual} bump, ${required} needed because ${why}` };
  }
  const got = actual === 'none' ? 'the version did not change' : `only a ${actual} bump`;
  return { ok: false, required, actual, message: `${from}: ${got}, but ${why}: a ${required} bump is needed` };
}
