/**
 * The gateway inside the app: the route table comes from the registry, follows
 * publishes and deprecations within a second, flushes usage to the registry, and
 * (CHARTER_ROLE=gateway) learns of other nodes' publishes through NOTIFY and keeps
 * serving its last good table when the database goes away.
 */
import * as jwt from 'jsonwebtoken';
import * as path from 'node:path';
import { GatewayHost } from '../../src/gateway/gateway-host';
import { ENGINES, adminQuery } from '../support/test-database';
import { gatewayUrl, startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';
import { bearer, send } from '../support/http';

const CONTRACTS = path.resolve(__dirname, '../../contracts');
const DISPATCH_SECRET = 'dispatch-demo-secret-that-is-long-enough-0000';
const TRACKING = '/dispatch/shipments/v1/tracking/MRD7Q4K2X9TB';

// The bound: a publish or deprecation changes the live route table within 1 s.
const RELOAD_MS = 1000;

describe.each(ENGINES)('the gateway in the app, on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(engine, {
      CHARTER_SEED: 'true',
      CHARTER_CONTRACTS_DIR: CONTRACTS,
      CHARTER_DISPATCH_JWT_SECRET: DISPATCH_SECRET,
      GATEWAY_KEEP_ALIVE_TIMEOUT_MS: '9000',
    });
    admin = bearer(t.token({ role: 'admin' }));
  });
  afterAll(async () => t.close());

  it('serves the seeded contracts as mocks, with auth from domain.yaml', async () => {
    const tracking = await send('GET', gatewayUrl(t) + TRACKING);
    expect(tracking.status).toBe(200);
    expect(tracking.headers['x-charter-mock']).toBe('true');
    expect(tracking.headers['x-correlation-id']).toBeDefined();
    expect(tracking.headers['keep-alive']).toBe('timeout=9'); // GATEWAY_KEEP_ALIVE_TIMEOUT_MS reached the listener
    expect((await send('GET', `${gatewayUrl(t)}/dispatch/shipments/v1/shipments`)).status).toBe(401);
    const token = jwt.sign({ scope: 'shipments:read' }, DISPATCH_SECRET, { issuer: 'https://id.meridian-logistics.example', audience: 'dispatch-api', expiresIn: '5m' });
    const list = await send('GET', `${gatewayUrl(t)}/dispatch/shipments/v1/shipments?limit=5`, { headers: bearer(token) });
    expect(list.status).toBe(200);
    expect((await send('GET', `${gatewayUrl(t)}/dispatch/nothing/v1/x`)).status).toBe(404);
  });

  it('routes a newly published major within a second, and marks a deprecated one', async () => {
    const latest = await send('GET', `${t.url}/api/domains/dispatch/apis/shipments/versions/latest/document`, { headers: admin });
    const v2 = latest.text.replace(/^(\s*version:\s*)['"]?1\.7\.0['"]?/m, '$12.0.0');
    expect(v2).not.toBe(latest.text);
    expect((await send('POST', `${t.url}/api/domains/dispatch/apis/shipments/versions`, { headers: { ...admin, 'content-type': 'application/yaml' }, body: v2 })).status).toBe(201);
    const routed = await eventually(() => send('GET', gatewayUrl(t) + TRACKING.replace('/v1/', '/v2/')), (r) => r.status === 200, RELOAD_MS);
    expect(routed.status).toBe(200);

    const dep = await send('PATCH', `${t.url}/api/domains/dispatch/apis/shipments/versions/1.7.0`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycle: 'deprecated', sunsetAt: '2027-03-31T00:00:00Z' }),
    });
    expect(dep.status).toBe(200);
    const old = await eventually(() => send('GET', gatewayUrl(t) + TRACKING), (r) => r.headers.deprecation !== undefined, RELOAD_MS);
    expect(old.status).toBe(200);
    expect(old.headers.deprecation).toMatch(/^@\d+$/);
    expect(old.headers.sunset).toBe('Wed, 31 Mar 2027 00:00:00 GMT');
  });

  it('flushes usage counters to the registry in batches', async () => {
    await t.app.close(); // close() flushes the last batch; reopen a reader on the same database
    const reopened = await startTestApp(engine, {}, { reuse: t });
    try {
      const usage = await send('GET', `${reopened.url}/api/domains/dispatch/apis/shipments/usage`, { headers: bearer(reopened.token({ role: 'reader' })) });
      const items = usage.json<{ items: Array<{ major: number; operation: string; consumer: string; requests: number }> }>().items;
      const tracking = items.filter((i) => i.operation === 'getTracking');
      // One call in the first test, then at least one on v2 and one on deprecated v1.
      expect(tracking.map((i) => i.major).sort()).toEqual([1, 2]);
      expect(tracking.reduce((n, i) => n + i.requests, 0)).toBeGreaterThanOrEqual(3);
      expect(tracking.every((i) => i.consumer === 'anonymous')).toBe(true);
    } finally {
      t = reopened;
    }
  });
});

describe('a gateway-only node (CHARTER_ROLE=gateway) on PostgreSQL', () => {
  it('learns of publishes through NOTIFY and keeps serving when the database goes away', async () => {
    const control = await startTestApp('postgres', { CHARTER_SEED: 'true', CHARTER_CONTRACTS_DIR: CONTRACTS });
    const database = new URL(control.config.database.url!).pathname.slice(1);
    const node = await startTestApp('postgres', { CHARTER_ROLE: 'gateway', DATABASE_URL: control.config.database.url!, CHARTER_DB_SKIP_MIGRATIONS: 'true' });
    try {
      expect((await send('GET', gatewayUrl(node) + TRACKING)).status).toBe(200);
      // The gateway node has no registry API.
      expect((await send('GET', `${node.url}/api/domains`, { headers: bearer(node.token({ role: 'admin' })) })).status).toBe(404);

      const admin = bearer(control.token({ role: 'admin' }));
      const latest = await send('GET', `${control.url}/api/domains/dispatch/apis/shipments/versions/latest/document`, { headers: admin });
      const v3 = latest.text.replace(/^(\s*version:\s*)['"]?1\.7\.0['"]?/m, '$13.0.0');
      expect((await send('POST', `${control.url}/api/domains/dispatch/apis/shipments/versions`, { headers: { ...admin, 'content-type': 'application/yaml' }, body: v3 })).status).toBe(201);
      const routed = await eventually(() => send('GET', gatewayUrl(node) + TRACKING.replace('/v1/', '/v3/')), (r) => r.status === 200, RELOAD_MS);
      expect(routed.status).toBe(200);

      await control.app.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await node.app.get(GatewayHost).requestReload(); // fails to read, keeps the table
      expect((await send('GET', gatewayUrl(node) + TRACKING)).status).toBe(200);
      expect((await send('GET', gatewayUrl(node) + TRACKING.replace('/v1/', '/v3/'))).status).toBe(200);
    } finally {
      await node.close();
      await control.close().catch(() => undefined);
    }
  });
});
