/**
 * Database harness for db and e2e specs: `pglite` (in memory, migrated per file)
 * or `postgres` (a fresh database per file, cloned from a template that global
 * setup migrated once). Each file gets its own database; nothing is shared.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseOptions } from '../../src/platform/database/data-source.factory';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['postgres', 'pglite'];

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEMPLATE_ENV = 'CHARTER_TEST_TEMPLATE_DB';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  engine: Engine;
  options: DatabaseOptions;
  /** true when the schema is already migrated (postgres clones the template). */
  migrated: boolean;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    return { engine, options: {}, migrated: false, drop: async () => undefined };
  }
  const template = process.env[TEMPLATE_ENV];
  if (!template) {
    throw new Error(`${TEMPLATE_ENV} is unset: run through jest so global setup creates the template`);
  }
  const name = `charter_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    engine,
    options: { url: withDatabase(ADMIN_URL, name) },
    migrated: true,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
