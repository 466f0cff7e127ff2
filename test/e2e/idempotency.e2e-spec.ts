import { DataSource } from 'typeorm';
import { idempotencyScope, requestFingerprint } from '../../src/registry/idempotency.interceptor';
import { asYaml, openapiDoc } from '../support/builders';
import { bearer, send, type HttpResponse } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-database';

describe.each(ENGINES)('Idempotency-Key on the creating registry routes on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let ds: DataSource;
  const post = (path: string, body: string, headers: Record<string, string> = {}, type = 'application/json') =>
    send('POST', `${t.url}${path}`, { headers: { ...admin, 'content-type': type, ...headers }, body });
  const count = async (table: string): Promise<number> => {
    const [row] = await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  };
  const expectProblem = (res: HttpResponse, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = bearer(t.token({ role: 'admin', sub: 'alice' }));
    ds = t.app.get(DataSource);
    const domain = await send('PUT', `${t.url}/api/domains/dispatch`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dispatch', owners: [{ team: 'dispatch' }], compatibility: 'BACKWARD' }),
    });
    expect(domain.status).toBe(201);
  });
  afterAll(async () => t.close());

  it('replays a created consumer to a retry without creating it again, and refuses the key for another body', async () => {
    const body = JSON.stringify({ key: 'route-planner', name: 'Route planner' });
    const first = await post('/api/consumers', body, { 'idempotency-key': 'consumer-1' });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Without the key this retry would be a 409 (the consumer exists): the replay runs nothing.
    const retry = await post('/api/consumers', body, { 'idempotency-key': 'consumer-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(await count(`consumers WHERE key = 'route-planner'`)).toBe(1);
    expect(await count(`audit_entries WHERE action = 'consumer.created' AND target = 'route-planner'`)).toBe(1);

    const other = await post('/api/consumers', JSON.stringify({ key: 'route-planner-2', name: 'Other' }), { 'idempotency-key': 'consumer-1' });
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await count(`consumers WHERE key = 'route-planner-2'`)).toBe(0);

    // Keys are per caller: another admin's same key is a request of its own (here a duplicate consumer).
    const bob = bearer(t.token({ role: 'admin', sub: 'bob' }));
    expectProblem(await post('/api/consumers', body, { ...bob, 'idempotency-key': 'consumer-1' }), 409, 'ALREADY_EXISTS');
  });

  it('issues an API key once: the retry gets the same key, a request without a key issues another', async () => {
    expect((await post('/api/consumers', JSON.stringify({ key: 'yard-app', name: 'Yard app' }))).status).toBe(201);
    const path = '/api/consumers/yard-app/api-keys';
    const body = JSON.stringify({ scopes: ['shipments:read'] });
    const first = await post(path, body, { 'idempotency-key': 'f3c1a9e2-issue' });
    expect(first.status).toBe(201);
    const retry = await post(path, body, { 'idempotency-key': 'f3c1a9e2-issue' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json<{ apiKey: string }>().apiKey).toBe(first.json<{ apiKey: string }>().apiKey);
    const keysOfYard = `api_keys k JOIN consumers c ON c.id = k.consumer_id WHERE c.key = 'yard-app'`;
    expect(await count(keysOfYard)).toBe(1);

    expectProblem(await post(path, JSON.stringify({ scopes: ['shipments:write'] }), { 'idempotency-key': 'f3c1a9e2-issue' }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await count(keysOfYard)).toBe(1);

    // No header: unchanged behaviour, each request issues a key.
    expect((await post(path, body)).status).toBe(201);
    expect((await post(path, body)).status).toBe(201);
    expect(await count(keysOfYard)).toBe(3);
  });

  it('replays a publish (201 stays 201) and counts the query as part of the request', async () => {
    const path = '/api/domains/dispatch/apis/shipments/versions';
    const yaml = asYaml(openapiDoc('1.0.0'));
    const first = await post(path, yaml, { 'idempotency-key': 'publish-1.0.0' }, 'application/yaml');
    expect(first.status).toBe(201);
    const retry = await post(path, yaml, { 'idempotency-key': 'publish-1.0.0' }, 'application/yaml');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(await count(`api_versions`)).toBe(1);
    expect(await count(`audit_entries WHERE action = 'version.published'`)).toBe(1);
    // The same document under a new key is the registry's own 200; its retry replays that 200.
    const same = await post(path, yaml, { 'idempotency-key': 'publish-again' }, 'application/yaml');
    expect(same.status).toBe(200);
    const sameRetry = await post(path, yaml, { 'idempotency-key': 'publish-again' }, 'application/yaml');
    expect([sameRetry.status, sameRetry.headers['idempotent-replayed']]).toEqual([200, 'true']);

    expectProblem(await post(`${path}?draft=true`, yaml, { 'idempotency-key': 'publish-1.0.0' }, 'application/yaml'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expectProblem(await post(path, asYaml(openapiDoc('1.1.0', { extraPath: '/x' })), { 'idempotency-key': 'publish-1.0.0' }, 'application/yaml'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await count(`api_versions`)).toBe(1);
  });

  it('refuses a malformed key with 400 and creates nothing', async () => {
    const before = await count('consumers');
    for (const key of ['', 'has space', 'tab\there', 'x'.repeat(256)]) {
      const res = await post('/api/consumers', JSON.stringify({ key: 'never-made', name: 'Never' }), { 'idempotency-key': key });
      expectProblem(res, 400, 'INVALID_IDEMPOTENCY_KEY');
    }
    expect(await count('consumers')).toBe(before);
    // 255 visible ASCII characters is the longest key.
    expect((await post('/api/consumers', JSON.stringify({ key: 'longest-key', name: 'L' }), { 'idempotency-key': '~'.repeat(255) })).status).toBe(201);
  });

  it('keeps no failed answer, so the retry of a failed request runs again', async () => {
    const path = '/api/consumers/late-comer/api-keys';
    const stored = await count('idempotency_keys');
    expectProblem(await post(path, '{}', { 'idempotency-key': 'late' }), 404, 'NOT_FOUND');
    // A body the DTO refuses fails after the key was claimed: it is released too.
    expectProblem(await post('/api/consumers', JSON.stringify({ key: 'Not Kebab', name: 'x' }), { 'idempotency-key': 'bad-dto' }), 400, 'MALFORMED_REQUEST');
    expect(await count('idempotency_keys')).toBe(stored);

    expect((await post('/api/consumers', JSON.stringify({ key: 'late-comer', name: 'Late' }))).status).toBe(201);
    const retry = await post(path, '{}', { 'idempotency-key': 'late' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers 409 while the first request with the key is in flight, and frees a key whose lease ran out', async () => {
    const body = { key: 'in-flight', name: 'In flight' };
    const scope = idempotencyScope('alice', 'POST', '/api/consumers', 'busy');
    // What the first request leaves while it runs: its digest and no answer yet.
    await ds.query(`INSERT INTO idempotency_keys (scope, request_digest, expires_at) VALUES ($1, $2, now() + interval '1 minute')`, [
      scope,
      requestFingerprint('', body),
    ]);
    expectProblem(await post('/api/consumers', JSON.stringify(body), { 'idempotency-key': 'busy' }), 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await count(`consumers WHERE key = 'in-flight'`)).toBe(0);

    // A process that died mid-request leaves its row until the lease ends; then the key is free again.
    await ds.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE scope = $1`, [scope]);
    const res = await post('/api/consumers', JSON.stringify(body), { 'idempotency-key': 'busy' });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });
});
