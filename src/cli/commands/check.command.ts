/**
 * `charter check [--base GIT_REF] [--contracts DIR] [--format ...] [--output FILE]`:
 * the CI gate. Every contract entry file of the tree on disk is compared with the
 * same tree at the base revision (read through git, never checked out). For each
 * contract added, changed (its bundled content differs, e.g. through a shared
 * _canonical schema), renamed or deleted: validate, lint where governance exists,
 * diff, semver and the compatibility mode of its domain. Exit 0 pass, 1 blocked,
 * 2 could not run. A deleted contract blocks: consumers lose everything.
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import type { SetExit } from './index';

export const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;

export interface CheckOptions {
  base: string;
  contracts: string;
  format: string;
  output?: string;
}

export function registerCheck(program: Command, setExit: SetExit): void {
  program
    .command('check')
    .description('CI gate: validate, lint, diff, semver and compatibility mode of every contract changed against a git revision')
    .option('--base <ref>', 'git revision to compare against', 'HEAD')
    .option('--contracts <dir>', 'the contracts tree', 'contracts')
    .option('--format <format>', `output format: ${CHECK_FORMATS.join(', ')}`, 'text')
    .option('--output <file>', 'write the report to a file instead of standard output')
    .action(async (opts: CheckOptions) => {
      if (!(CHECK_FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`charter check: unknown format '${opts.format}' (use ${CHECK_FORMATS.join(', ')})\n`);
        return setExit(EXIT.ERROR);
      }
      const { runCheckCommand } = await import('./check.action');
      setExit(await runCheckCommand(opts));
    });
}
