/**
 * `charter token --role admin [--domains erp,crm]`: a development token for the
 * registry API, signed HS256 with CHARTER_JWT_SECRET or the local secret in
 * CHARTER_DATA_DIR (the one `charter serve` verifies with by default).
 *
 * jsonwebtoken (with semver and lodash behind it) and the secret store load inside
 * the action: every other command starts without them. The role list is plain data.
 */
import type { Command } from 'commander';
import type { SignOptions } from 'jsonwebtoken';
import * as path from 'node:path';
import { ROLES, type Role } from '../../platform/auth/principal';
import { EXIT } from '../exit-codes';
import type { SetExit } from './index';

interface TokenOptions {
  role: string;
  domains?: string;
  subject: string;
  ttl: string;
}

export function registerToken(program: Command, setExit: SetExit): void {
  program
    .command('token')
    .description('Print a registry API token signed with the local secret (development)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--domains <list>', 'comma-separated domains a publisher may write, e.g. erp,crm')
    .option('--subject <name>', 'the token subject', 'charter-cli')
    .option('--ttl <duration>', 'lifetime, e.g. 1h, 12h, 7d', '12h')
    .action(async (opts: TokenOptions) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        process.stderr.write(`charter token: --role must be one of ${ROLES.join(', ')}, got "${opts.role}"\n`);
        return setExit(EXIT.ERROR);
      }
      if (!/^\d+[smhd]$/.test(opts.ttl)) {
        process.stderr.write(`charter token: --ttl must look like 30m, 12h or 7d, got "${opts.ttl}"\n`);
        return setExit(EXIT.ERROR);
      }
      if (process.env.CHARTER_JWT_JWKS_URL) {
        process.stderr.write('charter token: the registry verifies tokens from CHARTER_JWT_JWKS_URL; ask that identity provider for a token\n');
        return setExit(EXIT.ERROR);
      }
      const [jwt, { LOCAL_AUDIENCE, LOCAL_ISSUER, resolveJwtSecret }] = await Promise.all([
        import('jsonwebtoken'),
        import('../../platform/auth/local-secret'),
      ]);
      const domains = (opts.domains ?? '').split(',').map((d) => d.trim()).filter(Boolean);
      const secret = resolveJwtSecret(process.env.CHARTER_JWT_SECRET || undefined, path.resolve(process.env.CHARTER_DATA_DIR || './.charter'));
      const token = jwt.sign({ role: opts.role as Role, domains }, secret, {
        algorithm: 'HS256',
        subject: opts.subject,
        expiresIn: opts.ttl as SignOptions['expiresIn'],
        issuer: process.env.CHARTER_JWT_ISSUER || LOCAL_ISSUER,
        audience: process.env.CHARTER_JWT_AUDIENCE || LOCAL_AUDIENCE,
      });
      process.stdout.write(token + '\n');
      setExit(EXIT.OK);
    });
}
