/**
 * The built-in rulesets a ruleset can name: `charter:recommended` (spectral:oas and
 * spectral:asyncapi recommended, plus Charter's rules with the domain as options),
 * `spectral:oas`, `spectral:asyncapi`.
 */
import type { RuleDefinition, RulesetDefinition, RulesetFunction } from '@stoplight/spectral-core';
import { aas2, aas3, oas3 } from '@stoplight/spectral-formats';
import { asyncapi, oas } from '@stoplight/spectral-rulesets';
import type { CharterRule } from './rule';
import { CHARTER_RULES, SPECTRAL_RULES_OFF } from './rules';
import { BUILTIN_RULESET, type CharterRuleOptions } from './types';

const FORMATS_BY_TARGET = { openapi: [oas3], asyncapi: [aas2, aas3], any: [oas3, aas2, aas3] } as const;

export function toSpectralRule(rule: CharterRule, options: CharterRuleOptions): RuleDefinition {
  return {
    description: rule.description,
    // Spectral prints the description unless a message is set; `{{error}}` is the
    // function's own, precise message.
    message: '{{error}}',
    severity: rule.severity,
    recommended: true,
    formats: [...FORMATS_BY_TARGET[rule.target]],
    given: rule.given,
    resolved: rule.resolved,
    then: { function: rule.fn as RulesetFunction<unknown, CharterRuleOptions>, functionOptions: options },
  };
}

export function charterRecommended(options: CharterRuleOptions): RulesetDefinition {
  const rules: Record<string, RuleDefinition | 'off'> = {};
  for (const id of Object.keys(SPECTRAL_RULES_OFF)) {
    rules[id] = 'off';
  }
  for (const rule of CHARTER_RULES) {
    rules[rule.id] = toSpectralRule(rule, options);
  }
  return {
    extends: [
      [oas as RulesetDefinition, 'recommended'],
      [asyncapi as RulesetDefinition, 'recommended'],
    ],
    rules,
  };
}

/** Named rulesets a charter.yaml or a ruleset file may use. */
export function builtinRuleset(name: string, options: CharterRuleOptions): RulesetDefinition | undefined {
  switch (name) {
    case BUILTIN_RULESET:
      return charterRecommended(options);
    case 'spectral:oas':
      return oas as RulesetDefinition;
    case 'spectral:asyncapi':
      return asyncapi as RulesetDefinition;
    default:
      return undefined;
  }
}

/** Where a rule comes from, for messages about it. */
export function ruleOrigin(ruleId: string): string | undefined {
  if (CHARTER_RULES.some((r) => r.id === ruleId)) {
    return BUILTIN_RULESET;
  }
  if (ruleId in (oas as { rules: object }).rules) {
    return 'spectral:oas';
  }
  if (ruleId in (asyncapi as { rules: object }).rules) {
    return 'spectral:asyncapi';
  }
  return undefined;
}
