#!/usr/bin/env node
/**
 * `charter`: reads files and git, calls the core, prints, sets the exit code.
 * Each command lives in commands/<name>.command.ts and registers itself here.
 * Registering is cheap by rule: a command module holds its name, arguments and
 * options, and its action imports the work (<name>.action.ts, jsonwebtoken,
 * Spectral, Nest for `serve`) when it runs, so each run loads only the code of its
 * own command and the CI commands start fast and offline (bench/cli-startup.js).
 */
import { Command } from 'commander';
import { COMMANDS } from './commands';
import { EXIT } from './exit-codes';

export async function run(argv: string[]): Promise<number> {
  const program = new Command('charter')
    .description('Governance-as-code API contract registry, CI gate and policy gateway')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode: number = EXIT.OK;
  for (const register of COMMANDS) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      // --help and --version are successes; a usage error "could not run".
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT.OK : EXIT.ERROR;
    }
    process.stderr.write(`charter: internal error: ${(err as Error).message}\n`);
    return EXIT.ERROR;
  }
  return exitCode;
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`charter: internal error: ${(err as Error).message}\n`);
      process.exitCode = EXIT.ERROR;
    },
  );
}
