/**
 * Entities and migrations must agree: after migrating an empty database, TypeORM's
 * schema builder (what `migration:generate` runs) finds nothing left to change.
 */
import type { DataSource } from 'typeorm';
import { openMigrated } from '../support/migrated-data-source';
import { ENGINES } from '../support/test-database';

describe.each(ENGINES)('entities and migrations on %s', (engine) => {
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ds, close } = await openMigrated(engine));
  });
  afterAll(async () => close());

  it('leave no pending schema change', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
