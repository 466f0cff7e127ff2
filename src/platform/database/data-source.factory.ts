/**
 * The one DataSource factory, used by Nest, the TypeORM CLI and the test harness:
 * PostgreSQL when a URL is given, embedded PGlite otherwise. The schema only ever
 * comes from migrations/ (synchronize is off everywhere, tests included).
 */
import * as fs from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from '../../registry/entities';
import { SerializedPGlitePool } from './pglite-pool';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseOptions {
  /** postgres://... ; absent = PGlite */
  url?: string;
  /** PGlite data directory; absent = in memory (tests). */
  dataDir?: string;
  logging?: boolean;
}

export function createDataSourceOptions(opts: DatabaseOptions): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is core PostgreSQL: never try to install uuid-ossp (PGlite has none).
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: opts.logging ?? false,
  } as const;
  if (opts.url) {
    return { ...common, type: 'postgres', url: opts.url, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
  }
  // PGliteDriver records the PGlite options (data dir, bool serializer); the pool
  // class is ours so query runners take turns on the single embedded session.
  new PGliteDriver(opts.dataDir ? { dataDir: opts.dataDir } : {});
  return { ...common, type: 'postgres', driver: { Pool: SerializedPGlitePool } };
}

export function createDataSource(opts: DatabaseOptions): DataSource {
  return new DataSource(createDataSourceOptions(opts));
}

export const engineOf = (opts: DatabaseOptions): 'postgres' | 'pglite' => (opts.url ? 'postgres' : 'pglite');
