/**
 * core/compat: Diff -> Change[] through a catalogue of rules, and the
 * compatibility modes built on it.
 *
 * Invariants:
 * - Pure: no I/O, clock or environment; configuration comes in as data.
 * - One rule per file in rules/, listed in rules.ts; rule ids are public and never
 *   renamed; each diff fact is classified by exactly one rule.
 * - Messages live in messages.ts, apart from the logic.
 * - Results are sorted (breaking first, then by operation/channel and location).
 */
export { checkCompatibility, matchRule } from './check-compatibility';
export { RULES, ruleById } from './rules';
export { MESSAGES } from './messages';
export { assessCompatibility, isCompatibilityMode, COMPATIBILITY_MODES } from './modes';
export type { CompatibilityMode, CompatibilityVerdict, AssessInput, ModeCheck, VersionedSide } from './modes';
export type { Rule, RuleArea, CompatConfig, RuleLevelSetting } from './compat.types';
