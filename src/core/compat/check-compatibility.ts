/**
 * Diff -> Change[]: each fact is classified by the one rule of the catalogue that
 * matches it (kind, direction, contract kind, predicate); the level comes from
 * the rule or the configuration; `off` drops the change. Sorted on return.
 */
import type { Diff, Fact } from '../diff/diff.types';
import type { Change } from '../report/change';
import { compareChanges } from '../report/change';
import type { CompatConfig, Rule } from './compat.types';
import { renderMessage } from './render-message';
import { rulesFor } from './rules';

export function matchRule(fact: Fact): Rule | undefined {
  return rulesFor(fact.kind).find(
    (r) => (r.direction === undefined || r.direction === fact.direction) && (r.api === undefined || r.api === fact.api) && (r.when === undefined || r.when(fact)),
  );
}

export function checkCompatibility(diff: Diff, config: CompatConfig = {}): Change[] {
  const out: Change[] = [];
  for (const fact of diff.facts) {
    const rule = matchRule(fact);
    if (!rule) {
      continue;
    }
    const setting = config.levels?.[rule.id] ?? rule.level;
    if (setting === 'off') {
      continue;
    }
    const change: Change = {
      id: rule.id,
      level: setting,
      bump: setting === 'breaking' ? 'major' : rule.bump,
      api: fact.api,
      base: fact.base,
      head: fact.head,
      message: renderMessage(rule.id, fact),
    };
    if (fact.direction) {
      change.direction = fact.direction;
    }
    if (fact.operation !== undefined) {
      change.operation = fact.operation;
    }
    if (fact.channel !== undefined) {
      change.channel = fact.channel;
    }
    if (fact.location !== undefined) {
      change.location = fact.location;
    }
    if (fact.property !== undefined) {
      change.property = fact.property;
    }
    if (fact.alsoIn?.length) {
      change.alsoIn = fact.alsoIn;
    }
    out.push(change);
  }
  return out.sort(compareChanges);
}
