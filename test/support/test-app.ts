/**
 * The whole app over real HTTP for e2e specs: a fresh database of the chosen
 * engine, config built from an object (never the ambient env), a random port.
 */
import * as jwt from 'jsonwebtoken';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap';
import { GatewayHost } from '../../src/gateway/gateway-host';
import { type AppConfig, loadConfig } from '../../src/platform/config/app-config';
import { createTestDatabase, type Engine, type TestDatabase } from './test-database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  dataDir: string;
  database: TestDatabase;
  token(claims: { role: string; domains?: string[]; sub?: string }, opts?: jwt.SignOptions, secret?: string): string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reopen the database (and PGlite data dir) of an app that was closed, instead of a fresh one. */
  reuse?: TestApp;
}

export async function startTestApp(engine: Engine, env: Record<string, string> = {}, opts: StartOptions = {}): Promise<TestApp> {
  const db = opts.reuse ? opts.reuse.database : env.DATABASE_URL ? borrowed(env.DATABASE_URL) : await createTestDatabase(engine);
  const dataDir = opts.reuse ? opts.reuse.dataDir : mkdtempSync(path.join(tmpdir(), 'charter-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    CHARTER_DATA_DIR: dataDir,
    CHARTER_JWT_SECRET: TEST_SECRET,
    CHARTER_SEED: 'false',
    // Registry mechanics specs publish minimal documents; governance has its own spec.
    CHARTER_LINT_ON_PUBLISH: 'false',
    LOG_LEVEL: 'silent',
    ...(db.options.url ? { DATABASE_URL: db.options.url } : {}),
    ...env,
  }); // an empty string in env unsets a default (loadConfig treats '' as unset)
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    dataDir,
    database: db,
    token: ({ sub, ...claims }, opts = {}, secret = TEST_SECRET) =>
      jwt.sign({ domains: [], ...claims }, secret, {
        algorithm: 'HS256',
        subject: sub ?? 'tester',
        issuer: 'charter',
        audience: 'charter-registry',
        expiresIn: '5m',
        ...opts,
      }),
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The base URL of the app's gateway listener (no trailing slash). */
export const gatewayUrl = (t: TestApp): string => `http://127.0.0.1:${t.app.get(GatewayHost).address()!.port}`;

/** Another app's database: used, never dropped, by this one. */
function borrowed(url: string): TestDatabase {
  return { engine: 'postgres', options: { url }, migrated: true, drop: async () => undefined };
}
