import type { DataSource } from 'typeorm';
import { UsageRepository, type UsageDelta } from '../../src/registry/usage.repository';
import { openMigrated } from '../support/migrated-data-source';
import { ENGINES } from '../support/test-database';

const delta = (over: Partial<UsageDelta>): UsageDelta => ({
  day: '2026-11-20',
  domain: 'dispatch',
  api: 'shipments',
  major: 1,
  operation: 'getShipment',
  consumer: 'carrier-portal',
  requests: 1,
  errors: 0,
  lastSeenAt: new Date('2026-11-20T10:00:00Z'),
  ...over,
});

describe.each(ENGINES)('usage counters on %s', (engine) => {
  let ds: DataSource;
  let close: () => Promise<void>;
  const repo = new UsageRepository();

  beforeAll(async () => {
    ({ ds, close } = await openMigrated(engine));
  });
  afterAll(async () => close());

  it('adds batches up per day, operation and consumer in one statement each', async () => {
    await repo.add(ds.manager, [delta({ requests: 5, errors: 1 }), delta({ consumer: 'billing', requests: 2 })]);
    await repo.add(ds.manager, [
      delta({ requests: 3, lastSeenAt: new Date('2026-11-20T12:00:00Z') }),
      delta({ day: '2026-11-21', requests: 4 }),
      delta({ major: 2, operation: 'listShipments', requests: 7 }),
    ]);
    const v1 = await repo.summary(ds.manager, { domain: 'dispatch', api: 'shipments', major: 1, since: '2026-11-01' });
    expect(v1).toEqual([
      { major: 1, operation: 'getShipment', consumer: 'billing', requests: 2, errors: 0, lastSeenAt: '2026-11-20T10:00:00.000Z' },
      { major: 1, operation: 'getShipment', consumer: 'carrier-portal', requests: 12, errors: 1, lastSeenAt: '2026-11-20T12:00:00.000Z' },
    ]);
    const recent = await repo.summary(ds.manager, { domain: 'dispatch', api: 'shipments', since: '2026-11-21' });
    expect(recent).toEqual([expect.objectContaining({ major: 1, consumer: 'carrier-portal', requests: 4 })]);
  });
});
