/**
 * From a GovernanceConfig and a domain to a ready Spectral Ruleset: compose the
 * definition, let Spectral validate it, apply the severity overrides the way
 * Spectral's own `rules: { id: severity }` does, and guard every rule function so
 * that one that throws becomes an Issue naming the rule instead of a crash. Built
 * once per (config, domain) and cached on the config object.
 */
import { Ruleset, type RulesetDefinition, type RulesetFunction, type RulesetFunctionContext } from '@stoplight/spectral-core';
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { builtinRuleset, charterRecommended, ruleOrigin } from './charter-ruleset';
import { toDefinition } from './ruleset-file';
import { SHARED_SCHEMA_CACHE_RULES, withSharedSchemaCache } from './shared-schema-cache';
import { BUILTIN_RULESET, type CharterRuleOptions, type DomainInfo, type GovernanceConfig, type RulesetFileSpec } from './types';

/** Where a rule is defined: a ruleset file of the tree, or a built-in ruleset name. */
export interface RuleOrigin {
  file: string;
  ref?: RulesetFileSpec['ref'];
}

export interface BuiltRuleset {
  ruleset: Ruleset;
  origins: Map<string, RuleOrigin>;
}

export interface RuleFailure {
  ruleId: string;
  origin: RuleOrigin;
  functionName: string;
  error: unknown;
  path: ReadonlyArray<string | number>;
}

/** Failures of guarded functions, per run: keyed by the Spectral document of that run. */
const failures = new WeakMap<object, RuleFailure[]>();

export function trackFailures(document: object): RuleFailure[] {
  const list: RuleFailure[] = [];
  failures.set(document, list);
  return list;
}

/** Spectral trusts a function's return value; a malformed one would crash the run later. */
function checkResults(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    return `returned ${typeof value} instead of an array of results`;
  }
  const bad: unknown = value.find((r) => typeof r !== 'object' || r === null || typeof (r as { message?: unknown }).message !== 'string');
  return bad === undefined ? undefined : 'returned a result without a string message';
}

function guard(ruleId: string, origin: RuleOrigin, fn: RulesetFunction<unknown, unknown>): RulesetFunction<unknown, unknown> {
  const record = (context: RulesetFunctionContext, error: unknown): undefined => {
    failures.get(context.document)?.push({ ruleId, origin, functionName: fn.name || 'anonymous', error, path: [...context.path] });
    return undefined;
  };
  const checked = (context: RulesetFunctionContext, value: unknown): ReturnType<RulesetFunction> => {
    const problem = checkResults(value);
    return problem ? record(context, new TypeError(problem)) : (value as ReturnType<RulesetFunction>);
  };
  const guarded: RulesetFunction<unknown, unknown> = (input, options, context) => {
    try {
      const result = fn(input, options, context);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        const path = [...context.path];
        return (result as Promise<unknown>).then(
          (r) => checked({ ...context, path }, r) as Awaited<ReturnType<RulesetFunction>>,
          (e: unknown) => record({ ...context, path }, e),
        );
      }
      return checked(context, result);
    } catch (e) {
      return record(context, e);
    }
  };
  Object.defineProperty(guarded, 'name', { value: fn.name || ruleId });
  return guarded;
}

function collectOrigins(spec: RulesetFileSpec, origins: Map<string, RuleOrigin>): void {
  for (const child of Object.values(spec.extended)) {
    collectOrigins(child, origins);
  }
  const rules = spec.data.rules;
  if (rules && typeof rules === 'object') {
    for (const [id, def] of Object.entries(rules)) {
      if (def && typeof def === 'object') {
        origins.set(id, { file: spec.file, ref: spec.ref });
      }
    }
  }
}

/** Spectral's validation errors (one or an AggregateError of them) as Issues. */
export function rulesetErrors(err: unknown, where: (path: ReadonlyArray<string | number>) => Issue['source'], label: string): Issue[] {
  const list = err && typeof err === 'object' && Array.isArray((err as { errors?: unknown }).errors) ? (err as { errors: unknown[] }).errors : [err];
  return list.map((e): Issue => {
    const message = (e as Error)?.message ?? String(e);
    // Spectral says which rule a severity-only entry names, but gives no path.
    const missing = /^Cannot extend non-existing rule: "(.+)"$/.exec(message);
    if (missing) {
      return { code: 'UNKNOWN_RULE', message: `${label}: unknown rule "${missing[1]}" (no ruleset it extends defines it)`, source: where(['rules', missing[1]]) };
    }
    const path = (e as { path?: Array<string | number> }).path ?? [];
    return { code: 'RULESET_INVALID', message: `${label}: ${message}${path.length ? ` (at ${path.join('.')})` : ''}`, source: where(path) };
  });
}

export function ruleOptions(config: GovernanceConfig, domain: DomainInfo | undefined): CharterRuleOptions {
  return { domain: domain ?? null, canonicalDir: config.canonicalDir };
}

function fileDefinition(spec: RulesetFileSpec, options: CharterRuleOptions): Result<RulesetDefinition> {
  return toDefinition(spec, (name) => builtinRuleset(name, options));
}

/** The ruleset a spec file defines, validated on its own so error paths match the file. */
export function validateRulesetFile(spec: RulesetFileSpec, options: CharterRuleOptions): Issue[] {
  const def = fileDefinition(spec, options);
  if (!def.ok) {
    return def.errors;
  }
  try {
    new Ruleset(def.value, { severity: 'recommended' });
    return [];
  } catch (err) {
    return rulesetErrors(err, (p) => spec.ref(p), spec.file);
  }
}

/** Rule ids the base ruleset (before overrides) defines, for validating overrides. */
export function buildBase(config: GovernanceConfig, domain: DomainInfo | undefined): Result<BuiltRuleset> {
  const options = ruleOptions(config, domain);
  const parts: RulesetDefinition[] = [];
  const origins = new Map<string, RuleOrigin>();
  if (config.ruleset === BUILTIN_RULESET) {
    parts.push(charterRecommended(options));
  } else {
    const def = fileDefinition(config.ruleset, options);
    if (!def.ok) {
      return def;
    }
    parts.push(def.value);
    collectOrigins(config.ruleset, origins);
  }
  if (config.domainRuleset) {
    const def = fileDefinition(config.domainRuleset, options);
    if (!def.ok) {
      return def;
    }
    parts.push(def.value);
    collectOrigins(config.domainRuleset, origins);
  }
  let ruleset: Ruleset;
  try {
    ruleset = new Ruleset({ extends: parts.map((p) => [p, 'recommended']) }, { severity: 'recommended' });
  } catch (err) {
    const file = config.ruleset === BUILTIN_RULESET ? BUILTIN_RULESET : config.ruleset.file;
    return { ok: false, errors: rulesetErrors(err, () => ({ file, pointer: '' }), file) };
  }
  for (const id of Object.keys(ruleset.rules)) {
    if (!origins.has(id)) {
      origins.set(id, { file: ruleOrigin(id) ?? BUILTIN_RULESET });
    }
  }
  return ok({ ruleset, origins });
}

const cache = new WeakMap<GovernanceConfig, Map<string, Result<BuiltRuleset>>>();

/** The effective ruleset for a domain: base + overrides, functions guarded. Cached. */
export function rulesetFor(config: GovernanceConfig, domain: DomainInfo | undefined): Result<BuiltRuleset> {
  const key = JSON.stringify(domain ?? null);
  let perConfig = cache.get(config);
  if (!perConfig) {
    cache.set(config, (perConfig = new Map<string, Result<BuiltRuleset>>()));
  }
  const cached = perConfig.get(key);
  if (cached) {
    return cached;
  }

  const base = buildBase(config, domain);
  let result: Result<BuiltRuleset> = base;
  if (base.ok) {
    const { ruleset, origins } = base.value;
    const unknown: Issue[] = [];
    for (const [id, o] of Object.entries(config.overrides)) {
      const rule = ruleset.rules[id];
      if (!rule) {
        unknown.push({ code: 'UNKNOWN_RULE', message: `${o.file}: unknown rule "${id}" in lint.rules`, source: { file: o.file, pointer: o.pointer, line: o.line, column: o.column } });
        continue;
      }
      rule.severity = o.severity;
      rule.enabled = o.severity !== 'off';
    }
    for (const rule of Object.values(ruleset.rules)) {
      const origin = origins.get(rule.name) ?? { file: BUILTIN_RULESET };
      const shared = origin.file === 'spectral:asyncapi' && SHARED_SCHEMA_CACHE_RULES.has(rule.name);
      rule.then = rule.then.map((t) => {
        const fn = t.function as RulesetFunction<unknown, unknown>;
        return { ...t, function: guard(rule.name, origin, shared ? withSharedSchemaCache(fn) : fn) };
      });
    }
    result = unknown.length > 0 ? fail(...unknown) : base;
  }
  perConfig.set(key, result);
  return result;
}
