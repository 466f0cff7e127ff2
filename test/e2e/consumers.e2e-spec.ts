import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegistryFeed } from '../../src/registry/registry-feed';
import { ENGINES } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';

describe.each(ENGINES)('gateway consumers and API keys on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = bearer(t.token({ role: 'admin' }));
  });
  afterAll(async () => t.close());

  it('issues a key once, stores only its hash, and revokes it', async () => {
    const created = await send('POST', `${t.url}/api/consumers`, {
      headers: json(admin),
      body: JSON.stringify({ key: 'carrier-portal', name: 'Carrier portal', contact: 'ops@carrier.example' }),
    });
    expect(created.status).toBe(201);
    const dup = await send('POST', `${t.url}/api/consumers`, { headers: json(admin), body: JSON.stringify({ key: 'carrier-portal', name: 'again' }) });
    expect(dup.status).toBe(409);

    const issued = await send('POST', `${t.url}/api/consumers/carrier-portal/api-keys`, {
      headers: json(admin),
      body: JSON.stringify({ scopes: ['shipments:read'] }),
    });
    expect(issued.status).toBe(201);
    const { apiKey, id, prefix } = issued.json<{ apiKey: string; id: string; prefix: string }>();
    expect(apiKey).toMatch(/^chk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.startsWith(prefix)).toBe(true);

    const ds = t.app.get(DataSource);
    const [row] = await ds.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [id]);
    expect(row.key_hash).toBe(createHash('sha256').update(apiKey).digest('hex'));
    const everything = JSON.stringify(await ds.query(`SELECT * FROM api_keys`)) + JSON.stringify(await ds.query(`SELECT * FROM audit_entries`));
    expect(everything).not.toContain(apiKey);

    const listed = await send('GET', `${t.url}/api/consumers`, { headers: admin });
    const text = listed.text;
    expect(text).toContain(prefix);
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(row.key_hash);

    expect((await send('DELETE', `${t.url}/api/consumers/carrier-portal/api-keys/${id}`, { headers: admin })).status).toBe(204);
    const after = await send('GET', `${t.url}/api/consumers`, { headers: admin });
    expect(after.json<{ items: Array<{ apiKeys: Array<{ revokedAt: string | null }> }> }>().items[0].apiKeys[0].revokedAt).not.toBeNull();
  });

  it('shows one consumer with its keys, and what it called through the gateway', async () => {
    const created = await send('POST', `${t.url}/api/consumers`, { headers: json(admin), body: JSON.stringify({ key: 'billing-sync', name: 'Billing sync' }) });
    expect(created.status).toBe(201);
    const issued = await send('POST', `${t.url}/api/consumers/billing-sync/api-keys`, { headers: json(admin), body: '{}' });
    const { apiKey, id } = issued.json<{ apiKey: string; id: string }>();

    const one = await send('GET', `${t.url}/api/consumers/billing-sync`, { headers: admin });
    expect(one.status).toBe(200);
    expect(one.json()).toMatchObject({ key: 'billing-sync', name: 'Billing sync', contact: null, apiKeys: [{ id, scopes: [], revokedAt: null }] });
    expect(one.text).not.toContain(apiKey);
    const missing = await send('GET', `${t.url}/api/consumers/nobody`, { headers: admin });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    // What the gateway's usage sink hands over, through the same feed.
    const today = new Date().toISOString().slice(0, 10);
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const row = { domain: 'dispatch', api: 'shipments', major: 1, operation: 'listShipments', errors: 0, lastSeenAt: new Date() };
    await t.app.get(RegistryFeed).recordUsage([
      { ...row, day: today, consumer: 'billing-sync', requests: 5, errors: 1 },
      { ...row, day: old, consumer: 'billing-sync', requests: 7 },
      { ...row, day: today, consumer: 'carrier-portal', requests: 3 },
      { ...row, day: today, operation: 'getTracking', consumer: 'billing-sync', requests: 2 },
    ]);
    const usage = await send('GET', `${t.url}/api/consumers/billing-sync/usage`, { headers: admin });
    expect(usage.status).toBe(200);
    const body = usage.json<{ consumer: string; since: string; items: Array<Record<string, unknown>> }>();
    expect(body.consumer).toBe('billing-sync');
    expect(body.items).toEqual([
      expect.objectContaining({ domain: 'dispatch', api: 'shipments', major: 1, operation: 'getTracking', requests: 2, errors: 0 }),
      expect.objectContaining({ domain: 'dispatch', api: 'shipments', major: 1, operation: 'listShipments', requests: 5, errors: 1 }),
    ]);
    const year = await send('GET', `${t.url}/api/consumers/billing-sync/usage?days=90`, { headers: admin });
    expect(year.json<{ items: Array<{ operation: string; requests: number }> }>().items.find((i) => i.operation === 'listShipments')?.requests).toBe(12);
    expect((await send('GET', `${t.url}/api/consumers/billing-sync/usage?days=0`, { headers: admin })).status).toBe(400);
    expect((await send('GET', `${t.url}/api/consumers/nobody/usage`, { headers: admin })).status).toBe(404);
  });

  it('keeps consumer management to admins', async () => {
    const res = await send('POST', `${t.url}/api/consumers`, {
      headers: json(bearer(t.token({ role: 'publisher', domains: ['erp'] }))),
      body: JSON.stringify({ key: 'x', name: 'x' }),
    });
    expect(res.status).toBe(403);
    const reader = bearer(t.token({ role: 'reader' }));
    for (const url of ['/api/consumers', '/api/consumers/carrier-portal', '/api/consumers/carrier-portal/usage']) {
      const answer = await send('GET', `${t.url}${url}`, { headers: reader });
      expect(answer.status).toBe(403);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('DELETE', `${t.url}/api/consumers/nobody/api-keys/nothing`, { headers: admin })).status).toBe(404);
  });
});
