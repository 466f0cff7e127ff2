/**
 * `charter validate FILE... [--format text|json]`: load each contract the way the
 * registry will (parse, bundle relative $refs inside its contracts tree, official
 * JSON Schema, semantic checks, semver) and report every issue as
 * `file:line:col CODE message (pointer)`. Exit 0 all valid, 1 any invalid, 2 could
 * not run (no such file, unreadable, bad option). Never a stack trace.
 *
 * Imports only the document core (validate.action.ts, loaded when the command runs):
 * no Nest, no Spectral.
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import type { SetExit } from './index';

const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

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
      const { runValidate } = await import('./validate.action');
      setExit(await runValidate(files, opts.format as Format));
    });
}
