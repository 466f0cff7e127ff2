/**
 * Shapes of the governance lint: what a domain is (for rules that depend on it),
 * how severities are overridden, and the loaded governance configuration.
 */
import type { RulesetFunction } from '@stoplight/spectral-core';
import type { FindingSeverity } from '../report/finding';
import type { SourceRef } from '../report/source-ref';

export type { Finding, FindingSeverity, FindingSummary } from '../report/finding';

/** A severity as written in charter.yaml / domain.yaml `lint.rules`. */
export type RuleSeverity = FindingSeverity | 'off';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warn', 'info', 'hint', 'off'];

export const BUILTIN_RULESET = 'charter:recommended';

export interface DomainOwner {
  team?: string;
  email?: string;
}

/** What the rules need to know of the domain a contract belongs to (domain.yaml). */
export interface DomainInfo {
  /** Domain key, equal to its folder name under the contracts root. */
  key: string;
  owners: DomainOwner[];
  /** `correlation.required`: operations must accept the x-correlation-id header. */
  correlationRequired: boolean;
}

/** One severity override and where it was written, for precise messages. */
export interface SeverityOverride {
  severity: RuleSeverity;
  file: string;
  pointer: string;
  line?: number;
  column?: number;
}

/**
 * A Spectral ruleset file (YAML/JSON) from the contracts tree, already parsed, with
 * its custom functions loaded. Converted to a Spectral definition per domain, since
 * it may extend `charter:recommended`, whose rules take the domain as options.
 */
export interface RulesetFileSpec {
  file: string;
  data: Record<string, unknown>;
  /** Custom functions by name, from the file's functionsDir. */
  functions: Record<string, RulesetFunction<unknown, unknown>>;
  /** Files it extends, by the name written in `extends`. */
  extended: Record<string, RulesetFileSpec>;
  /** Where a path of the file is (file, pointer, line), for messages. */
  ref: (path: ReadonlyArray<string | number>) => SourceRef;
}

export interface GovernanceConfig {
  /** `charter:recommended` or a ruleset file in the tree. */
  ruleset: typeof BUILTIN_RULESET | RulesetFileSpec;
  /** Rules a domain adds on top of `ruleset` (domain.yaml `lint.ruleset`). */
  domainRuleset?: RulesetFileSpec;
  /** charter.yaml `lint.rules` then domain.yaml `lint.rules` (the domain wins). */
  overrides: Record<string, SeverityOverride>;
  domain?: DomainInfo;
  /** Folder of the canonical schemas, relative to the contracts root (`_canonical`). */
  canonicalDir: string;
}

/** Options every Charter rule function receives (Spectral `functionOptions`). */
export interface CharterRuleOptions {
  domain: DomainInfo | null;
  canonicalDir: string;
}
