/**
 * What `charter validate` does: loaded by the command's action only, so the other
 * commands do not pay for the document loader.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../core/document/load-contract';
import type { Issue } from '../../core/report/issue';
import { EXIT } from '../exit-codes';
import { createFsSource, locateContractFile } from '../../platform/contracts-fs/fs-source';
import type { Format } from './validate.command';

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

/** Validate each file in turn, print the results; the exit code. */
export async function runValidate(files: string[], format: Format): Promise<number> {
  const results: ValidateResult[] = [];
  for (const file of files) {
    results.push(await validateFile(file));
  }
  write(results, format);
  return results.some((r) => r.error !== undefined) ? EXIT.ERROR : results.some((r) => !r.valid) ? EXIT.FAILED : EXIT.OK;
}

export async function validateFile(file: string, cwd: string = process.cwd()): Promise<ValidateResult> {
  const abs = path.resolve(cwd, file);
  const problem = await unreadable(abs);
  if (problem) {
    return { file, valid: false, error: `cannot read ${file}: ${problem}`, errors: [] };
  }
  try {
    const { rootDir, entry } = await locateContractFile(abs, cwd);
    const loaded = await loadContract(entry, createFsSource(rootDir));
    // Issues in the file itself use the user's spelling; other tree files follow its style.
    const display = (f: string | undefined) => {
      if (f === undefined || f === entry) {
        return file;
      }
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
    if (!stat.isFile()) {
      return 'not a regular file';
    }
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
    for (const r of results) {
      if (r.error) {
        process.stderr.write(`charter validate: ${r.error}\n`);
      }
    }
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
