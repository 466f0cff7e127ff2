import * as jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ENGINES } from '../support/test-database';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asYaml, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

describe.each(ENGINES)('registry auth on %s', (engine) => {
  let t: TestApp;
  const publishAs = (headers: Record<string, string>, domain = 'dispatch', version = '1.0.0') =>
    send('POST', `${t.url}/api/domains/${domain}/apis/shipments/versions`, {
      headers: { ...headers, 'content-type': 'application/yaml' },
      body: asYaml(openapiDoc(version)),
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    const admin = bearer(t.token({ role: 'admin' }));
    for (const key of ['dispatch', 'erp']) {
      await send('PUT', `${t.url}/api/domains/${key}`, {
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: key, owners: [{ team: key }] }),
      });
    }
  });
  afterAll(async () => t.close());

  const expectRefused = async (headers: Record<string, string>, status: number, detail?: RegExp) => {
    const before = await registryState(t);
    const res = await publishAs(headers);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (status === 401) {
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="charter"/);
    }
    if (detail) {
      expect(String(res.json().detail)).toMatch(detail);
    }
    expect(await registryState(t)).toEqual(before);
  };

  it('refuses a missing token with 401 and WWW-Authenticate', async () => {
    await expectRefused({}, 401, /bearer token is required/i);
  });

  it('refuses an expired token', async () => {
    await expectRefused(bearer(t.token({ role: 'admin' }, { expiresIn: -120 })), 401, /expired/);
  });

  it('refuses an alg:none token', async () => {
    const unsigned = jwt.sign({ role: 'admin', iss: 'charter', aud: 'charter-registry' }, '', { algorithm: 'none' });
    await expectRefused(bearer(unsigned), 401, /invalid/i);
  });

  it('refuses a token with a wrong signature', async () => {
    await expectRefused(bearer(t.token({ role: 'admin' }, {}, 'another-secret-that-is-also-long-enough-000')), 401, /invalid/i);
  });

  it('refuses a token of another issuer or audience', async () => {
    await expectRefused(bearer(t.token({ role: 'admin' }, { issuer: 'someone-else' })), 401);
    await expectRefused(bearer(jwt.sign({ role: 'admin' }, TEST_SECRET, { issuer: 'charter', audience: 'other' })), 401);
  });

  it('refuses a token without a Charter role', async () => {
    await expectRefused(bearer(t.token({ role: 'superuser' })), 401);
  });

  it('refuses a publisher token for another domain with 403', async () => {
    await expectRefused(bearer(t.token({ role: 'publisher', domains: ['erp'] })), 403, /dispatch/);
  });

  it('refuses a reader token on a write with 403', async () => {
    await expectRefused(bearer(t.token({ role: 'reader' })), 403, /publisher/);
  });

  it('lets a publisher write its own domains and anyone with a token read', async () => {
    const res = await publishAs(bearer(t.token({ role: 'publisher', domains: ['dispatch'], sub: 'bob' })));
    expect(res.status).toBe(201);
    expect(res.json().publishedBy).toBe('bob');
    const read = await send('GET', `${t.url}/api/domains/dispatch/apis/shipments/versions`, { headers: bearer(t.token({ role: 'reader' })) });
    expect(read.status).toBe(200);
  });

  it('refuses anonymous reads unless configured', async () => {
    const res = await send('GET', `${t.url}/api/domains`);
    expect(res.status).toBe(401);
  });

  it('keeps health and metrics public', async () => {
    const health = await send('GET', `${t.url}/health`);
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up', engine } } });
    const metrics = await send('GET', `${t.url}/metrics`);
    expect(metrics.text).toMatch(/charter_http_requests_total\{method="POST",route="\/api\/domains\/:domain\/apis\/:api\/versions",status="201"\}/);
  });

  it('serves the OpenAPI description of the registry API at /docs: the committed contracts/charter/ one', async () => {
    const res = await send('GET', `${t.url}/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/domains/{domain}/apis/{api}/versions']));
    const committed = readFileSync(path.join(__dirname, '../../contracts/charter/registry.openapi.yaml'), 'utf8');
    expect(doc).toEqual(parse(committed));
  });
});

describe('anonymous reads when enabled', () => {
  it('serves reads without a token but still refuses writes', async () => {
    const t = await startTestApp('pglite', { CHARTER_ANONYMOUS_READ: 'true' });
    try {
      expect((await send('GET', `${t.url}/api/domains`)).status).toBe(200);
      expect((await send('PUT', `${t.url}/api/domains/x`, { headers: { 'content-type': 'application/json' }, body: '{"name":"x","owners":[{"team":"x"}]}' })).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
