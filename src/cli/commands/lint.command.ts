/**
 * `charter lint FILE... [--format text|json|sarif] [--ruleset FILE]`: governance
 * lint. Each file is linted with the ruleset of the nearest charter.yaml above it
 * (its folder is the contracts tree root) plus its domain's domain.yaml (the folder
 * under that root), or with the built-in charter:recommended. `--ruleset` replaces
 * charter.yaml's `lint.ruleset`. Exit 0 clean (warnings allowed), 1 any error
 * finding, 2 could not run (missing file, broken ruleset, unknown rule, a rule
 * function that throws): a precise message, never a stack trace.
 *
 * Spectral loads only when this command runs, so the other commands start fast.
 */
import type { Command } from 'commander';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ContractSource } from '../../core/document/types';
import type { Finding } from '../../core/report/finding';
import type { Issue } from '../../core/report/issue';
import { EXIT } from '../exit-codes';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import type { SetExit } from './index';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface LintOptions {
  format: string;
  ruleset?: string;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

const exists = (p: string): Promise<boolean> => fs.stat(p).then((s) => s.isFile(), () => false);

/** The nearest folder at or above `dir` holding charter.yaml, if any. */
async function findTreeRoot(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    if (await exists(path.join(d, 'charter.yaml'))) {
      return d;
    }
    if (path.dirname(d) === d) {
      return undefined;
    }
  }
}

interface Target {
  file: string;
  root: string;
  rel: string;
  domain?: string;
}

async function locate(file: string): Promise<Target> {
  const abs = path.resolve(file);
  const treeRoot = await findTreeRoot(path.dirname(abs));
  const cwd = process.cwd();
  const root = treeRoot ?? (abs.startsWith(cwd + path.sep) ? cwd : path.dirname(abs));
  const rel = toPosix(path.relative(root, abs));
  const first = rel.split('/')[0];
  const domain = treeRoot && rel.includes('/') && first && (await exists(path.join(root, first, 'domain.yaml'))) ? first : undefined;
  return { file, root, rel, ...(domain ? { domain } : {}) };
}

export function registerLint(program: Command, setExit: SetExit): void {
  program
    .command('lint')
    .description('Lint contracts against the governance ruleset (contracts/charter.yaml, the domain.yaml, or charter:recommended)')
    .argument('<files...>', 'OpenAPI or AsyncAPI documents')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--ruleset <file>', "a Spectral ruleset file used instead of charter.yaml's lint.ruleset")
    .action(async (files: string[], opts: LintOptions) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`charter lint: --format must be one of ${FORMATS.join(', ')}, got "${opts.format}"\n`);
        return setExit(EXIT.ERROR);
      }
      setExit(await runLint(files, opts.format as Format, opts.ruleset));
    });
}

async function runLint(files: string[], format: Format, rulesetFile: string | undefined): Promise<number> {
  const lint = await import('../../core/lint');
  const cwd = process.cwd();
  const display = (root: string, file: string | undefined): string | undefined => {
    if (file === undefined || file.includes(':')) {
      return file; // e.g. charter:recommended
    }
    if (file.startsWith(lint.EXTERNAL_RULESET_PREFIX) && rulesetFile) {
      return toPosix(path.relative(cwd, path.join(path.dirname(path.resolve(rulesetFile)), file.slice(lint.EXTERNAL_RULESET_PREFIX.length))));
    }
    return toPosix(path.relative(cwd, path.join(root, file)));
  };
  const issues: Array<{ issue: Issue; root: string }> = [];
  const findings: Finding[] = [];
  const rules = new Map<string, { id: string; description?: string; severity?: Finding['severity'] }>();

  const governance = new Map<string, Promise<Awaited<ReturnType<typeof lint.loadGovernanceFromTree>>>>();
  const sources = new Map<string, ContractSource>();
  const sourceFor = (root: string): ContractSource => {
    let s = sources.get(root);
    if (!s) {
      sources.set(root, (s = createFsSource(root)));
    }
    return s;
  };
  const ruleset = rulesetFile
    ? { source: createFsSource(path.dirname(path.resolve(rulesetFile))), path: path.basename(rulesetFile) }
    : undefined;

  for (const file of files) {
    const abs = path.resolve(file);
    if (!(await exists(abs))) {
      process.stderr.write(`charter lint: ${file}: no such file\n`);
      issues.push({ issue: { code: 'FILE_NOT_FOUND', message: `${file}: no such file`, source: { pointer: '' } }, root: cwd });
      continue;
    }
    const target = await locate(file);
    const key = `${target.root}\0${target.domain ?? ''}`;
    let gov = governance.get(key);
    if (!gov) {
      gov = lint.loadGovernanceFromTree(sourceFor(target.root), {
        ...(target.domain ? { domain: target.domain } : {}),
        ...(ruleset ? { ruleset } : {}),
      });
      governance.set(key, gov);
    }
    const config = await gov;
    if (!config.ok) {
      config.errors.forEach((issue) => issues.push({ issue, root: target.root })); // printed once below
      continue;
    }
    const text = await fs.readFile(abs, 'utf8');
    const result = await lint.lintContract({ text, file: target.rel, source: sourceFor(target.root), governance: config.value });
    if (!result.ok) {
      result.errors.forEach((issue) => issues.push({ issue, root: target.root }));
      continue;
    }
    for (const f of result.value) {
      findings.push({ ...f, source: { ...f.source, file: display(target.root, f.source.file) } });
    }
    if (format === 'sarif') {
      const listed = lint.listRules(config.value);
      if (listed.ok) {
        for (const r of listed.value) {
          rules.set(r.id, r);
        }
      }
    }
  }

  findings.sort(lint.compareFindings);
  process.stdout.write(lint.formatFindings(format, findings, [...rules.values()]));
  const seen = new Set<string>();
  for (const { issue, root } of issues) {
    if (issue.code === 'FILE_NOT_FOUND' && issue.source.file === undefined) {
      continue; // printed above
    }
    const where = display(root, issue.source.file);
    const at = where ? `${where}${issue.source.line ? `:${issue.source.line}:${issue.source.column ?? 1}` : ''}` : '';
    const own = issue.source.file && issue.message.startsWith(`${issue.source.file}: `) ? issue.message.slice(issue.source.file.length + 2) : issue.message;
    const message = own.split(lint.EXTERNAL_RULESET_PREFIX).join(rulesetFile ? `${toPosix(path.dirname(rulesetFile))}/` : '');
    const line = `charter lint: ${at ? `${at} ` : ''}${issue.code}: ${message}\n`;
    if (!seen.has(line)) {
      process.stderr.write(line);
    }
    seen.add(line);
  }
  if (issues.length > 0) {
    return EXIT.ERROR;
  }
  return findings.some((f) => f.severity === 'error') ? EXIT.FAILED : EXIT.OK;
}
