/**
 * Runs once per Jest project: migrates a template PostgreSQL database that each
 * db/e2e spec file clones (CREATE DATABASE ... TEMPLATE), so migrations run once
 * per engine per run and files never share rows. The name is per run, so
 * concurrent runs on one server do not collide.
 */
import 'reflect-metadata';
import { createDataSource } from '../../src/platform/database/data-source.factory';
import { ADMIN_URL, TEMPLATE_ENV, adminQuery, withDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  if (process.env[TEMPLATE_ENV]) {
    return; // the other project already made it in this run
  }
  const name = `charter_tpl_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const ds = createDataSource({ url: withDatabase(ADMIN_URL, name) });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env[TEMPLATE_ENV] = name;
}
