/**
 * Governance configuration as code: charter.yaml names the ruleset and overrides
 * severities; a domain's domain.yaml adds its own overrides (and may add a ruleset
 * of its own), and says what the domain-aware rules need (owners, correlation).
 * Everything is validated here, once, so a broken ruleset, an unknown rule name or
 * a bad severity is an Issue naming the file, rule and line before any lint runs.
 */
import type { Issue } from '../report/issue';
import { ok, type Result } from '../result';
import { rulesetFor, ruleOptions, validateRulesetFile } from './ruleset-build';
import { loadRulesetFile } from './ruleset-file';
import { joinTreePath, normalizeTreePath } from './tree-path';
import {
  BUILTIN_RULESET,
  RULE_SEVERITIES,
  type DomainInfo,
  type DomainOwner,
  type GovernanceConfig,
  type RuleSeverity,
  type RulesetFileSpec,
  type SeverityOverride,
} from './types';
import { isPlainObject, parseYamlText, type YamlText } from './yaml-text';

export interface GovernanceInput {
  /** Text of contracts/charter.yaml; absent: the built-in defaults. */
  charterYaml?: string;
  /** Text of the contract's contracts/<domain>/domain.yaml. */
  domainYaml?: string;
  /** Ruleset files (and their custom function .js files) by tree-relative path. */
  rulesetFiles?: Readonly<Record<string, string>>;
  /** Path of charter.yaml in the tree, for messages (default `charter.yaml`). */
  charterFile?: string;
  /** Path of domain.yaml in the tree (default `<key>/domain.yaml`). */
  domainFile?: string;
  /** Key into rulesetFiles replacing charter.yaml's `lint.ruleset` (CLI `--ruleset`). */
  rulesetPath?: string;
}

const LINT_KEYS = ['ruleset', 'rules'];

function readOverrides(text: YamlText, lint: Record<string, unknown>, into: Record<string, SeverityOverride>, errors: Issue[]): void {
  if (lint.rules === undefined || lint.rules === null) {
    return;
  }
  if (!isPlainObject(lint.rules)) {
    errors.push({ code: 'RULESET_INVALID', message: `${text.file}: lint.rules must map rule ids to severities`, source: text.ref(['lint', 'rules']) });
    return;
  }
  for (const [id, value] of Object.entries(lint.rules)) {
    const ref = text.ref(['lint', 'rules', id]);
    if (typeof value !== 'string' || !RULE_SEVERITIES.includes(value as RuleSeverity)) {
      errors.push({
        code: 'INVALID_SEVERITY',
        message: `${text.file}: rule "${id}" has severity ${JSON.stringify(value)}; use one of ${RULE_SEVERITIES.join(', ')}`,
        source: ref,
      });
      continue;
    }
    into[id] = { severity: value as RuleSeverity, file: text.file, pointer: ref.pointer, line: ref.line, column: ref.column };
  }
}

function readLintSection(text: YamlText, errors: Issue[]): Record<string, unknown> | undefined {
  const data = isPlainObject(text.data) ? text.data : undefined;
  if (text.data !== null && text.data !== undefined && !data) {
    errors.push({ code: 'RULESET_INVALID', message: `${text.file} must be a mapping`, source: text.ref([]) });
    return undefined;
  }
  const lint = data?.lint;
  if (lint === undefined || lint === null) {
    return undefined;
  }
  if (!isPlainObject(lint)) {
    errors.push({ code: 'RULESET_INVALID', message: `${text.file}: lint must be a mapping (ruleset, rules)`, source: text.ref(['lint']) });
    return undefined;
  }
  for (const key of Object.keys(lint)) {
    if (!LINT_KEYS.includes(key)) {
      errors.push({ code: 'RULESET_INVALID', message: `${text.file}: unknown key lint.${key} (known: ${LINT_KEYS.join(', ')})`, source: text.ref(['lint', key]) });
    }
  }
  if (lint.ruleset !== undefined && typeof lint.ruleset !== 'string') {
    errors.push({ code: 'RULESET_INVALID', message: `${text.file}: lint.ruleset must be ${BUILTIN_RULESET} or a relative path`, source: text.ref(['lint', 'ruleset']) });
  }
  return lint;
}

function readDomain(text: YamlText, fallbackKey: string | undefined): DomainInfo | undefined {
  const data = isPlainObject(text.data) ? text.data : {};
  const key = typeof data.key === 'string' ? data.key : fallbackKey;
  if (!key) {
    return undefined;
  }
  const owners: DomainOwner[] = (Array.isArray(data.owners) ? data.owners : []).filter(isPlainObject).map((o) => ({
    ...(typeof o.team === 'string' ? { team: o.team } : {}),
    ...(typeof o.email === 'string' ? { email: o.email } : {}),
  }));
  const correlation = isPlainObject(data.correlation) ? data.correlation : {};
  return { key, owners, correlationRequired: correlation.required === true };
}

function loadSpec(path: string | undefined, label: string, ref: Issue['source'], files: Readonly<Record<string, string>>, errors: Issue[]): RulesetFileSpec | undefined {
  if (path === undefined) {
    errors.push({ code: 'RULESET_INVALID', message: `${label} leaves the contracts tree`, source: ref });
    return undefined;
  }
  if (files[path] === undefined) {
    errors.push({ code: 'FILE_NOT_FOUND', message: `${label}: ruleset file ${path} not found`, source: ref });
    return undefined;
  }
  const spec = loadRulesetFile(path, files);
  if (!spec.ok) {
    errors.push(...spec.errors);
    return undefined;
  }
  return spec.value;
}

export function loadGovernance(input: GovernanceInput): Result<GovernanceConfig> {
  const errors: Issue[] = [];
  const files = input.rulesetFiles ?? {};
  const charterFile = input.charterFile ?? 'charter.yaml';
  const overrides: Record<string, SeverityOverride> = {};
  let rulesetName: string = BUILTIN_RULESET;
  let rulesetRef: Issue['source'] = { file: charterFile, pointer: '/lint/ruleset' };
  let canonicalDir = '_canonical';

  if (input.charterYaml !== undefined) {
    const parsed = parseYamlText(charterFile, input.charterYaml);
    if (!parsed.ok) {
      return parsed;
    }
    const lint = readLintSection(parsed.value, errors);
    if (lint && typeof lint.ruleset === 'string') {
      rulesetName = lint.ruleset;
      rulesetRef = parsed.value.ref(['lint', 'ruleset']);
    }
    if (lint) {
      readOverrides(parsed.value, lint, overrides, errors);
    }
    const data = isPlainObject(parsed.value.data) ? parsed.value.data : {};
    if (data.canonical !== undefined) {
      const dir = typeof data.canonical === 'string' ? normalizeTreePath(data.canonical) : undefined;
      if (dir) {
        canonicalDir = dir;
      } else {
        errors.push({ code: 'RULESET_INVALID', message: `${charterFile}: canonical must be a folder inside the contracts tree`, source: parsed.value.ref(['canonical']) });
      }
    }
  }

  let domain: DomainInfo | undefined;
  let domainRuleset: RulesetFileSpec | undefined;
  if (input.domainYaml !== undefined) {
    const guessFile = input.domainFile ?? 'domain.yaml';
    const parsed = parseYamlText(guessFile, input.domainYaml);
    if (!parsed.ok) {
      return parsed;
    }
    const folderKey = input.domainFile?.includes('/') ? input.domainFile.split('/').slice(-2)[0] : undefined;
    domain = readDomain(parsed.value, folderKey);
    const domainFile = input.domainFile ?? (domain ? `${domain.key}/domain.yaml` : 'domain.yaml');
    const text: YamlText = { ...parsed.value, file: domainFile, ref: (p) => ({ ...parsed.value.ref(p), file: domainFile }) };
    const lint = readLintSection(text, errors);
    if (lint) {
      readOverrides(text, lint, overrides, errors);
      if (typeof lint.ruleset === 'string') {
        domainRuleset = loadSpec(joinTreePath(domainFile, lint.ruleset), `${domainFile}: lint.ruleset ${lint.ruleset}`, text.ref(['lint', 'ruleset']), files, errors);
      }
    }
  }

  let ruleset: GovernanceConfig['ruleset'] = BUILTIN_RULESET;
  if (input.rulesetPath !== undefined) {
    const spec = loadSpec(input.rulesetPath, `ruleset ${input.rulesetPath}`, { file: input.rulesetPath, pointer: '' }, files, errors);
    if (spec) {
      ruleset = spec;
    }
  } else if (rulesetName !== BUILTIN_RULESET) {
    const spec = loadSpec(joinTreePath(charterFile, rulesetName), `${charterFile}: lint.ruleset ${rulesetName}`, rulesetRef, files, errors);
    if (spec) {
      ruleset = spec;
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }

  const config: GovernanceConfig = { ruleset, overrides, canonicalDir, ...(domain ? { domain } : {}), ...(domainRuleset ? { domainRuleset } : {}) };

  // Validate each ruleset file alone (error paths then match the file), then the
  // composition with the overrides (unknown rule names).
  const options = ruleOptions(config, domain);
  for (const spec of [ruleset, domainRuleset]) {
    if (spec && spec !== BUILTIN_RULESET) {
      errors.push(...validateRulesetFile(spec, options));
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  const built = rulesetFor(config, domain);
  if (!built.ok) {
    return built;
  }
  return ok(config);
}
