/** The rules a governance configuration runs for a domain, with their severities (SARIF, docs). */
import type { Result } from '../result';
import { ok } from '../result';
import type { FindingSeverity } from '../report/finding';
import type { RuleInfo } from './format/sarif.format';
import { rulesetFor } from './ruleset-build';
import type { DomainInfo, GovernanceConfig } from './types';

const SEVERITY: Record<number, FindingSeverity> = { 0: 'error', 1: 'warn', 2: 'info', 3: 'hint' };

export function listRules(governance: GovernanceConfig, domain?: DomainInfo): Result<RuleInfo[]> {
  const built = rulesetFor(governance, domain ?? governance.domain);
  if (!built.ok) {
    return built;
  }
  const rules = Object.values(built.value.ruleset.rules)
    .filter((r) => r.enabled)
    .map((r) => ({
      id: r.name,
      ...(r.description ? { description: r.description } : {}),
      ...(SEVERITY[r.severity] ? { severity: SEVERITY[r.severity] } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ok(rules);
}
