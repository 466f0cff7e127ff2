/** Rule and configuration shapes of the compatibility engine. */
import type { ContractKind } from '../document/types';
import type { Direction, Fact, FactKind } from '../diff/diff.types';
import type { ChangeLevel } from '../report/change';

export type RuleArea =
  | 'document'
  | 'endpoint'
  | 'parameter'
  | 'request-body'
  | 'response'
  | 'schema'
  | 'security'
  | 'server'
  | 'channel'
  | 'operation'
  | 'message'
  | 'binding';

export interface Rule {
  /** Public, kebab-case, never renamed. */
  id: string;
  /** Default severity; charter.yaml `diff.rules` may override it per id. */
  level: ChangeLevel;
  /** Version bump the change needs when it is not breaking. */
  bump: 'minor' | 'patch';
  area: RuleArea;
  /** Facts of this direction only (schema rules); unset: any. */
  direction?: Direction;
  /** Facts of this contract kind only; unset: both. */
  api?: ContractKind;
  facts: readonly FactKind[];
  when?: (fact: Fact) => boolean;
  /** One line for the rule catalogue. */
  summary: string;
}

export type RuleLevelSetting = ChangeLevel | 'off';

export interface CompatConfig {
  /** Per rule id: another level, or `off`. */
  levels?: Readonly<Record<string, RuleLevelSetting>>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
