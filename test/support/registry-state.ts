import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** Row counts of every registry table: a bad input must leave them all unchanged. */
export async function registryState(t: TestApp): Promise<Record<string, number>> {
  const ds = t.app.get(DataSource);
  const [row] = await ds.query(`
    SELECT (SELECT count(*) FROM domains)::int AS domains, (SELECT count(*) FROM apis)::int AS apis,
           (SELECT count(*) FROM api_versions)::int AS versions, (SELECT count(*) FROM audit_entries)::int AS audit`);
  return row;
}
