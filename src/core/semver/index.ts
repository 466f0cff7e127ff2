/**
 * core/semver: changes + versions -> verdict.
 *
 * Invariants: pure; the required bump depends only on the changes (breaking ->
 * major, additive -> minor, other -> patch); over-bumping is always accepted.
 */
export { checkSemver, requiredBump, actualBump } from './check-semver';
export type { SemverVerdict, RequiredBump, ActualBump } from './check-semver';
