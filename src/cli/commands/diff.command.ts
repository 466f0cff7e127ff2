/**
 * `charter diff BASE HEAD [--format text|json|markdown]`: classify every change
 * between two versions of a contract. Exit 0 compatible, 1 breaking, 2 could not
 * run (an unreadable or invalid document: its located loader messages, never a
 * stack trace).
 *
 * Each file is loaded from the contracts tree it lives in (the nearest folder
 * above it holding charter.yaml, else the working directory or its own folder),
 * so relative $refs stay inside that tree. Severity overrides come from that
 * charter.yaml's `diff.rules`. Nothing here loads Nest, Spectral or the AsyncAPI
 * parser: the command must answer in well under half a second.
 */
import type { Command } from 'commander';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkCompatibility } from '../../core/compat/check-compatibility';
import type { CompatConfig, RuleLevelSetting } from '../../core/compat/compat.types';
import { diffContracts } from '../../core/diff/diff-contracts';
import type { DiffSide } from '../../core/diff/diff.types';
import { loadContract } from '../../core/document/load-contract';
import { parseDocument } from '../../core/document/parse-document';
import type { Contract, ContractSource } from '../../core/document/types';
import type { Document as YamlDocument, LineCounter } from 'yaml';
import type { Change } from '../../core/report/change';
import { formatChangesJson, formatChangesMarkdown, formatChangesText, isBreaking, type ChangeReport } from '../../core/report/change-format';
import type { Issue } from '../../core/report/issue';
import { formatSourceRef, parsePointer } from '../../core/report/source-ref';
import type { Result } from '../../core/result';
import { checkSemver } from '../../core/semver/check-semver';
import { createFsSource } from '../fs-source';
import { EXIT } from '../exit-codes';
import type { SetExit } from './index';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const toPosix = (p: string): string => p.split(path.sep).join('/');
const isFile = (p: string): Promise<boolean> => fs.stat(p).then((s) => s.isFile(), () => false);

/** The nearest folder at or above `dir` holding charter.yaml, if any. */
export async function findTreeRoot(dir: string): Promise<string | undefined> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (await isFile(path.join(d, 'charter.yaml'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

export interface LoadedSide {
  contract: Contract;
  /** How the user named the file: used in every message. */
  shown: string;
}

/** Load a contract file from disk through the tree it belongs to. */
export async function loadFile(file: string): Promise<Result<LoadedSide>> {
  const abs = path.resolve(file);
  const treeRoot = await findTreeRoot(path.dirname(abs));
  const cwd = process.cwd();
  const root = treeRoot ?? (abs.startsWith(cwd + path.sep) ? cwd : path.dirname(abs));
  const rel = toPosix(path.relative(root, abs));
  const source = createFsSource(root);
  let loaded = await loadContract(rel, source);
  if (!loaded.ok && loaded.errors.every((e) => e.code === 'INVALID_VERSION')) loaded = await loadDespiteVersion(rel, source, loaded.errors);
  if (!loaded.ok) {
    // Messages name files as the user does (relative to the working directory).
    const shownOf = (f?: string): string => (f === undefined ? file : toPosix(path.relative(cwd, path.join(root, f))) || f);
    return { ok: false, errors: loaded.errors.map((e) => ({ ...e, source: { ...e.source, file: shownOf(e.source.file) } })) };
  }
  return { ok: true, value: { contract: loaded.value, shown: file } };
}

/**
 * A document whose only fault is a non-semver `info.version` (Stripe's dates)
 * can still be compared: load it with a placeholder version, then put the real
 * one back. The semver verdict then says the version is invalid.
 */
async function loadDespiteVersion(rel: string, source: ContractSource, errors: Issue[]): Promise<Result<Contract>> {
  const text = await source.read(rel);
  const parsed = text === undefined ? undefined : parseDocument(text, rel);
  const data = parsed?.ok ? (parsed.value.data as { info?: { version?: unknown } }) : undefined;
  if (!data?.info) return { ok: false, errors };
  const original = data.info.version;
  data.info.version = '0.0.0';
  const patched: ContractSource = { read: (p) => (p === rel ? Promise.resolve(JSON.stringify(data)) : source.read(p)) };
  const loaded = await loadContract(rel, patched);
  if (!loaded.ok) return { ok: false, errors };
  const info = loaded.value.document.info as Record<string, unknown>;
  info.version = original;
  return { ok: true, value: { ...loaded.value, version: String(original) } };
}

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${formatSourceRef(i.source)}: ${i.code}: ${i.message}`).join('\n') + '\n';
}

/** charter.yaml `diff.rules`: rule id -> breaking|warning|info|off. */
export async function readCompatConfig(treeRoot: string | undefined): Promise<Result<CompatConfig & { mode?: string }>> {
  if (!treeRoot) return { ok: true, value: {} };
  const file = path.join(treeRoot, 'charter.yaml');
  const parsed = parseDocument(await fs.readFile(file, 'utf8'), file);
  if (!parsed.ok) return parsed;
  const data = parsed.value.data as { diff?: { rules?: Record<string, unknown> }; compatibility?: unknown } | null;
  const levels: Record<string, RuleLevelSetting> = {};
  for (const [id, level] of Object.entries(data?.diff?.rules ?? {})) {
    if (level === 'breaking' || level === 'warning' || level === 'info' || level === 'off') levels[id] = level;
    else {
      return {
        ok: false,
        errors: [{ code: 'SEMANTIC_ERROR', message: `diff.rules.${id} must be breaking, warning, info or off`, source: { file, pointer: `/diff/rules/${id}`, ...parsed.value.locate(`/diff/rules/${id}`) } }],
      };
    }
  }
  return { ok: true, value: { levels, ...(typeof data?.compatibility === 'string' ? { mode: data.compatibility } : {}) } };
}

const MAX_LOCATE_CHARS = 2 * 1024 * 1024;

/**
 * Line and column for change pointers, from the entry text, parsed once and only
 * when there is something to locate; each pointer is then a walk down the YAML
 * tree (JSON is YAML), not a scan of the text. Pointers into content bundled from
 * other files have no place in the entry and keep the pointer alone.
 */
export function locator(text: string, _file?: string): (pointer: string) => { line: number; column: number } | undefined {
  let tree: { doc: YamlDocument; lines: LineCounter } | null | undefined;
  // Re-parsing a multi-megabyte file for positions costs more than the diff: pointers only.
  if (text.length > MAX_LOCATE_CHARS) return () => undefined;
  return (pointer) => {
    if (tree === undefined) {
      // The loader has already parsed and bounded this text; this parse only finds positions.
      const { LineCounter: Lines, parseDocument: parseYaml } = require('yaml') as typeof import('yaml');
      const lines = new Lines();
      const doc = parseYaml(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
      tree = doc.errors.length ? null : { doc, lines };
    }
    if (!tree) return undefined;
    type Item = { key?: { value?: unknown; range?: number[] } | null; value?: unknown; range?: number[] };
    let node: unknown = tree.doc.contents;
    let at: number | undefined = (node as { range?: number[] } | null)?.range?.[0];
    for (const seg of parsePointer(pointer)) {
      const items = (node as { items?: Item[] } | null)?.items;
      if (!Array.isArray(items)) return undefined;
      const isSeq = items.length > 0 && !('key' in items[0]);
      const hit = isSeq ? items[Number(seg)] : items.find((p) => p.key != null && String(p.key.value) === seg);
      if (!hit || (isSeq && !/^\d+$/.test(seg))) return undefined;
      node = isSeq ? hit : hit.value;
      at = isSeq ? hit.range?.[0] : hit.key?.range?.[0];
    }
    if (at === undefined) return undefined;
    const pos = tree.lines.linePos(at);
    return { line: pos.line, column: pos.col };
  };
}

/** Fill line/column of each change's base and head from the two entry texts. */
export function locateChanges(changes: Change[], base: DiffSide, head: DiffSide): void {
  for (const c of changes) {
    for (const [ref, side] of [[c.base, base], [c.head, head]] as const) {
      const at = side.locate?.(ref.pointer);
      if (at) {
        ref.line = at.line;
        ref.column = at.column;
      }
    }
  }
}

export function render(report: ChangeReport, format: DiffFormat): string {
  if (format === 'json') return formatChangesJson(report);
  if (format === 'markdown') return formatChangesMarkdown(report);
  return formatChangesText(report);
}

export async function readText(file: string): Promise<string> {
  return fs.readFile(file, 'utf8');
}

async function runDiff(baseFile: string, headFile: string, format: DiffFormat): Promise<number> {
  const [base, head] = await Promise.all([loadFile(baseFile), loadFile(headFile)]);
  if (!base.ok || !head.ok) {
    process.stderr.write(formatIssues([...(base.ok ? [] : base.errors), ...(head.ok ? [] : head.errors)]));
    return EXIT.ERROR;
  }
  const config = await readCompatConfig(await findTreeRoot(path.dirname(path.resolve(headFile))));
  if (!config.ok) {
    process.stderr.write(formatIssues(config.errors));
    return EXIT.ERROR;
  }
  const side = async (s: LoadedSide): Promise<DiffSide> => {
    // Pointers that exist in the entry file are located there; bundled parts are not in it.
    const text = await readText(s.shown);
    return { document: s.contract.document, file: s.shown, locate: locator(text, s.shown) };
  };
  const [b, h] = await Promise.all([side(base.value), side(head.value)]);
  // Positions are filled after classification, so a clean diff never re-parses.
  const changes = checkCompatibility(diffContracts({ document: b.document, file: b.file }, { document: h.document, file: h.file }), config.value);
  locateChanges(changes, b, h);
  const report: ChangeReport = {
    base: { file: baseFile, version: base.value.contract.version },
    head: { file: headFile, version: head.value.contract.version },
    changes,
    semver: checkSemver(changes, base.value.contract.version, head.value.contract.version),
  };
  process.stdout.write(render(report, format));
  return isBreaking(changes) ? EXIT.FAILED : EXIT.OK;
}

export function registerDiff(program: Command, setExit: SetExit): void {
  program
    .command('diff')
    .description('Compare two versions of a contract: exit 0 compatible, 1 breaking, 2 error')
    .argument('<base>', 'the earlier version (file)')
    .argument('<head>', 'the new version (file)')
    .option('--format <format>', `output format: ${DIFF_FORMATS.join(', ')}`, 'text')
    .action(async (baseFile: string, headFile: string, opts: { format: string }) => {
      if (!(DIFF_FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`charter diff: unknown format '${opts.format}' (use ${DIFF_FORMATS.join(', ')})\n`);
        setExit(EXIT.ERROR);
        return;
      }
      setExit(await runDiff(baseFile, headFile, opts.format as DiffFormat));
    });
}
