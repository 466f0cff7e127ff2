import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { ENV_DOCS, ENV_SCHEMA } from './config.schema';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      role: 'all',
      http: { port: 8080, gatewayPort: 8000 },
      database: { url: undefined, skipMigrations: false },
      contracts: { seed: true, maxDocumentBytes: 10 * 1024 * 1024 },
      auth: { anonymousRead: false },
      gateway: { keepAliveTimeoutMs: 75_000, trustProxy: false },
    });
    expect(path.isAbsolute(config.database.dataDir)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', CHARTER_ROLE: 'everything', DATABASE_URL: 'mysql://x', CHARTER_JWT_SECRET: 'short', GATEWAY_KEEP_ALIVE_TIMEOUT_MS: '5' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const key of ['PORT="eighty"', 'CHARTER_ROLE="everything"', 'DATABASE_URL=<secret>', 'CHARTER_JWT_SECRET=<secret>', 'GATEWAY_KEEP_ALIVE_TIMEOUT_MS="5"']) {
      expect(message).toContain(key);
    }
    expect(message).not.toContain('mysql://x');
  });

  it('requires issuer and audience with a JWKS URL', () => {
    expect(() => loadConfig({ CHARTER_JWT_JWKS_URL: 'https://id.example/jwks.json' })).toThrow(
      /CHARTER_JWT_ISSUER.*required when CHARTER_JWT_JWKS_URL is set[\s\S]*CHARTER_JWT_AUDIENCE/,
    );
    expect(loadConfig({ CHARTER_JWT_JWKS_URL: 'https://id.example/jwks.json', CHARTER_JWT_ISSUER: 'i', CHARTER_JWT_AUDIENCE: 'a' }).auth).toMatchObject({
      jwksUrl: 'https://id.example/jwks.json',
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(8080);
  });

  it('documents every variable in the schema and in .env.example, and nothing else', () => {
    const schemaKeys = Object.keys(ENV_SCHEMA._def.schema.shape).sort();
    expect(Object.keys(ENV_DOCS).sort()).toEqual(schemaKeys);
    const example = readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
    const exampleKeys = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(exampleKeys).toEqual(schemaKeys);
  });
});
