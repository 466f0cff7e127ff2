/**
 * What `charter check` does once its options are checked: loaded by the command's
 * action only (git, the loader, the compatibility engine, the report formats), so
 * the other commands do not pay for it. `sync` reuses the tree walk and lint seam.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CompatConfig } from '../../core/compat/compat.types';
import { assessCompatibility, isCompatibilityMode } from '../../core/compat/modes';
import { parseDocument } from '../../core/document/parse-document';
import { RULES } from '../../core/compat/rules';
import { loadContract } from '../../core/document/load-contract';
import type { Contract, ContractSource } from '../../core/document/types';
import type { CheckFormat, CheckReport, ContractCheck } from '../../core/report/check-format';
import { formatCheckJson, formatCheckJunit, formatCheckMarkdown, formatCheckSarif, formatCheckText } from '../../core/report/check-format';
import type { Finding } from '../../core/report/finding';
import type { Issue } from '../../core/report/issue';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import { EXIT } from '../exit-codes';
import { createGitSource, gitTopLevel, GitError, listFilesAt, resolveCommit } from '../git-source';
import { formatIssues, locateChanges, locator, readCompatConfig } from './diff.action';
import type { CheckOptions } from './check.command';

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** `<api>.openapi.yaml`, `<api>/asyncapi.json`, ...; shared schemas are not contracts. */
export function isContractEntry(rel: string): boolean {
  if (rel.split('/').some((s) => s.startsWith('_') || s.startsWith('.') || s === 'node_modules')) {
    return false;
  }
  const name = rel.split('/').pop()!;
  return /\.(openapi|asyncapi)\.(ya?ml|json)$/i.test(name) || /^(openapi|asyncapi)\.(ya?ml|json)$/i.test(name);
}

export async function walk(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') {
      out.push(...(await walk(root, rel)));
    } else if (e.isFile()) {
      out.push(rel);
    }
  }
  return out;
}

interface Loaded {
  rel: string;
  result: { ok: true; value: Contract } | { ok: false; errors: Issue[] };
}

async function loadAll(files: string[], source: ContractSource): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  for (const rel of files.filter(isContractEntry).sort()) {
    out.set(rel, { rel, result: await loadContract(rel, source) });
  }
  return out;
}

export type Lint = (c: Contract, text: string, domain: string | undefined) => Promise<{ findings: Finding[]; issues: Issue[] } | undefined>;

/** Governance lint, loaded only here (Spectral is heavy); absent lint module = no lint. */
export async function lintSeam(source: ContractSource): Promise<Lint | undefined> {
  let lint: typeof import('../../core/lint');
  try {
    lint = await import('../../core/lint');
  } catch {
    return undefined;
  }
  const governance = new Map<string, ReturnType<typeof lint.loadGovernanceFromTree>>();
  return async (c, text, domain) => {
    const key = domain ?? '';
    if (!governance.has(key)) {
      governance.set(key, lint.loadGovernanceFromTree(source, domain ? { domain } : {}));
    }
    const gov = await governance.get(key)!;
    if (!gov.ok) {
      return { findings: [], issues: gov.errors };
    }
    const r = await lint.lintContract({ text, file: c.file, source, governance: gov.value });
    return r.ok ? { findings: r.value, issues: [] } : { findings: [], issues: r.errors };
  };
}

/** Compatibility mode of a domain: domain.yaml, else charter.yaml, else BACKWARD. */
async function modeOf(root: string, domain: string | undefined, fallback: string | undefined): Promise<string> {
  if (domain) {
    const file = path.join(root, domain, 'domain.yaml');
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : parseDocument(text, file);
    const mode = parsed?.ok ? (parsed.value.data as { compatibility?: unknown } | null)?.compatibility : undefined;
    if (typeof mode === 'string') {
      return mode;
    }
  }
  return fallback ?? 'BACKWARD';
}

async function runCheck(opts: CheckOptions): Promise<{ code: number; report?: CheckReport }> {
  const root = path.resolve(opts.contracts);
  if (!(await fs.stat(root).then((s) => s.isDirectory(), () => false))) {
    process.stderr.write(`charter check: ${opts.contracts}: no such directory\n`);
    return { code: EXIT.ERROR };
  }
  const repo = await gitTopLevel(root);
  const commit = await resolveCommit(repo, opts.base);
  const prefix = toPosix(path.relative(await fs.realpath(repo), await fs.realpath(root)));
  const baseSource = createGitSource(repo, commit, prefix);
  const headSource = createFsSource(root);
  try {
    const [base, head] = [await loadAll(await listFilesAt(repo, commit, prefix), baseSource), await loadAll(await walk(root), headSource)];
    const config = await readCompatConfig(root);
    if (!config.ok) {
      process.stderr.write(formatIssues(config.errors));
      return { code: EXIT.ERROR };
    }
    const lint = await lintSeam(headSource);
    const report: CheckReport = { base: `${opts.base} (${commit.slice(0, 12)})`, contracts: [], blocked: false };
    const renamedFrom = pairRenames(base, head);
    for (const [rel, h] of head) {
      const previous = renamedFrom.get(rel);
      const b = base.get(rel) ?? (previous ? base.get(previous) : undefined);
      if (b?.result.ok && h.result.ok && b.result.value.digest === h.result.value.digest && !previous) {
        continue; // unchanged
      }
      report.contracts.push(await checkOne({ root, baseSource, config: config.value, ...(lint ? { lint } : {}) }, h, b, previous));
    }
    const renamed = new Set(renamedFrom.values());
    for (const [rel, b] of base) {
      if (head.has(rel) || renamed.has(rel)) {
        continue;
      }
      const version = b.result.ok ? b.result.value.version : undefined;
      report.contracts.push({
        file: rel, status: 'deleted', ...(version ? { baseVersion: version } : {}), issues: [], findings: [], changes: [], blocked: true,
        reasons: ['the contract was deleted: every consumer of it breaks'], notes: [],
      });
    }
    report.contracts.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
    report.blocked = report.contracts.some((c) => c.blocked);
    return { code: report.blocked ? EXIT.FAILED : EXIT.OK, report };
  } finally {
    baseSource.close();
  }
}

/** A contract that moved keeps its kind and title: pair such base-only and head-only entries. */
function pairRenames(base: Map<string, Loaded>, head: Map<string, Loaded>): Map<string, string> {
  const identity = (l: Loaded): string | undefined => (l.result.ok ? `${l.result.value.kind}\0${l.result.value.title}` : undefined);
  const gone = new Map<string, string>();
  for (const [rel, b] of base) {
    if (!head.has(rel) && identity(b)) {
      gone.set(identity(b)!, rel);
    }
  }
  const out = new Map<string, string>();
  for (const [rel, h] of head) {
    const id = identity(h);
    if (base.has(rel) || !id || !gone.has(id)) {
      continue;
    }
    out.set(rel, gone.get(id)!);
    gone.delete(id);
  }
  return out;
}

interface CheckContext {
  root: string;
  baseSource: ContractSource;
  config: CompatConfig & { mode?: string };
  lint?: Lint;
}

async function checkOne(ctx: CheckContext, h: Loaded, b: Loaded | undefined, previous: string | undefined): Promise<ContractCheck> {
  const { root, config, lint } = ctx;
  const domain = h.rel.includes('/') ? h.rel.split('/')[0] : undefined;
  const check: ContractCheck = { file: h.rel, status: previous ? 'renamed' : b ? 'modified' : 'added', issues: [], findings: [], changes: [], blocked: false, reasons: [], notes: [] };
  if (previous) {
    check.previousFile = previous;
  }
  if (!h.result.ok) {
    check.issues = h.result.errors;
    check.reasons.push(`the contract is invalid (${h.result.errors.length} issue${h.result.errors.length === 1 ? '' : 's'})`);
    check.blocked = true;
    return check;
  }
  const contract = h.result.value;
  check.kind = contract.kind;
  check.headVersion = contract.version;
  const text = await fs.readFile(path.join(root, h.rel), 'utf8');
  if (lint) {
    const linted = await lint(contract, text, domain);
    if (linted) {
      check.findings = linted.findings;
      check.issues.push(...linted.issues);
      const errors = linted.findings.filter((f) => f.severity === 'error').length;
      if (errors) {
        check.reasons.push(`${errors} governance lint error${errors === 1 ? '' : 's'}`);
      }
      if (linted.issues.length) {
        check.reasons.push('the governance ruleset could not be applied');
      }
    }
  } else {
    check.notes.push('governance lint is not available in this build: not linted');
  }
  if (b && !b.result.ok) {
    check.notes.push(`the base version does not load (${b.result.errors[0]?.message ?? 'invalid'}): compared as a new contract`);
  }
  if (b?.result.ok) {
    const before = b.result.value;
    check.baseVersion = before.version;
    const mode = await modeOf(root, domain, config.mode);
    check.mode = mode;
    if (!isCompatibilityMode(mode)) {
      check.reasons.push(`unknown compatibility mode '${mode}' (use BACKWARD, FORWARD, FULL, NONE or a *_TRANSITIVE form)`);
    } else {
      const verdict = assessCompatibility({
        mode,
        candidate: { document: contract.document, file: h.rel, version: contract.version },
        // Git holds one earlier version; the registry checks transitive modes against all of them.
        published: [{ document: before.document, file: b.rel, version: before.version }],
        config,
      });
      check.changes = verdict.changes;
      const baseText = await ctx.baseSource.read(b.rel);
      locateChanges(check.changes, { document: before.document, ...(baseText ? { locate: locator(baseText, b.rel) } : {}) }, {
        document: contract.document,
        locate: locator(text, h.rel),
      });
      if (verdict.semver) {
        check.semver = verdict.semver;
      }
      if (verdict.semver && !verdict.semver.ok && mode !== 'NONE') {
        check.reasons.push(verdict.semver.message);
      }
      for (const m of verdict.checks.filter((c) => c.breaking)) {
        if (m.direction === 'forward') {
          check.reasons.push(`${mode}: clients of ${contract.version} would break against ${m.version} (forward compatibility)`);
        }
      }
      if (mode === 'NONE' && !verdict.ok) {
        check.reasons.push(verdict.semver?.message ?? 'the version did not change');
      }
    }
  }
  check.blocked = check.reasons.length > 0 || check.issues.length > 0;
  return check;
}

/** The whole command after option checks: run, render, write; the exit code. */
export async function runCheckCommand(opts: CheckOptions): Promise<number> {
  let result: { code: number; report?: CheckReport };
  try {
    result = await runCheck(opts);
  } catch (err) {
    if (!(err instanceof GitError)) {
      throw err;
    }
    process.stderr.write(`charter check: ${err.message}\n`);
    return EXIT.ERROR;
  }
  if (result.report) {
    const out = render(result.report, opts.format as CheckFormat);
    if (opts.output) {
      await fs.writeFile(opts.output, out);
    } else {
      process.stdout.write(out);
    }
    if (opts.output) {
      process.stderr.write(`charter check: ${result.report.blocked ? 'blocked' : 'passed'}; report written to ${opts.output}\n`);
    }
  }
  return result.code;
}

function render(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'markdown':
      return formatCheckMarkdown(report);
    case 'sarif':
      return formatCheckSarif(report, RULES.map((r) => ({ id: r.id, description: r.summary, defaultLevel: r.level === 'breaking' ? 'error' : r.level === 'warning' ? 'warning' : 'note' })));
    case 'junit':
      return formatCheckJunit(report);
    case 'text':
      return formatCheckText(report);
  }
}
