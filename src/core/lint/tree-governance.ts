/**
 * Reading a tree's governance through a ContractSource: charter.yaml, the domain's
 * domain.yaml, and every ruleset file they name with the files it extends and its
 * custom functions, then loadGovernance. Both the CLI (a file-system source) and
 * the registry (its contracts directory) call this.
 */
import type { ContractSource } from '../document/types';
import type { Issue } from '../report/issue';
import { fail, type Result } from '../result';
import { loadGovernance } from './governance';
import { joinTreePath, normalizeTreePath } from './tree-path';
import { BUILTIN_RULESET, type GovernanceConfig } from './types';
import { isPlainObject, parseYamlText } from './yaml-text';

/** Key prefix of a ruleset read through its own source (CLI `--ruleset` outside the tree). */
export const EXTERNAL_RULESET_PREFIX = '@ruleset/';

export interface TreeGovernanceOptions {
  /** Domain key: the contract's folder under the contracts root. */
  domain?: string;
  /** A ruleset file replacing charter.yaml's `lint.ruleset`, read through its own source. */
  ruleset?: { source: ContractSource; path: string };
}

/** A read that fails (a path refused by the source, an I/O error) as a message, not a throw. */
async function tryRead(source: ContractSource, file: string): Promise<{ text?: string; error?: string }> {
  try {
    const text = await source.read(file);
    return text === undefined ? {} : { text };
  } catch (err) {
    return { error: `${file} could not be read: ${(err as Error)?.message ?? String(err)}` };
  }
}

/** The ruleset file at `entry`, the files it extends and its functions, by key. */
async function collectRulesetFiles(
  source: ContractSource,
  entry: string,
  prefix: string,
  into: Record<string, string>,
): Promise<void> {
  const key = prefix + entry;
  if (into[key] !== undefined) {
    return;
  }
  const { text } = await tryRead(source, entry);
  if (text === undefined) {
    return; // loadGovernance reports the missing file, with who named it
  }
  into[key] = text;
  const parsed = parseYamlText(key, text);
  if (!parsed.ok || !isPlainObject(parsed.value.data)) {
    return;
  }
  const data = parsed.value.data;
  const dir = typeof data.functionsDir === 'string' ? data.functionsDir : 'functions';
  for (const name of Array.isArray(data.functions) ? data.functions : []) {
    const fnPath = typeof name === 'string' ? joinTreePath(entry, `${dir}/${name}.js`) : undefined;
    if (fnPath === undefined) {
      continue;
    }
    const fn = (await tryRead(source, fnPath)).text;
    if (fn !== undefined) {
      into[prefix + fnPath] = fn;
    }
  }
  const ext = Array.isArray(data.extends) ? data.extends : data.extends !== undefined ? [data.extends] : [];
  for (const e of ext) {
    const name: unknown = Array.isArray(e) ? e[0] : e;
    if (typeof name !== 'string' || (name.includes(':') && !name.startsWith('.'))) {
      continue;
    }
    const child = joinTreePath(entry, name);
    if (child !== undefined) {
      await collectRulesetFiles(source, child, prefix, into);
    }
  }
}

function rulesetPathOf(yamlText: string | undefined, base: string): string | undefined {
  if (yamlText === undefined) {
    return undefined;
  }
  const parsed = parseYamlText(base, yamlText);
  if (!parsed.ok || !isPlainObject(parsed.value.data) || !isPlainObject(parsed.value.data.lint)) {
    return undefined;
  }
  const r = parsed.value.data.lint.ruleset;
  return typeof r === 'string' && r !== BUILTIN_RULESET ? joinTreePath(base, r) : undefined;
}

export async function loadGovernanceFromTree(source: ContractSource, options: TreeGovernanceOptions = {}): Promise<Result<GovernanceConfig>> {
  const charter = await tryRead(source, 'charter.yaml');
  const unreadable = (file: string, message: string): Result<GovernanceConfig> =>
    fail({ code: 'FILE_NOT_FOUND', message, source: { file, pointer: '' } });
  if (charter.error) {
    return unreadable('charter.yaml', charter.error);
  }
  const charterYaml = charter.text;
  let domainFile: string | undefined;
  let domainYaml: string | undefined;
  if (options.domain !== undefined) {
    const key = normalizeTreePath(options.domain);
    if (key === undefined || key.includes('/')) {
      const issue: Issue = { code: 'RULESET_INVALID', message: `"${options.domain}" is not a domain folder name`, source: { pointer: '' } };
      return fail(issue);
    }
    domainFile = `${key}/domain.yaml`;
    const domain = await tryRead(source, domainFile);
    if (domain.error) {
      return unreadable(domainFile, domain.error);
    }
    domainYaml = domain.text;
  }
  const rulesetFiles: Record<string, string> = {};
  let rulesetPath: string | undefined;
  if (options.ruleset) {
    const entry = normalizeTreePath(options.ruleset.path);
    if (entry !== undefined) {
      await collectRulesetFiles(options.ruleset.source, entry, EXTERNAL_RULESET_PREFIX, rulesetFiles);
      rulesetPath = EXTERNAL_RULESET_PREFIX + entry;
    }
  } else {
    const fromCharter = rulesetPathOf(charterYaml, 'charter.yaml');
    if (fromCharter) {
      await collectRulesetFiles(source, fromCharter, '', rulesetFiles);
    }
  }
  const fromDomain = domainFile ? rulesetPathOf(domainYaml, domainFile) : undefined;
  if (fromDomain) {
    await collectRulesetFiles(source, fromDomain, '', rulesetFiles);
  }

  return loadGovernance({
    ...(charterYaml !== undefined ? { charterYaml } : {}),
    ...(domainYaml !== undefined ? { domainYaml, domainFile } : {}),
    rulesetFiles,
    ...(rulesetPath !== undefined ? { rulesetPath } : {}),
  });
}
