/**
 * A Charter rule: data (id, description, default severity, what it applies to,
 * where it looks) plus one function. The catalogue (rules.ts) turns each into a
 * Spectral rule; the function gets the domain through Spectral `functionOptions`,
 * so the same rule runs unchanged under spectral-cli (see bench/lint.js).
 */
import type { IFunctionResult, RulesetFunctionContext } from '@stoplight/spectral-core';
import type { FindingSeverity } from '../report/finding';
import type { CharterRuleOptions } from './types';

export type RuleTarget = 'openapi' | 'asyncapi' | 'any';

export type CharterRuleFunction = (
  input: unknown,
  options: CharterRuleOptions,
  context: RulesetFunctionContext,
) => IFunctionResult[];

export interface CharterRule {
  /** Public, kebab-case, prefixed `charter-`, never renamed. */
  id: string;
  description: string;
  /** Default severity; charter.yaml / domain.yaml `lint.rules` may override it. */
  severity: FindingSeverity;
  target: RuleTarget;
  /** Spectral JSONPath expressions the function receives. */
  given: string[];
  /** false: the function sees the document as written, `$ref`s not followed. */
  resolved: boolean;
  fn: CharterRuleFunction;
}
