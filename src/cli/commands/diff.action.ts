/**
 * What `charter diff` does once its arguments are parsed: loaded by the command's
 * action only, so no other command pays for the document loader, the diff engine
 * and the compatibility rules. `check` reuses the loading and locating helpers.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkCompatibility } from '../../core/compat/check-compatibility';
import type { CompatConfig, RuleLevelSetting } from '../../core/compat/compat.types';
import { diffContracts } from '../../core/diff/diff-contracts';
import type { DiffSide } from '../../core/diff/diff.types';
import { loadContract } from '../../core/document/load-contract';
import { parseDocument } from '../../core/document/parse-document';
import type { Contract, ParsedDocument } from '../../core/document/types';
import type { Change } from '../../core/report/change';
import { formatChangesJson, formatChangesMarkdown, formatChangesText, isBreaking, type ChangeReport } from '../../core/report/change-format';
import type { Issue } from '../../core/report/issue';
import { formatSourceRef, parsePointer } from '../../core/report/source-ref';
import type { Result } from '../../core/result';
import { checkSemver } from '../../core/semver/check-semver';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import { EXIT } from '../exit-codes';
import type { DiffFormat } from './diff.command';

const toPosix = (p: string): string => p.split(path.sep).join('/');
const isFile = (p: string): Promise<boolean> => fs.stat(p).then((s) => s.isFile(), () => false);

/** The nearest folder at or above `dir` holding charter.yaml, if any. */
export async function findTreeRoot(dir: string): Promise<string | undefined> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (await isFile(path.join(d, 'charter.yaml'))) {
      return d;
    }
    if (path.dirname(d) === d) {
      return undefined;
    }
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
  // A document whose only fault is a non-semver `info.version` (Stripe's dates) can
  // still be compared; the semver verdict then says the version is invalid. The
  // digest is never read by a diff, so it is not computed.
  const loaded = await loadContract(rel, source, undefined, { allowNonSemverVersion: true, digest: 'lazy' });
  if (!loaded.ok) {
    // Messages name files as the user does (relative to the working directory).
    const shownOf = (f?: string): string => (f === undefined ? file : toPosix(path.relative(cwd, path.join(root, f))) || f);
    return { ok: false, errors: loaded.errors.map((e) => ({ ...e, source: { ...e.source, file: shownOf(e.source.file) } })) };
  }
  return { ok: true, value: { contract: loaded.value, shown: file } };
}

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${formatSourceRef(i.source)}: ${i.code}: ${i.message}`).join('\n') + '\n';
}

/** charter.yaml `diff.rules`: rule id -> breaking|warning|info|off. */
export async function readCompatConfig(treeRoot: string | undefined): Promise<Result<CompatConfig & { mode?: string }>> {
  if (!treeRoot) {
    return { ok: true, value: {} };
  }
  const file = path.join(treeRoot, 'charter.yaml');
  const parsed = parseDocument(await fs.readFile(file, 'utf8'), file);
  if (!parsed.ok) {
    return parsed;
  }
  const data = parsed.value.data as { diff?: { rules?: Record<string, unknown> }; compatibility?: unknown } | null;
  const levels: Record<string, RuleLevelSetting> = {};
  for (const [id, level] of Object.entries(data?.diff?.rules ?? {})) {
    if (level === 'breaking' || level === 'warning' || level === 'info' || level === 'off') {
      levels[id] = level;
    } else {
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
 * when there is something to locate, by the loader's own YAML parser (js-yaml): the
 * `yaml` package would cost more to load and run than the whole diff.
 * A mapping entry is located at its key, a list item at its start. Pointers into
 * content bundled from other files have no place in the entry and keep the
 * pointer alone, hence the check that the pointer exists in the entry's data.
 */
export function locator(text: string, file?: string): (pointer: string) => { line: number; column: number } | undefined {
  let parsed: ParsedDocument | null | undefined;
  // Re-parsing a multi-megabyte file for positions costs more than the diff: pointers only.
  if (text.length > MAX_LOCATE_CHARS) {
    return () => undefined;
  }
  return (pointer) => {
    if (parsed === undefined) {
      // The loader has already parsed and bounded this text; this parse only finds
      // positions. Always as YAML (JSON is YAML): JSON.parse positions point at
      // values, and a change is shown at its key, in .json files too.
      const result = parseDocument(text, `${file ?? 'entry'}.yaml`);
      parsed = result.ok ? result.value : null;
    }
    if (!parsed || !hasPointer(parsed.data, parsePointer(pointer))) {
      return undefined;
    }
    return parsed.locate(pointer);
  };
}

function hasPointer(data: unknown, segments: readonly string[]): boolean {
  let node = data;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(seg) || Number(seg) >= node.length) {
        return false;
      }
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else {
      return false;
    }
  }
  return true;
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
  if (format === 'json') {
    return formatChangesJson(report);
  }
  if (format === 'markdown') {
    return formatChangesMarkdown(report);
  }
  return formatChangesText(report);
}

export async function readText(file: string): Promise<string> {
  return fs.readFile(file, 'utf8');
}

export async function runDiff(baseFile: string, headFile: string, format: DiffFormat): Promise<number> {
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

