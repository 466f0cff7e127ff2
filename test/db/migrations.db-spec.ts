import type { DataSource } from 'typeorm';
import { ENGINES } from '../support/test-database';
import { openMigrated } from '../support/migrated-data-source';

describe.each(ENGINES)('migrations on %s', (engine) => {
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ds, close } = await openMigrated(engine));
  });
  afterAll(async () => close());

  it('creates the registry tables and leaves nothing pending', async () => {
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining(['api_versions', 'apis', 'audit_entries', 'domains', 'typeorm_migrations']),
    );
    expect(await ds.showMigrations()).toBe(false);
  });

  it('refuses to change the content of a published version, but lets its lifecycle move', async () => {
    const [domain] = await ds.query(`INSERT INTO domains (key, name) VALUES ('erp', 'ERP') RETURNING id`);
    const [api] = await ds.query(
      `INSERT INTO apis (domain_id, key, kind, title) VALUES ($1, 'ar', 'openapi', 'AR') RETURNING id`,
      [domain.id],
    );
    const [version] = await ds.query(
      `INSERT INTO api_versions (api_id, version, major, minor, patch, lifecycle, spec_version, title, digest, raw, raw_format, document, published_by)
       VALUES ($1, '1.0.0', 1, 0, 0, 'published', '3.1.0', 'AR', 'abc', $2, 'yaml', '{}'::jsonb, 'test') RETURNING id`,
      [api.id, 'openapi: 3.1.0'],
    );
    await expect(ds.query(`UPDATE api_versions SET digest = 'other' WHERE id = $1`, [version.id])).rejects.toThrow(
      /immutable/,
    );
    await ds.query(`UPDATE api_versions SET lifecycle = 'deprecated' WHERE id = $1`, [version.id]);
    const [row] = await ds.query(`SELECT lifecycle, digest FROM api_versions WHERE id = $1`, [version.id]);
    expect(row).toEqual({ lifecycle: 'deprecated', digest: 'abc' });
  });

  it('keeps the audit log append-only', async () => {
    await ds.query(`INSERT INTO audit_entries (actor, action, target_type, target) VALUES ('a', 'x', 'domain', 'erp')`);
    await expect(ds.query(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_entries SET actor = 'b'`)).rejects.toThrow(/append-only/);
  });
});
