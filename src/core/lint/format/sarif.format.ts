/** SARIF 2.1.0 for CI code scanning: one run, Charter as the driver, a rule per id. */
import type { Finding, FindingSeverity } from '../../report/finding';
import { toSarif, type SarifLevel, type SarifLog, type SarifRuleDescriptor } from '../../report/sarif';

export interface RuleInfo {
  id: string;
  description?: string;
  severity?: FindingSeverity;
}

const LEVEL: Record<FindingSeverity, SarifLevel> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

export function toLintSarif(findings: readonly Finding[], rules: readonly RuleInfo[] = [], toolVersion?: string): SarifLog {
  const used = new Set(findings.map((f) => f.ruleId));
  const descriptors: SarifRuleDescriptor[] = rules
    .filter((r) => used.has(r.id))
    .map((r) => ({ id: r.id, ...(r.description ? { description: r.description } : {}), ...(r.severity ? { defaultLevel: LEVEL[r.severity] } : {}) }));
  return toSarif(
    { name: 'charter', ...(toolVersion ? { version: toolVersion } : {}), informationUri: 'https://charter.dev' },
    descriptors,
    findings.map((f) => ({
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: f.message,
      ...(f.source.file !== undefined ? { file: f.source.file } : {}),
      ...(f.source.line !== undefined ? { line: f.source.line } : {}),
      ...(f.source.column !== undefined ? { column: f.source.column } : {}),
      pointer: f.source.pointer,
    })),
  );
}

export function formatSarif(findings: readonly Finding[], rules: readonly RuleInfo[] = [], toolVersion?: string): string {
  return JSON.stringify(toLintSarif(findings, rules, toolVersion), null, 2) + '\n';
}
