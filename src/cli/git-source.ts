/**
 * The contracts tree as it was at a git revision, read through `git ls-tree`
 * and `git cat-file` (one long-lived `--batch` process, not one spawn per file).
 * Only the CLI touches git; the core sees a ContractSource like any other.
 * Paths are tree-relative POSIX; anything with `..` or absolute is refused.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import type { ContractSource } from '../core/document/types';

export class GitError extends Error {}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        reject(new GitError(`git ${args.join(' ')}: ${(stderr || err.message).trim()}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Top folder of the work tree holding `dir`. */
export async function gitTopLevel(dir: string): Promise<string> {
  return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
}

/** The commit a ref names (`HEAD`, `origin/main`, a sha), or a GitError saying why not. */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) {
    throw new GitError(`not a git revision: ${ref}`);
  }
  return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new GitError(`the base revision '${ref}' does not name a commit in this repository`);
  })).trim();
}

/** Files under `prefix` (repo-relative POSIX folder) at `commit`, relative to that folder. */
export async function listFilesAt(repoRoot: string, commit: string, prefix: string): Promise<string[]> {
  const out = await git(repoRoot, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]);
  const base = prefix === '' ? '' : prefix.replace(/\/+$/, '') + '/';
  return out
    .split('\0')
    .filter((f) => f !== '' && f.startsWith(base))
    .map((f) => f.slice(base.length));
}

/** Reads blobs through one `git cat-file --batch` process; requests are served in order. */
class BlobReader {
  private proc?: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private queue: Array<{ resolve: (v: string | undefined) => void; reject: (e: Error) => void }> = [];
  private failed?: Error;

  constructor(private readonly repoRoot: string) {}

  read(spec: string): Promise<string | undefined> {
    if (this.failed) {
      return Promise.reject(this.failed);
    }
    const proc = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      proc.stdin.write(spec + '\n');
    });
  }

  close(): void {
    this.proc?.stdin.end();
    this.proc = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) {
      return this.proc;
    }
    const proc = spawn('git', ['cat-file', '--batch'], { cwd: this.repoRoot });
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (err: Error): void => {
      this.failed = new GitError(`git cat-file: ${err.message}`);
      for (const q of this.queue.splice(0)) {
        q.reject(this.failed);
      }
    };
    proc.on('error', fail);
    proc.on('exit', (code) => {
      if (this.queue.length > 0) {
        fail(new Error(`exited with ${code}`));
      }
    });
    this.proc = proc;
    return proc;
  }

  private drain(): void {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0 || this.queue.length === 0) {
        return;
      }
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < nl + 1 + size + 1) {
        return; // wait for the whole blob and its newline
      }
      const body = this.buffer.subarray(nl + 1, nl + 1 + size).toString('utf8');
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      const type = header.split(' ')[1];
      this.queue.shift()!.resolve(type === 'blob' ? body : undefined);
    }
  }
}

export interface GitTreeSource extends ContractSource {
  close(): void;
}

/** The folder `prefix` (repo-relative) at `commit`, as a ContractSource. */
export function createGitSource(repoRoot: string, commit: string, prefix: string): GitTreeSource {
  const reader = new BlobReader(repoRoot);
  const base = prefix === '' ? '' : prefix.replace(/\/+$/, '') + '/';
  return {
    async read(relativePath: string): Promise<string | undefined> {
      const parts = relativePath.split('/');
      if (relativePath === '' || /[\0\n\\]/.test(relativePath) || path.posix.isAbsolute(relativePath) || parts.includes('..')) {
        throw new GitError(`${relativePath} is not inside the contracts tree`);
      }
      return reader.read(`${commit}:${base}${relativePath}`);
    },
    close: () => reader.close(),
  };
}
