/**
 * The whole environment in one schema, parsed once at boot (STYLE.md section 6).
 * Each variable has a description, a default and a secret flag; `.env.example`
 * lists the same keys (a unit test keeps them in step). No other file reads
 * process.env: the parsed, frozen AppConfig is provided by token instead.
 */
import { z } from 'zod';

export interface VariableDoc {
  description: string;
  secret?: boolean;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL (${protocols.join(' or ')})` },
  );

export const ENV_SCHEMA = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(8080),
    GATEWAY_PORT: port.default(8000),
    HOST: z.string().min(1).default('0.0.0.0'),
    CHARTER_ROLE: z.enum(['all', 'control', 'gateway']).default('all'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    CHARTER_DATA_DIR: z.string().min(1).default('./.charter'),
    CHARTER_DB_SKIP_MIGRATIONS: bool.default('false'),
    CHARTER_CONTRACTS_DIR: z.string().min(1).default('./contracts'),
    CHARTER_SEED: bool.default('true'),
    CHARTER_LINT_ON_PUBLISH: bool.default('true'),
    CHARTER_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CHARTER_JWT_JWKS_URL: url(['https:', 'http:']).optional(),
    CHARTER_JWT_ISSUER: z.string().min(1).optional(),
    CHARTER_JWT_AUDIENCE: z.string().min(1).optional(),
    CHARTER_ANONYMOUS_READ: bool.default('false'),
    CHARTER_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
    CHARTER_PUBLIC_URL: url(['http:', 'https:']).optional(),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
    GATEWAY_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(1_000).max(3_600_000).default(75_000),
    GATEWAY_TRUST_PROXY: bool.default('false'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.CHARTER_JWT_JWKS_URL && (!env.CHARTER_JWT_ISSUER || !env.CHARTER_JWT_AUDIENCE)) {
      for (const key of ['CHARTER_JWT_ISSUER', 'CHARTER_JWT_AUDIENCE'] as const) {
        if (!env[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'required when CHARTER_JWT_JWKS_URL is set' });
        }
      }
    }
    if (env.CHARTER_JWT_JWKS_URL && env.CHARTER_JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['CHARTER_JWT_SECRET'],
        message: 'set either CHARTER_JWT_SECRET or CHARTER_JWT_JWKS_URL, not both',
      });
    }
  });

export type EnvVariable = keyof z.input<typeof ENV_SCHEMA>;

export const ENV_DOCS: Record<EnvVariable, VariableDoc> = {
  NODE_ENV: { description: 'development, production or test' },
  PORT: { description: 'Control plane port: registry API /api, docs /docs, portal /, /health, /metrics' },
  GATEWAY_PORT: { description: 'Gateway (data plane) port' },
  HOST: { description: 'Interface both listeners bind to' },
  CHARTER_ROLE: { description: 'all, control (registry only) or gateway (data plane only)' },
  DATABASE_URL: { description: 'PostgreSQL URL; unset = embedded PGlite in CHARTER_DATA_DIR', secret: true },
  CHARTER_DATA_DIR: { description: 'Where the embedded PGlite database and the local JWT secret live' },
  CHARTER_DB_SKIP_MIGRATIONS: { description: 'true to skip running migrations at start-up' },
  CHARTER_CONTRACTS_DIR: { description: 'Contracts tree the registry seeds itself from when empty' },
  CHARTER_SEED: { description: 'false to start with an empty registry even when CHARTER_CONTRACTS_DIR exists' },
  CHARTER_LINT_ON_PUBLISH: { description: 'false to skip governance lint on publish (CI still runs charter lint)' },
  CHARTER_JWT_SECRET: {
    description: 'HS256 secret for registry API tokens; unset (and no JWKS) = a local secret in CHARTER_DATA_DIR',
    secret: true,
  },
  CHARTER_JWT_JWKS_URL: { description: 'JWKS URL of the identity provider that signs registry API tokens' },
  CHARTER_JWT_ISSUER: { description: 'Expected iss of registry API tokens (required with JWKS)' },
  CHARTER_JWT_AUDIENCE: { description: 'Expected aud of registry API tokens (required with JWKS)' },
  CHARTER_ANONYMOUS_READ: { description: 'true lets anonymous clients read the registry (for the portal)' },
  CHARTER_MAX_DOCUMENT_BYTES: { description: 'Largest contract document accepted, in bytes' },
  CHARTER_PUBLIC_URL: { description: 'Public base URL of the control plane, used in problem type links' },
  REDIS_URL: { description: 'Redis URL: shared gateway rate-limit budgets; unset = in memory', secret: true },
  GATEWAY_KEEP_ALIVE_TIMEOUT_MS: {
    description: 'How long the gateway keeps an idle client connection; keep it above the idle timeout of the balancer in front',
  },
  GATEWAY_TRUST_PROXY: {
    description: 'true when one trusted proxy fronts the gateway: its X-Forwarded-* are kept, and the last X-Forwarded-For entry is the client IP',
  },
  LOG_LEVEL: { description: 'pino log level' },
};
