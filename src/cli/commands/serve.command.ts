import type { Command } from 'commander';
import type { SetExit } from './index';

/** `charter serve`: the only command that loads Nest, and it does so lazily. */
export function registerServe(program: Command, setExit: SetExit): void {
  program
    .command('serve')
    .description('Run the registry, portal and gateway (same as npm start); configured by environment variables')
    .action(async () => {
      const { serve } = await import('../../main');
      setExit(await serve());
    });
}
