import { ENGINES } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asJson, asYaml, asyncapiDoc, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

const DOMAIN = {
  name: 'Dispatch & TMS',
  owners: [{ team: 'dispatch-platform', email: 'dispatch@meridian.example' }],
  compatibility: 'BACKWARD',
};

describe.each(ENGINES)('registry publishing on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const versions = (api = 'shipments') => `${t.url}/api/domains/dispatch/apis/${api}/versions`;
  const publish = (body: string, type = 'application/yaml', api = 'shipments', headers = admin) =>
    send('POST', versions(api), { headers: { ...headers, 'content-type': type }, body });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = bearer(t.token({ role: 'admin', sub: 'alice' }));
    const res = await send('PUT', `${t.url}/api/domains/dispatch`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify(DOMAIN),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => t.close());

  it('publishes a new version (201), accepts the same document again (200), refuses other content (409)', async () => {
    const yaml = asYaml(openapiDoc('1.0.0'));
    const first = await publish(yaml);
    expect(first.status).toBe(201);
    expect(first.json()).toMatchObject({ domain: 'dispatch', api: 'shipments', version: '1.0.0', kind: 'openapi', lifecycle: 'published', publishedBy: 'alice' });

    // The same content as JSON is the same normalized document: same digest, 200.
    const again = await publish(asJson(openapiDoc('1.0.0')), 'application/json');
    expect(again.status).toBe(200);
    expect(again.json().digest).toBe(first.json().digest);

    const before = await registryState(t);
    const other = await publish(asYaml(openapiDoc('1.0.0', { title: 'Changed' })));
    expect(other.status).toBe(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.json()).toMatchObject({ code: 'VERSION_CONFLICT', status: 409, type: 'https://charter.dev/problems/version-conflict' });
    expect(await registryState(t)).toEqual(before);
  });

  it('keeps the raw document byte for byte and serves it as YAML or JSON', async () => {
    const yaml = '# hand-written, comments kept\n' + asYaml(openapiDoc('1.1.0'));
    expect((await publish(yaml)).status).toBe(201);
    const raw = await send('GET', `${versions()}/1.1.0/document`, { headers: admin });
    expect(raw.status).toBe(200);
    expect(raw.text).toBe(yaml);
    expect(raw.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const json = await send('GET', `${versions()}/1.1.0/document`, { headers: { ...admin, accept: 'application/json' } });
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.json()).toMatchObject({ openapi: '3.1.0', info: { version: '1.1.0' } });
    const bad = await send('GET', `${versions()}/1.1.0/document`, { headers: { ...admin, accept: 'text/html' } });
    expect(bad.status).toBe(406);
  });

  it('lists, filters, paginates and fetches versions and APIs', async () => {
    expect((await publish(asYaml(openapiDoc('2.0.0', { extraPath: '/stops' })))).status).toBe(201);
    expect((await publish(asYaml(asyncapiDoc('1.0.0')), 'application/yaml', 'dispatch-events')).status).toBe(201);

    const list = await send('GET', `${versions()}?limit=2`, { headers: admin });
    expect(list.status).toBe(200);
    const page1 = list.json<{ items: Array<{ version: string }>; nextCursor: string; total: number }>();
    expect(page1.items.map((v) => v.version)).toEqual(['2.0.0', '1.1.0']);
    expect(page1.total).toBe(3);
    const next = await send('GET', `${versions()}?limit=2&cursor=${page1.nextCursor}`, { headers: admin });
    expect(next.json<{ items: Array<{ version: string }>; nextCursor: null }>()).toMatchObject({ items: [{ version: '1.0.0' }], nextCursor: null });

    const got = await send('GET', `${versions()}/latest`, { headers: admin });
    expect(got.json()).toMatchObject({ version: '2.0.0' });

    const apis = await send('GET', `${t.url}/api/domains/dispatch/apis`, { headers: admin });
    const items = apis.json<{ items: Array<{ api: string; kind: string; latest: { version: string } }> }>().items;
    expect(items.map((a) => [a.api, a.kind, a.latest.version])).toEqual([
      ['dispatch-events', 'asyncapi', '1.0.0'],
      ['shipments', 'openapi', '2.0.0'],
    ]);
    const search = await send('GET', `${t.url}/api/apis?q=events&kind=asyncapi`, { headers: admin });
    expect(search.json<{ items: Array<{ api: string }> }>().items.map((a) => a.api)).toEqual(['dispatch-events']);
    const domains = await send('GET', `${t.url}/api/domains`, { headers: admin });
    expect(domains.json<{ items: Array<{ key: string }> }>().items.map((d) => d.key)).toEqual(['dispatch']);
  });

  it('moves versions through their lifecycle and audits every write', async () => {
    const dep = await send('PATCH', `${versions()}/1.0.0`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycle: 'deprecated', sunsetAt: '2027-06-30T00:00:00Z' }),
    });
    expect(dep.status).toBe(200);
    expect(dep.json()).toMatchObject({ lifecycle: 'deprecated', sunsetAt: '2027-06-30T00:00:00.000Z' });
    const back = await send('PATCH', `${versions()}/1.0.0`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycle: 'draft' }),
    });
    expect(back.status).toBe(409);
    expect(back.json().code).toBe('INVALID_LIFECYCLE_TRANSITION');

    const audit = await send('GET', `${t.url}/api/audit?target=dispatch/shipments@1.0.0`, { headers: admin });
    const actions = audit.json<{ items: Array<{ action: string; actor: string }> }>().items.map((e) => e.action);
    expect(actions).toEqual(['version.deprecated', 'version.published']);
  });

  it('lets exactly one of two concurrent publishes of one version win, with nothing corrupt', async () => {
    const a = asYaml(openapiDoc('3.0.0', { title: 'A' }));
    const b = asYaml(openapiDoc('3.0.0', { title: 'B' }));
    const results = await Promise.all([publish(a), publish(b), publish(a), publish(b)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!.json().title;
    // Same content as the winner: 200; other content: 409.
    for (const [i, r] of results.entries()) {
      if (r.status === 201) {
        continue;
      }
      const mine = i % 2 === 0 ? 'A' : 'B';
      expect(r.status).toBe(mine === winner ? 200 : 409);
    }
    const stored = await send('GET', `${versions()}/3.0.0/document`, { headers: admin });
    expect(stored.text).toBe(winner === 'A' ? a : b);
  });

  it('refuses an API kind change and an unknown domain', async () => {
    const kind = await publish(asYaml(asyncapiDoc('9.0.0')));
    expect(kind.status).toBe(409);
    expect(kind.json().code).toBe('KIND_CONFLICT');
    const unknown = await send('POST', `${t.url}/api/domains/nowhere/apis/x/versions`, {
      headers: { ...admin, 'content-type': 'application/yaml' },
      body: asYaml(openapiDoc('1.0.0')),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json().code).toBe('DOMAIN_NOT_FOUND');
    const missing = await send('GET', `${versions()}/7.7.7`, { headers: admin });
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe('VERSION_NOT_FOUND');
  });
});
