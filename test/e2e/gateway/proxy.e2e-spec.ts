/**
 * Routing and proxying: /{domain}/{api}/v{major}{path} to the domain's upstream,
 * 404/405 as problem+json, headers in both directions, correlation ids, mocks,
 * lifecycle headers, metrics, access log and usage counters.
 */
import { accessLines, domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const shipment = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, status: { type: 'string', enum: ['planned', 'delivered'] } } };

const v1 = openapi(
  {
    '/shipments': {
      get: { operationId: 'listShipments', responses: { '200': { description: 'ok' } } },
      post: {
        operationId: 'createShipment',
        requestBody: { content: { 'application/octet-stream': {} } },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/shipments/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { operationId: 'getShipment', responses: { '200': { description: 'ok', content: { 'application/json': { schema: shipment } } } } },
      delete: { operationId: 'cancelShipment', responses: { '204': { description: 'gone' } } },
    },
    '/stream': { get: { operationId: 'stream', responses: { '200': { description: 'ok' } } } },
  },
  { info: { title: 'Shipments', version: '1.3.0' } },
);
const v2 = { ...v1, info: { title: 'Shipments', version: '2.0.1' } };
const tracking = openapi(
  {
    '/positions/{id}': {
      get: {
        operationId: 'getPosition',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { lat: { type: 'number' }, at: { type: 'string', format: 'date-time' } } } } } },
        },
      },
    },
  },
  { info: { title: 'Tracking', version: '1.0.0' } },
);

describe('gateway routing and proxying', () => {
  const upstream = new UpstreamStub();
  let h: Harness;

  beforeAll(async () => {
    await upstream.start();
    h = await startGateway({
      apis: [
        published(v1, { lifecycle: 'deprecated', deprecatedAt: new Date('2026-01-01T00:00:00Z'), sunsetAt: new Date('2026-12-31T00:00:00Z') }),
        published(v2, { digest: 'v2-digest' }),
        published({ ...v1, info: { title: 'old', version: '1.1.0' } }),
        published(tracking, { domain: 'fleet', api: 'tracking' }),
      ],
      domains: [domain(`${upstream.url}/base/`), { key: 'fleet' }],
    });
  });
  afterAll(async () => {
    await h.close();
    await upstream.stop();
  });

  it('serves the highest version of each major side by side', async () => {
    expect(h.applied).toMatchObject({ ok: true, applied: true, errors: [] });
    expect(h.gateway.routes()).toEqual({ 'dispatch/shipments/v1': '1.3.0', 'dispatch/shipments/v2': '2.0.1', 'fleet/tracking/v1': '1.0.0' });
    const a = await send(h.port, '/dispatch/shipments/v1/shipments?limit=5&x=a%20b');
    const b = await send(h.port, '/dispatch/shipments/v2/shipments/SH-1');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.url).toBe('/base/shipments?limit=5&x=a%20b');
    expect(b.json.url).toBe('/base/shipments/SH-1');
    expect(a.json.headers['x-charter-api']).toBe('dispatch/shipments@1.3.0');
    expect(b.json.headers['x-charter-operation']).toBe('getShipment');
  });

  it('answers 404 and 405 as problem+json', async () => {
    const unknownApi = await send(h.port, '/dispatch/nope/v1/shipments');
    const unknownPath = await send(h.port, '/dispatch/shipments/v1/parcels');
    const wrongMethod = await send(h.port, '/dispatch/shipments/v1/shipments/SH-1', { method: 'PATCH' });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers['content-type']).toBe('application/problem+json');
    expect(unknownApi.json).toMatchObject({ type: 'https://charter.dev/problems/not-found', status: 404, code: 'NOT_FOUND', instance: '/dispatch/nope/v1/shipments' });
    expect(unknownPath.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('DELETE, GET');
    expect(wrongMethod.json.type).toBe('https://charter.dev/problems/method-not-allowed');
  });

  it('answers HEAD through the GET operation', async () => {
    const head = await send(h.port, '/dispatch/shipments/v2/shipments', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(upstream.last().method).toBe('HEAD');
  });

  it('strips hop-by-hop and spoofed identity headers and sets X-Forwarded-*', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v2/shipments', {
      headers: {
        connection: 'keep-alive, x-drop-me',
        'x-drop-me': '1',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic abc',
        'x-charter-consumer-id': 'admin',
        'x-charter-scopes': 'everything',
        'x-forwarded-for': '6.6.6.6',
        'x-kept': 'yes',
      },
    });
    const got = answer.json.headers;
    expect(got['x-drop-me']).toBeUndefined();
    expect(got['keep-alive']).toBeUndefined();
    expect(got['proxy-authorization']).toBeUndefined();
    expect(got['x-charter-consumer-id']).toBeUndefined();
    expect(got['x-charter-scopes']).toBeUndefined();
    expect(got['x-charter-auth-method']).toBe('anonymous');
    expect(got['x-forwarded-for']).toBe('127.0.0.1');
    expect(got['x-forwarded-proto']).toBe('http');
    expect(got['x-forwarded-host']).toBe(`127.0.0.1:${h.port}`);
    expect(got.host).toBe(`127.0.0.1:${upstream.port}`);
    expect(got['x-kept']).toBe('yes');
  });

  it('creates a correlation id when absent, keeps a sane one, replaces a hostile one', async () => {
    const created = await send(h.port, '/dispatch/shipments/v2/shipments');
    expect(created.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.json.headers['x-correlation-id']).toBe(created.headers['x-correlation-id']);
    const kept = await send(h.port, '/dispatch/shipments/v2/shipments', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(kept.headers['x-correlation-id']).toBe('abc-123');
    expect(kept.json.headers['x-correlation-id']).toBe('abc-123');
    const hostile = await send(h.port, '/dispatch/shipments/v2/shipments', { headers: { 'x-correlation-id': 'x'.repeat(300) } });
    expect(hostile.headers['x-correlation-id']).not.toBe('x'.repeat(300));
    expect(accessLines(h.logs).some((l) => l.correlationId === 'abc-123' && l.route === 'dispatch/shipments/v2 /shipments' && l.status === 200)).toBe(true);
  });

  it('streams request and response bodies', async () => {
    const big = Buffer.alloc(512 * 1024, 'a');
    const up = await send(h.port, '/dispatch/shipments/v2/shipments', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: big });
    expect(up.status).toBe(200);
    expect(upstream.last().body.length).toBe(big.length);
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let n = 0;
      const timer = setInterval(() => {
        res.write(`chunk ${n}\n`);
        if (++n === 5) {
          clearInterval(timer);
          res.end();
        }
      }, 5);
    };
    const streamed = await send(h.port, '/dispatch/shipments/v2/stream');
    expect(streamed.text).toBe('chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n');
    expect(streamed.headers['transfer-encoding']).toBe('chunked');
  });

  it('marks deprecated versions with Deprecation and Sunset', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments');
    expect(answer.headers.deprecation).toBe(`@${Date.parse('2026-01-01T00:00:00Z') / 1000}`);
    expect(answer.headers.sunset).toBe('Thu, 31 Dec 2026 00:00:00 GMT');
    const rejected = await send(h.port, '/dispatch/shipments/v1/nowhere');
    expect(rejected.headers.deprecation).toBeDefined();
    const current = await send(h.port, '/dispatch/shipments/v2/shipments');
    expect(current.headers.deprecation).toBeUndefined();
  });

  it('answers mocks from schemas when the domain has no upstream', async () => {
    const answer = await send(h.port, '/fleet/tracking/v1/positions/7');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-charter-mock']).toBe('true');
    expect(answer.json).toEqual({ lat: 0, at: '2024-01-01T00:00:00Z' });
  });

  it('lets CHARTER_UPSTREAM_<DOMAIN> override domain.yaml', async () => {
    const other = await new UpstreamStub().start();
    try {
      const result = await h.apply({
        apis: [published(tracking, { domain: 'fleet', api: 'tracking' })],
        domains: [{ key: 'fleet', upstream: 'http://127.0.0.1:1' }],
        env: { CHARTER_UPSTREAM_FLEET: other.url },
      });
      expect(result.ok).toBe(true);
      const answer = await send(h.port, '/fleet/tracking/v1/positions/7');
      expect(answer.headers['x-charter-mock']).toBeUndefined();
      expect(other.last().url).toBe('/positions/7');
    } finally {
      await other.stop();
    }
  });

  it('counts requests in metrics and flushes usage in batches', async () => {
    await h.apply({ apis: [published(v2)], domains: [domain(upstream.url)] });
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"SH-1"}');
    };
    const count = async (): Promise<number> => {
      const metric = await h.registry.getSingleMetric('charter_gateway_requests_total')!.get();
      const sample = metric.values.find((v) => v.labels.route === 'dispatch/shipments/v2 /shipments/{id}' && String(v.labels.status) === '200' && v.labels.consumer === 'anonymous');
      return sample?.value ?? 0;
    };
    const before = await count();
    await send(h.port, '/dispatch/shipments/v2/shipments/SH-1');
    await send(h.port, '/dispatch/shipments/v2/shipments/SH-2');
    await h.gateway.close(500);
    expect((await count()) - before).toBe(2);
    expect(await h.registry.metrics()).toContain('charter_gateway_request_duration_seconds_bucket');
    const records = h.usage.flat().filter((r) => r.operationId === 'getShipment' && r.version === '2.0.1');
    expect(h.usage).toHaveLength(1); // one batch at close, not one write per request
    expect(records).toEqual([expect.objectContaining({ domain: 'dispatch', api: 'shipments', major: 2, method: 'GET', path: '/shipments/{id}', consumerId: null, requests: 3, clientErrors: 0, serverErrors: 0 })]);
  });
});
