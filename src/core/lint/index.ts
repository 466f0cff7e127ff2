/**
 * Governance lint: contract text x ruleset -> Finding[] (Spectral underneath).
 *
 * Invariants:
 * - Framework-free and offline: no Nest, no node:fs, no network. Files (the
 *   contract's $ref'd parts, charter.yaml, domain.yaml, ruleset files and their
 *   custom functions) arrive as text or through a ContractSource; $refs resolve
 *   inside the contracts tree only, remote ones are `invalid-ref` findings.
 * - Lints what the author wrote: Spectral parses the entry text itself so findings
 *   carry exact lines; findings in $ref'd files name those files.
 * - Bad input is a returned value: a broken ruleset, an unknown rule name, a bad
 *   severity or a rule function that throws is an Issue naming the file and rule,
 *   never an exception.
 * - Rule ids are public API (`charter-*`, kebab-case, never renamed); severity is a
 *   default that charter.yaml and then domain.yaml `lint.rules` override.
 * - Findings are sorted by file, line, column, severity, rule id.
 * - The Spectral Ruleset (the costly part: validation, rule objects) is built once
 *   per (governance, domain) and cached on the governance object; each run gets a
 *   fresh resolver (cheap) so links between files never leak from one run into
 *   another.
 */
export { loadGovernance, type GovernanceInput } from './governance';
export { loadGovernanceFromTree, EXTERNAL_RULESET_PREFIX, type TreeGovernanceOptions } from './tree-governance';
export { lintContract, type LintInput } from './lint-contract';
export { listRules } from './list-rules';
export { CHARTER_RULES, SPECTRAL_RULES_OFF } from './rules';
export { summarize, compareFindings } from '../report/finding';
export { formatFindings, formatJson, formatSarif, formatText, toLintSarif, LINT_FORMATS, type LintFormat, type RuleInfo } from './format';
export {
  BUILTIN_RULESET,
  RULE_SEVERITIES,
  type DomainInfo,
  type DomainOwner,
  type Finding,
  type FindingSeverity,
  type FindingSummary,
  type GovernanceConfig,
  type RuleSeverity,
} from './types';
