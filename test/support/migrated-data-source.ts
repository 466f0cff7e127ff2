import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/platform/database/data-source.factory';
import { createTestDatabase, type Engine, type TestDatabase } from './test-database';

/** A migrated DataSource on a fresh database of the given engine, for db specs. */
export async function openMigrated(engine: Engine): Promise<{ ds: DataSource; db: TestDatabase; close(): Promise<void> }> {
  const db = await createTestDatabase(engine);
  const ds = createDataSource(db.options);
  await ds.initialize();
  if (!db.migrated) {
    await ds.runMigrations({ transaction: 'each' });
  }
  return {
    ds,
    db,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}
