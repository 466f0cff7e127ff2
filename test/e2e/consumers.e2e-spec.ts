import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
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

  it('keeps consumer management to admins', async () => {
    const res = await send('POST', `${t.url}/api/consumers`, {
      headers: json(bearer(t.token({ role: 'publisher', domains: ['erp'] }))),
      body: JSON.stringify({ key: 'x', name: 'x' }),
    });
    expect(res.status).toBe(403);
    expect((await send('DELETE', `${t.url}/api/consumers/nobody/api-keys/nothing`, { headers: admin })).status).toBe(404);
  });
});
