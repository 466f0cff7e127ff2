/**
 * Spectral ruleset files (YAML/JSON, the format spectral-cli reads) from the
 * contracts tree: loaded from text (with their custom functions and the relative
 * files they extend), then turned into a Spectral definition. `extends` accepts
 * `spectral:oas`, `spectral:asyncapi`, `charter:recommended` and relative files in
 * the tree; never URLs or npm packages, so linting stays offline.
 */
import type { RulesetDefinition, RulesetFunction } from '@stoplight/spectral-core';
import * as formats from '@stoplight/spectral-formats';
import * as coreFunctions from '@stoplight/spectral-functions';
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { loadCustomFunction } from './custom-function';
import { joinTreePath } from './tree-path';
import { BUILTIN_RULESET, type RulesetFileSpec } from './types';
import { isPlainObject, parseYamlText, type YamlText } from './yaml-text';

const FORMATS: Record<string, unknown> = {
  oas2: formats.oas2,
  oas3: formats.oas3,
  'oas3.0': formats.oas3_0,
  'oas3.1': formats.oas3_1,
  asyncapi2: formats.aas2,
  asyncapi3: formats.aas3,
  // the export names, as spectral-cli also accepts them
  oas3_0: formats.oas3_0,
  oas3_1: formats.oas3_1,
  aas2: formats.aas2,
  aas3: formats.aas3,
  'json-schema': formats.jsonSchema,
  'json-schema-loose': formats.jsonSchemaLoose,
};

const CORE_FUNCTIONS = coreFunctions as unknown as Record<string, RulesetFunction<unknown, unknown>>;

export type BuiltinRulesets = (name: string) => RulesetDefinition | undefined;

function issue(text: YamlText, path: Array<string | number>, message: string): Issue {
  return { code: 'RULESET_INVALID', message: `${text.file}: ${message}`, source: text.ref(path) };
}

export function loadRulesetFile(
  file: string,
  files: Readonly<Record<string, string>>,
  stack: readonly string[] = [],
): Result<RulesetFileSpec> {
  const content = files[file];
  if (content === undefined) {
    return fail({ code: 'FILE_NOT_FOUND', message: `ruleset file ${file} not found`, source: { file, pointer: '' } });
  }
  const parsed = parseYamlText(file, content);
  if (!parsed.ok) {
    return parsed;
  }
  const text = parsed.value;
  if (!isPlainObject(text.data)) {
    return fail(issue(text, [], 'a ruleset must be a mapping (extends, rules, functions)'));
  }
  const data = text.data;
  const errors: Issue[] = [];

  const functions: RulesetFileSpec['functions'] = {};
  const functionsDir = data.functionsDir ?? 'functions';
  if (data.functions !== undefined) {
    if (!Array.isArray(data.functions) || typeof functionsDir !== 'string') {
      errors.push(issue(text, ['functions'], '`functions` must be a list of names and `functionsDir` a path'));
    } else {
      data.functions.forEach((name, i) => {
        const fnFile = typeof name === 'string' ? joinTreePath(file, `${functionsDir}/${name}.js`) : undefined;
        if (fnFile === undefined) {
          return errors.push(issue(text, ['functions', i], `function name ${JSON.stringify(name)} is not a file name inside the contracts tree`));
        }
        const source = files[fnFile];
        if (source === undefined) {
          return errors.push(issue(text, ['functions', i], `function "${String(name)}" not found: ${fnFile}`));
        }
        const loaded = loadCustomFunction(fnFile, String(name), source);
        if (loaded.ok) {
          functions[String(name)] = loaded.value;
        } else {
          errors.push(...loaded.errors);
        }
        return undefined;
      });
    }
  }

  const extended: RulesetFileSpec['extended'] = {};
  extendsEntries(data.extends).forEach(({ name, at }) => {
    if (name.includes(':') && !name.startsWith('./') && !name.startsWith('../')) {
      return;
    }
    const target = joinTreePath(file, name);
    if (target === undefined) {
      return errors.push(issue(text, at, `extends "${name}" leaves the contracts tree`));
    }
    if (stack.includes(target) || target === file) {
      return errors.push(issue(text, at, `extends "${name}" is circular`));
    }
    const child = loadRulesetFile(target, files, [...stack, file]);
    if (child.ok) {
      extended[name] = child.value;
    } else {
      errors.push(...child.errors);
    }
    return undefined;
  });

  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return ok({ file, data, functions, extended, ref: text.ref });
}

function extendsEntries(ext: unknown): Array<{ name: string; severity?: unknown; at: Array<string | number> }> {
  if (typeof ext === 'string') {
    return [{ name: ext, at: ['extends'] }];
  }
  if (!Array.isArray(ext)) {
    return [];
  }
  return ext.flatMap((e, i) => {
    if (typeof e === 'string') {
      return [{ name: e, at: ['extends', i] }];
    }
    const tuple: unknown[] = Array.isArray(e) ? e : [];
    const name = tuple[0];
    const severity = tuple[1];
    if (typeof name === 'string') {
      return [{ name, severity, at: ['extends', i] }];
    }
    return [];
  });
}

/** The Spectral definition of a loaded ruleset file; `builtins` supplies named rulesets. */
export function toDefinition(spec: RulesetFileSpec, builtins: BuiltinRulesets): Result<RulesetDefinition> {
  const errors: Issue[] = [];
  const err = (path: Array<string | number>, message: string): void => {
    errors.push({ code: 'RULESET_INVALID', message: `${spec.file}: ${message}`, source: spec.ref(path) });
  };
  const data = spec.data;
  const out: Record<string, unknown> = {};

  for (const key of Object.keys(data)) {
    if (!['extends', 'rules', 'functions', 'functionsDir', 'formats', 'aliases', 'parserOptions', 'documentationUrl', 'description'].includes(key)) {
      err([key], key === 'overrides' ? '`overrides` is not supported: use domain.yaml lint.rules per domain' : `unknown ruleset key "${key}"`);
    }
  }

  if (data.extends !== undefined) {
    const ext: unknown[] = [];
    const entries = extendsEntries(data.extends);
    if (entries.length === 0) {
      err(['extends'], '`extends` must be a ruleset name or a list of them');
    }
    for (const { name, severity, at: p } of entries) {
      let def: RulesetDefinition | undefined;
      if (spec.extended[name]) {
        const child = toDefinition(spec.extended[name], builtins);
        if (!child.ok) {
          errors.push(...child.errors);
          continue;
        }
        def = child.value;
      } else {
        def = builtins(name);
      }
      if (!def) {
        err(p, `extends "${name}": only spectral:oas, spectral:asyncapi, ${BUILTIN_RULESET} and relative files in the contracts tree can be extended`);
        continue;
      }
      ext.push(severity === undefined ? def : [def, severity]);
    }
    out.extends = ext;
  }

  if (data.formats !== undefined) {
    out.formats = convertFormats(data.formats, ['formats'], err);
  }

  if (data.rules !== undefined) {
    if (!isPlainObject(data.rules)) {
      err(['rules'], '`rules` must be a mapping of rule id to definition or severity');
    } else {
      const rules: Record<string, unknown> = {};
      for (const [name, def] of Object.entries(data.rules)) {
        rules[name] = isPlainObject(def) ? convertRule(name, def, spec, err) : def;
      }
      out.rules = rules;
    }
  }
  for (const key of ['aliases', 'parserOptions', 'documentationUrl', 'description']) {
    if (data[key] !== undefined) {
      out[key] = data[key];
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return ok(out as RulesetDefinition);
}

type Report = (path: Array<string | number>, message: string) => void;

function convertFormats(value: unknown, path: Array<string | number>, err: Report): unknown[] {
  if (!Array.isArray(value)) {
    err(path, '`formats` must be a list');
    return [];
  }
  return value.flatMap((f, i) => {
    const fmt = typeof f === 'string' ? FORMATS[f] : undefined;
    if (!fmt) {
      err([...path, i], `unknown format ${JSON.stringify(f)} (known: ${Object.keys(FORMATS).join(', ')})`);
      return [];
    }
    return [fmt];
  });
}

function convertRule(name: string, def: Record<string, unknown>, spec: RulesetFileSpec, err: Report): Record<string, unknown> {
  const rule: Record<string, unknown> = { ...def };
  if (def.formats !== undefined) {
    rule.formats = convertFormats(def.formats, ['rules', name, 'formats'], err);
  }
  const thens: unknown[] = Array.isArray(def.then) ? def.then : [def.then];
  const converted = thens.map((t, i) => {
    if (!isPlainObject(t)) {
      return t;
    }
    const fnName = t.function;
    const p = Array.isArray(def.then) ? ['rules', name, 'then', i, 'function'] : ['rules', name, 'then', 'function'];
    if (typeof fnName !== 'string') {
      return t;
    }
    const fn = spec.functions[fnName] ?? (Object.prototype.hasOwnProperty.call(CORE_FUNCTIONS, fnName) ? CORE_FUNCTIONS[fnName] : undefined);
    if (!fn) {
      err(p, `rule "${name}" uses unknown function "${fnName}" (declare it under \`functions\` or use a Spectral core function)`);
      return t;
    }
    return { ...t, function: fn };
  });
  rule.then = Array.isArray(def.then) ? converted : converted[0];
  return rule;
}
