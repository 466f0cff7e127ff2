/**
 * Request and response validation against the contract: every error listed with
 * its location, 415 for undeclared content types, OpenAPI 3.0 and 3.1 dialects,
 * monitor versus enforce modes in both directions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accessLines, domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const fixture = (name: string): Record<string, unknown> =>
  parse(readFileSync(join(__dirname, '../../fixtures/policy', name), 'utf8')) as Record<string, unknown>;

const json = { 'content-type': 'application/json' };

describe('gateway validation', () => {
  const upstream = new UpstreamStub();
  let h: Harness;
  const shipments = fixture('shipments.openapi.yaml');
  // Auth and rate limits have their own specs: here every operation is open and unlimited.
  delete shipments.security;
  delete shipments['x-charter-rate-limit'];
  const shipmentsPaths = shipments.paths as Record<string, Record<string, Record<string, unknown>>>;
  shipmentsPaths['/shipments'].post.security = [];
  delete shipmentsPaths['/shipments'].post['x-charter-rate-limit'];
  const catalog = fixture('catalog.openapi31.yaml');
  const monitored = openapi(
    {
      '/notes': {
        post: {
          operationId: 'addNote',
          'x-charter-validation': { request: 'monitor' },
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } } } },
        },
      },
    },
    { info: { title: 'Notes', version: '1.0.0' } },
  );

  // A pattern with nested quantifiers: exponential backtracking on a crafted value.
  const codes = openapi(
    {
      '/codes/{code}': {
        get: {
          operationId: 'getCode',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^(a+)+$' } }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/codes/{ids}/stock': {
        get: {
          operationId: 'getStock',
          parameters: [{ name: 'ids', in: 'path', required: true, style: 'matrix', explode: true, schema: { type: 'array', items: { type: 'integer' }, maxItems: 3 } }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/codes': {
        post: {
          operationId: 'addCode',
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['code', 'qty'],
                  additionalProperties: false,
                  properties: { code: { type: 'string', maxLength: 8 }, qty: { type: 'integer', minimum: 1 }, express: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
          responses: { '201': { description: 'added' } },
        },
      },
    },
    { info: { title: 'Codes', version: '1.0.0' } },
  );

  beforeAll(async () => {
    await upstream.start();
    h = await startGateway({
      apis: [published(shipments), published(catalog, { api: 'catalog' }), published(monitored, { api: 'notes' }), published(codes, { api: 'codes' })],
      domains: [domain(upstream.url)],
    });
  });
  afterAll(async () => {
    await h.close();
    await upstream.stop();
  });
  beforeEach(() => {
    upstream.handler = (req, res, body) => {
      const payload = req.method === 'POST' ? body.toString() : '[]';
      res.writeHead(req.method === 'POST' ? 201 : 200, json);
      res.end(payload);
    };
  });

  it('compiled the contracts without errors', () => {
    expect(h.applied.errors).toEqual([]);
    expect(h.applied.routes).toEqual({ 'dispatch/shipments/v1': '1.4.0', 'dispatch/catalog/v2': '2.0.0', 'dispatch/notes/v1': '1.0.0', 'dispatch/codes/v1': '1.0.0' });
  });

  it('passes a valid request, coercing query strings to the schema types', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments?limit=10&status=planned&status=delivered');
    expect(answer.status).toBe(200);
    expect(upstream.last().url).toBe('/shipments?limit=10&status=planned&status=delivered');
  });

  it('lists every parameter error with its location', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments?limit=0&status=lost', { headers: { 'x-correlation-id': 'c-1' } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ type: 'https://charter.dev/problems/validation-failed', code: 'VALIDATION_FAILED', correlationId: 'c-1' });
    expect(answer.json.errors).toEqual([
      { in: 'query', name: 'limit', pointer: '', message: 'must be >= 1', keyword: 'minimum' },
      { in: 'query', name: 'status', pointer: '/0', message: 'must be equal to one of the allowed values', keyword: 'enum' },
    ]);
    const badPath = await send(h.port, '/dispatch/shipments/v1/shipments/XX-1');
    expect(badPath.json.errors).toEqual([{ in: 'path', name: 'shipmentId', pointer: '', message: 'must match pattern "^SH-[0-9]+$"', keyword: 'pattern' }]);
  });

  it('checks a backtracking contract pattern in linear time (no ReDoS)', async () => {
    // 2^40 steps on the backtracking engine: without the guard this request never
    // comes back (the gateway shares this process); the linear engine answers at once.
    const answer = await send(h.port, `/dispatch/codes/v1/codes/${'a'.repeat(40)}b`);
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([expect.objectContaining({ in: 'path', name: 'code', keyword: 'pattern' })]);
    expect((await send(h.port, '/dispatch/codes/v1/codes/aaaa')).status).toBe(200);
  });

  it('reads matrix-style path parameters', async () => {
    expect((await send(h.port, '/dispatch/codes/v1/codes/;ids=1;ids=2/stock')).status).toBe(200);
    const bad = await send(h.port, '/dispatch/codes/v1/codes/;ids=1;ids=x/stock');
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ in: 'path', name: 'ids', pointer: '/1', keyword: 'type' })]);
  });

  it('validates form bodies with their fields typed per the schema, and forwards the same bytes', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    upstream.handler = (_req, res) => {
      res.writeHead(201);
      res.end();
    };
    const good = 'code=AMS-1&qty=3&express=true&tags=cold&tags=fragile';
    expect((await send(h.port, '/dispatch/codes/v1/codes', { method: 'POST', headers: form, body: good })).status).toBe(201);
    expect(upstream.last().body).toBe(good);

    const bad = await send(h.port, '/dispatch/codes/v1/codes', { method: 'POST', headers: form, body: 'code=TOO-LONG-CODE&qty=zero&express=maybe&extra=1' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/code', keyword: 'maxLength' }),
        expect.objectContaining({ in: 'body', pointer: '/qty', keyword: 'type' }),
        expect.objectContaining({ in: 'body', pointer: '/express', keyword: 'type' }),
        expect.objectContaining({ in: 'body', keyword: 'additionalProperties' }),
      ]),
    );
    const repeated = await send(h.port, '/dispatch/codes/v1/codes', { method: 'POST', headers: form, body: 'code=A&qty=1&qty=2' });
    expect(repeated.status).toBe(400);
    expect(repeated.json.errors).toEqual([{ in: 'body', pointer: '/qty', message: 'must not be repeated', keyword: 'repeated' }]);
  });

  it('refuses a repeated query parameter that is not an array', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments?limit=1&limit=2');
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([{ in: 'query', name: 'limit', pointer: '', message: 'must not be repeated', keyword: 'repeated' }]);
  });

  it('lists every body error with its JSON pointer (OpenAPI 3.0: nullable, boolean exclusiveMinimum)', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(201, json);
      res.end(JSON.stringify({ id: 'SH-9', status: 'planned' }));
    };
    const valid = { origin: { code: 'AMS' }, destination: { code: 'RTM', at: '2024-05-01T10:00:00Z' }, weightKg: 1.5, reference: null };
    const ok = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json, body: JSON.stringify(valid) });
    expect(ok.status).toBe(201);
    expect(JSON.parse(upstream.last().body)).toEqual(valid);
    const bad = { origin: { code: 'A' }, destination: { at: 'yesterday' }, weightKg: 0, extra: true };
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json, body: JSON.stringify(bad) });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/extra', message: 'is not allowed' }),
        expect.objectContaining({ in: 'body', pointer: '/origin/code', keyword: 'minLength' }),
        expect.objectContaining({ in: 'body', pointer: '/destination/code', message: 'is required' }),
        expect.objectContaining({ in: 'body', pointer: '/destination/at', keyword: 'format' }),
        expect.objectContaining({ in: 'body', pointer: '/weightKg', message: 'must be > 0' }),
      ]),
    );
    expect(answer.json.errors).toHaveLength(5);
  });

  it('answers 415 for an undeclared content type and 400 for a missing required body', async () => {
    const wrongType = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.type).toBe('https://charter.dev/problems/unsupported-media-type');
    expect(wrongType.json.errors[0]).toMatchObject({ in: 'header', name: 'content-type' });
    const missing = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ in: 'body', pointer: '', message: 'is required', keyword: 'required' }]);
  });

  it('validates OpenAPI 3.1 documents (type arrays, numeric exclusiveMinimum, explode=false)', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, json);
      res.end(JSON.stringify({ id: 1, name: 'box', note: null, price: 2 }));
    };
    const ok = await send(h.port, '/dispatch/catalog/v2/items/3?tags=a,b');
    expect(ok.status).toBe(200);
    const bad = await send(h.port, '/dispatch/catalog/v2/items/0?tags=a');
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ in: 'path', name: 'id', pointer: '', message: 'must be >= 1', keyword: 'minimum' }]);
  });

  it('enforced response validation answers 502 on a contract violation', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(201, json);
      res.end(JSON.stringify({ id: 7 }));
    };
    const body = JSON.stringify({ origin: { code: 'AMS' }, destination: { code: 'RTM' } });
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json, body });
    expect(answer.status).toBe(502);
    expect(answer.json.type).toBe('https://charter.dev/problems/response-validation-failed');
    expect(answer.json.errors).toEqual(
      expect.arrayContaining([
        { in: 'response', pointer: '/id', message: 'must be string', keyword: 'type' },
        { in: 'response', pointer: '/status', message: 'is required', keyword: 'required' },
      ]),
    );
    upstream.handler = (_req, res) => {
      res.writeHead(500, json);
      res.end('{}');
    };
    const undeclared = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json, body });
    expect(undeclared.status).toBe(502);
    expect(undeclared.json.errors).toEqual([{ in: 'response', pointer: '', message: 'status 500 is not declared', keyword: 'status' }]);
  });

  it('monitor mode passes violations through, logging and counting them', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, json);
      res.end(JSON.stringify({ id: 'not-a-number' }));
    };
    const answer = await send(h.port, '/dispatch/notes/v1/notes', { method: 'POST', headers: { ...json, 'x-correlation-id': 'mon-1' }, body: '{"txt":1}' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ id: 'not-a-number' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const warnings = h.logs.filter((l) => l.correlationId === 'mon-1' && l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual(['request violates the contract (monitor mode)', 'upstream response violates the contract']);
    const metric = await h.registry.getSingleMetric('charter_gateway_validation_total')!.get();
    const failed = metric.values.filter((v) => v.labels.route === 'dispatch/notes/v1 /notes').map((v) => `${v.labels.direction}:${v.labels.result}=${v.value}`);
    expect(failed.sort()).toEqual(['request:failed=1', 'response:failed=1']);
    expect(accessLines(h.logs).find((l) => l.correlationId === 'mon-1')).toMatchObject({ status: 200, upstreamStatus: 200 });
  });

  it('refuses malformed JSON with 400 and the parser message', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: json, body: '{"origin": ' });
    expect(answer.status).toBe(400);
    expect(answer.json.type).toBe('https://charter.dev/problems/malformed-request');
    expect(answer.json.errors[0]).toMatchObject({ in: 'body', keyword: 'json' });
  });
});
