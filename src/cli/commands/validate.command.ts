/**
 * `charter validate FILE... [--format text|json]`: load each contract the way the
 * registry will (parse, bundle relative $refs inside its contracts tree, official
 * JSON Schema, semantic checks, semver) and report every issue as
 * `file:line:col CODE message (pointer)`. Exit 0 all valid, 1 any invalid, 2 could
 * not run (no such file, unreadable, bad option). Never a stack trace.
 *
 * Imports only the document core: no Nest, no Spectral.
 */
import type { Command } from 'commander';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../core/document';
import type { Issue } from '../../core/report/issue';
import { EXIT } from '../exit-codes';
import { createFsSource, locateContractFile } from '../fs-source';
import type { SetExit } from './index';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface ValidateResult {
  file: string;
  valid: boolean;
  kind?: string;
  specVersion?: string;
  version?: string;
  title?: string;
  digest?: string;
  /** Set when the file could not be validated at all (exit code 2). */
  error?: string;
  errors: Array<{ code: Issue['code']; message: string; file?: string; line?: number; column?: number; pointer: string }>;
}

export function registerValidate(program: Command, setExit: SetExit): void {
  program
    .command('validate')
    .description('Validate OpenAPI 3.0/3.1 and AsyncAPI 2.x/3.x contracts: structure, $refs, semantics, semver')
    .argument('<files...>', 'contract files (relative $refs are resolved inside their contracts tree)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (files: string[], opts: { format: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`charter validate: --format must be one of ${FORMATS.join(', ')}, got "${opts.format}"\n`);
        return setExit(EXIT.ERROR);
      }
      const results: ValidateResult[] = [];
      for (const file of files) results.push(await validateFile(file));
      write(results, opts.format as Format);
      setExit(
        results.some((r) => r.error !== undefined) ? EXIT.ERROR : results.some((r) => !r.valid) ? EXIT.FAILED : EXIT.OK,
      );
    });
}

export async function validateFile(file: string, cwd: string = process.cwd()): Promise<ValidateResult> {
  const abs = path.resolve(cwd, file);
  const problem = await unreadable(abs);
  if (problem) return { file, valid: false, error: `cannot read ${file}: ${problem}`, errors: [] };
  try {
    const { rootDir, entry } = await locateContractFile(abs, cwd);
    const loaded = await loadContract(entry, createFsSource(rootDir));
    // Issues in the file itself use the user's spelling; other tree files follow its style.
    const display = (f: string | undefined) => {
      if (f === undefined || f === entry) return file;
      const abs = path.join(rootDir, f);
      return path.isAbsolute(file) ? abs : toPosix(path.relative(cwd, abs));
    };
    if (!loaded.ok) {
      return {
        file,
        valid: false,
        errors: loaded.errors.map((e) => ({
          code: e.code,
          message: e.message,
          file: display(e.source.file),
          ...(e.source.line !== undefined ? { line: e.source.line, column: e.source.column ?? 1 } : {}),
          pointer: e.source.pointer,
        })),
      };
    }
    const c = loaded.value;
    return { file, valid: true, kind: c.kind, specVersion: c.specVersion, version: c.version, title: c.title, digest: c.digest, errors: [] };
  } catch (err) {
    // The core returns bad input as values; an exception here is an I/O failure.
    return { file, valid: false, error: `cannot validate ${file}: ${(err as Error).message}`, errors: [] };
  }
}

async function unreadable(abs: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(abs);
    if (!stat.isFile()) return 'not a regular file';
    await fs.access(abs, fsConstants.R_OK);
    return undefined;
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  }
}

function write(results: ValidateResult[], format: Format): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    for (const r of results) if (r.error) process.stderr.write(`charter validate: ${r.error}\n`);
    return;
  }
  for (const r of results) {
    if (r.error) {
      process.stderr.write(`charter validate: ${r.error}\n`);
    } else if (r.valid) {
      process.stdout.write(`${r.file}: valid (${r.kind} ${r.specVersion}, version ${r.version})\n`);
    } else {
      for (const e of r.errors) {
        const where = e.line !== undefined ? `${e.file}:${e.line}:${e.column}` : `${e.file}:`;
        process.stdout.write(`${where} ${e.code} ${e.message}${e.pointer ? ` (${e.pointer})` : ''}\n`);
      }
    }
  }
}

const toPosix = (p: string): string => p.split(path.sep).join('/');
