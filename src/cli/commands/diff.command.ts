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
 * parser: the command must answer in well under half a second, so this module only
 * registers the command; diff.action.ts, the work, loads when it runs.
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import type { SetExit } from './index';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

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
      const { runDiff } = await import('./diff.action');
      setExit(await runDiff(baseFile, headFile, opts.format as DiffFormat));
    });
}
