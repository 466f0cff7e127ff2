/**
 * The contracts tree on disk as a ContractSource: the only place the CLI lets the
 * core read files. Paths are tree-relative POSIX; anything that resolves outside
 * the root - `..`, absolute paths, or a symlink (checked on the real path) - is
 * refused with an error coded REF_OUTSIDE_TREE, which the loader reports as such.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LIMITS, type ContractSource } from '../../core/document/types';

export interface FsSourceOptions {
  /**
   * Files larger than this are read only up to one byte past it: enough for the
   * loader to answer DOCUMENT_TOO_LARGE without pulling a huge file into memory.
   */
  maxBytes?: number;
}

export class OutsideTreeError extends Error {
  readonly code = 'REF_OUTSIDE_TREE';
}

export function createFsSource(rootDir: string, options: FsSourceOptions = {}): ContractSource {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  let realRoot: Promise<string> | undefined;
  return {
    async read(relativePath: string): Promise<string | undefined> {
      // The core already normalizes and checks; checked again as the last line of defence.
      const parts = relativePath.split('/');
      if (relativePath === '' || relativePath.includes('\0') || relativePath.includes('\\') || path.posix.isAbsolute(relativePath) || parts.includes('..')) {
        throw new OutsideTreeError(`${relativePath} is not inside the contracts tree`);
      }
      realRoot ??= fs.realpath(path.resolve(rootDir));
      const root = await realRoot;
      let real: string;
      try {
        real = await fs.realpath(path.join(root, ...parts));
      } catch (err) {
        if (isMissing(err)) {
          return undefined;
        }
        throw err;
      }
      if (real !== root && !real.startsWith(root + path.sep)) {
        throw new OutsideTreeError(`${relativePath} resolves outside the contracts tree (symbolic link)`);
      }
      return readCapped(real, maxBytes);
    },
  };
}

async function readCapped(file: string, maxBytes: number): Promise<string | undefined> {
  const handle = await fs.open(file, fsConstants.O_RDONLY);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new Error(`${path.basename(file)} is not a regular file`);
    }
    if (stat.size > maxBytes) {
      const buffer = Buffer.alloc(maxBytes + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
    }
    const bytes = await handle.readFile();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error('not valid UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export interface ContractLocation {
  /** The contracts tree root: nearest ancestor holding charter.yaml, else the file's folder. */
  rootDir: string;
  /** The file relative to rootDir, POSIX separators. */
  entry: string;
}

/** Turn a user's CLI file argument into the tree it belongs to and its path inside it. */
export async function locateContractFile(fileArg: string, cwd: string = process.cwd()): Promise<ContractLocation> {
  const abs = path.resolve(cwd, fileArg);
  const own = path.dirname(abs);
  let rootDir = own;
  for (let dir = own; ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'charter.yaml'))) {
      rootDir = dir;
      break;
    }
    if (path.dirname(dir) === dir) {
      break;
    }
  }
  return { rootDir, entry: path.relative(rootDir, abs).split(path.sep).join('/') };
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}
