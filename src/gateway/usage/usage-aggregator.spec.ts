import pino from 'pino';
import type { RouteOperation } from '../route-table';
import type { UsageRecord } from '../route-table.input';
import { UsageAggregator } from './usage-aggregator';

const op = (id: string, version = '1.2.0'): RouteOperation =>
  ({ id, method: 'GET', template: `/${id}`, label: `d/a/v1 /${id}`, usageKey: `d/a/v1 /${id}\nGET\n${version}`, api: { domain: 'd', api: 'a', version, major: 1 } }) as unknown as RouteOperation;

describe('UsageAggregator', () => {
  const logger = pino({ level: 'silent' });

  it('aggregates per operation, version and consumer and flushes one batch', async () => {
    const batches: UsageRecord[][] = [];
    const usage = new UsageAggregator(async (b) => void batches.push(b), 60_000, 100, logger);
    const list = op('list');
    usage.record(list, 'c1', 200);
    usage.record(list, 'c1', 404);
    usage.record(list, undefined, 503);
    usage.record(op('list', '1.3.0'), 'c1', 200);
    await usage.close();
    expect(batches).toHaveLength(1);
    const rows = batches[0].map((r) => `${r.version} ${r.consumerId} ${r.requests}/${r.clientErrors}/${r.serverErrors}`).sort();
    expect(rows).toEqual(['1.2.0 c1 2/1/0', '1.2.0 null 1/0/1', '1.3.0 c1 1/0/0']);
    expect(batches[0][0]).toMatchObject({ domain: 'd', api: 'a', major: 1, operationId: 'list', method: 'GET', path: '/list' });
  });

  it('keeps counters for the next flush when the sink fails', async () => {
    let fail = true;
    const batches: UsageRecord[][] = [];
    const usage = new UsageAggregator(
      async (b) => {
        if (fail) {
          throw new Error('database down');
        }
        batches.push(b);
      },
      60_000,
      100,
      logger,
    );
    const list = op('list');
    usage.record(list, 'c1', 200);
    const firstWindow = (await usage.flush(), batches.length);
    expect(firstWindow).toBe(0);
    usage.record(list, 'c1', 200);
    fail = false;
    await usage.flush();
    expect(batches).toEqual([[expect.objectContaining({ consumerId: 'c1', requests: 2 })]]);
  });

  it('flushes early when the key cap is reached', async () => {
    const batches: UsageRecord[][] = [];
    const usage = new UsageAggregator(async (b) => void batches.push(b), 60_000, 3, logger);
    for (const c of ['a', 'b', 'c']) {
      usage.record(op('x'), c, 200);
    }
    await usage.flush();
    expect(batches[0]).toHaveLength(3);
    await usage.close();
  });
});
