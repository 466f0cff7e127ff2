/**
 * In the resolved document every $ref target is one shared object, reached by as
 * many JSON paths as there are refs to it (stripe: 70,000 visits of 2,900 distinct
 * `properties` maps). Spectral maps each path back to the one place the object is
 * defined and drops the duplicate findings, but only after locating every one of
 * them, which is most of the lint time. A rule that checks an object only on its
 * first visit in a run reports the same findings, once.
 */
import type { RulesetFunctionContext } from '@stoplight/spectral-core';

/** Per run (keyed by the run's document), per rule: the objects already checked. */
const visited = new WeakMap<object, Map<string, WeakSet<object>>>();

export function firstVisit(context: RulesetFunctionContext, ruleId: string, node: object): boolean {
  const runKey = context.document as object;
  let perRule = visited.get(runKey);
  if (!perRule) {
    visited.set(runKey, (perRule = new Map<string, WeakSet<object>>()));
  }
  let seen = perRule.get(ruleId);
  if (!seen) {
    perRule.set(ruleId, (seen = new WeakSet()));
  }
  if (seen.has(node)) {
    return false;
  }
  seen.add(node);
  return true;
}
