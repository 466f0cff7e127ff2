/**
 * core/diff: two contracts -> a structural Diff (a sorted list of neutral facts).
 *
 * Invariants:
 * - Pure: no I/O, no clock, no environment. Documents come in as data.
 * - Works on resolved meaning: internal `#/...` $refs are followed, allOf is
 *   merged, 3.0/3.1 and AsyncAPI 2.x/3.x spellings are normalized, so a pure
 *   refactor produces no fact.
 * - Terminates on recursive schemas and shared-object cycles: each (base, head,
 *   direction) schema pair is compared once; the number of pairs is bounded.
 * - Decides nothing about compatibility except which side of the wire a schema
 *   is on; rules in core/compat classify facts.
 */
export { diffContracts, kindOf } from './diff-contracts';
export type { Diff, DiffOptions, DiffSide, Direction, Fact, FactDetails, FactKind } from './diff.types';
export { DEFAULT_MAX_SCHEMA_PAIRS } from './diff.types';
