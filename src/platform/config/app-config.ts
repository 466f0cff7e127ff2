/**
 * Parses the environment into a typed, nested, frozen AppConfig. Every problem is
 * reported at once, each naming its variable, so a bad deployment fails with one
 * readable message and a non-zero exit.
 */
import * as path from 'node:path';
import { ENV_DOCS, ENV_SCHEMA, type EnvVariable } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: 'all' | 'control' | 'gateway';
  http: { host: string; port: number; gatewayPort: number; publicUrl?: string };
  database: { url?: string; dataDir: string; skipMigrations: boolean };
  contracts: { dir: string; seed: boolean; lintOnPublish: boolean; maxDocumentBytes: number };
  auth: {
    jwtSecret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    anonymousRead: boolean;
  };
  gateway: { keepAliveTimeoutMs: number; trustProxy: boolean };
  redisUrl?: string;
  logLevel: string;
  /** The raw environment, for the gateway's per-domain variables (secretEnv, CHARTER_UPSTREAM_*). */
  rawEnv: Readonly<Record<string, string | undefined>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings mean "unset", as in most .env conventions.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ENV_SCHEMA.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const shown = key in ENV_DOCS && ENV_DOCS[key as EnvVariable].secret ? '<secret>' : JSON.stringify(cleaned[key]);
        return `${key}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return deepFreeze({
    env: e.NODE_ENV,
    role: e.CHARTER_ROLE,
    http: { host: e.HOST, port: e.PORT, gatewayPort: e.GATEWAY_PORT, publicUrl: e.CHARTER_PUBLIC_URL },
    database: { url: e.DATABASE_URL, dataDir: path.resolve(e.CHARTER_DATA_DIR), skipMigrations: e.CHARTER_DB_SKIP_MIGRATIONS },
    contracts: {
      dir: path.resolve(e.CHARTER_CONTRACTS_DIR),
      seed: e.CHARTER_SEED,
      lintOnPublish: e.CHARTER_LINT_ON_PUBLISH,
      maxDocumentBytes: e.CHARTER_MAX_DOCUMENT_BYTES,
    },
    auth: {
      jwtSecret: e.CHARTER_JWT_SECRET,
      jwksUrl: e.CHARTER_JWT_JWKS_URL,
      issuer: e.CHARTER_JWT_ISSUER,
      audience: e.CHARTER_JWT_AUDIENCE,
      anonymousRead: e.CHARTER_ANONYMOUS_READ,
    },
    gateway: { keepAliveTimeoutMs: e.GATEWAY_KEEP_ALIVE_TIMEOUT_MS, trustProxy: e.GATEWAY_TRUST_PROXY },
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    rawEnv: { ...env },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}
