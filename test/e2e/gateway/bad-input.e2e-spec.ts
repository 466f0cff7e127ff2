/**
 * Hostile and broken requests: each gets the right status as problem+json, and
 * the gateway keeps serving afterwards (every case ends with a good request).
 */
import { domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { rawJson, rawRequest, send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const contract = openapi({
  '/files/{name}': {
    get: { operationId: 'getFile', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
  },
  '/orders': {
    get: { operationId: 'listOrders', parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } },
    post: {
      operationId: 'addOrder',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { qty: { type: 'integer' } } } } } },
      responses: { '200': { description: 'ok' } },
    },
  },
  '/uploads': { post: { operationId: 'upload', requestBody: { content: { 'application/octet-stream': {} } }, responses: { '200': { description: 'ok' } } } },
});

describe('gateway bad input', () => {
  const upstream = new UpstreamStub();
  let h: Harness;

  beforeAll(async () => {
    await upstream.start();
    h = await startGateway({ apis: [published(contract)], domains: [domain(upstream.url)] }, { limits: { maxBodyBytes: 64 * 1024, maxHeaderBytes: 8 * 1024 } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.stop();
  });
  afterEach(async () => {
    // Whatever the case did, the gateway still serves.
    expect((await send(h.port, '/dispatch/shipments/v1/orders?page=1')).status).toBe(200);
  });

  it('answers 431 for oversized headers', async () => {
    const raw = await rawRequest(h.port, `GET /dispatch/shipments/v1/orders HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(10_000)}\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1.1 431 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(rawJson(raw)).toMatchObject({ type: 'https://charter.dev/problems/request-header-fields-too-large', status: 431 });
  });

  it('answers 431 for a token too large for the header limit', async () => {
    const raw = await rawRequest(h.port, `GET /dispatch/shipments/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'e'.repeat(9000)}\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1.1 431 /);
  });

  it.each([
    ['CR/LF inside a header value', 'X-Evil: a\rb\r\n'],
    ['a bare LF smuggling a header', 'X-Evil: a\nInjected: yes\r\n'],
    ['a header name with a space', 'Bad Name: x\r\n'],
    ['a NUL in a header value', 'X-Evil: a\u0000b\r\n'],
  ])('answers 400 for %s', async (_name, header) => {
    const raw = await rawRequest(h.port, `GET /dispatch/shipments/v1/orders HTTP/1.1\r\nHost: x\r\n${header}\r\n`);
    expect(raw).toMatch(/^HTTP\/1.1 400 /);
    expect(rawJson(raw)).toMatchObject({ type: 'https://charter.dev/problems/malformed-request', status: 400 });
    expect(upstream.received.some((r) => r.headers.injected !== undefined || r.headers['x-evil'] !== undefined)).toBe(false);
  });

  it('answers 413 for a declared body over the limit, and for a chunked one that grows past it', async () => {
    const declared = await send(h.port, '/dispatch/shipments/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"qty":1,"pad":"${'x'.repeat(70_000)}"}` });
    expect(declared.status).toBe(413);
    expect(declared.json.type).toBe('https://charter.dev/problems/payload-too-large');
    const chunk = 'y'.repeat(16 * 1024);
    const chunked = ['POST /dispatch/shipments/v1/uploads HTTP/1.1', 'Host: x', 'Content-Type: application/octet-stream', 'Transfer-Encoding: chunked', '', ''].join('\r\n');
    const body = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
    const raw = await rawRequest(h.port, chunked + body);
    expect(raw).toMatch(/^HTTP\/1.1 413 /);
  });

  it('answers 400 for malformed JSON and 415 for a wrong content type', async () => {
    const malformed = await send(h.port, '/dispatch/shipments/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"qty": 1,,}' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe('MALFORMED_REQUEST');
    const deep = await send(h.port, '/dispatch/shipments/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '['.repeat(20_000) + ']'.repeat(20_000) });
    expect(deep.status).toBe(400);
    const wrongType = await send(h.port, '/dispatch/shipments/v1/orders', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<qty>1</qty>' });
    expect(wrongType.status).toBe(415);
    const noType = await send(h.port, '/dispatch/shipments/v1/orders', { method: 'POST', body: '{"qty":1}' });
    expect(noType.status).toBe(415);
  });

  it.each([
    ['/dispatch/shipments/v1/files/../../../etc/passwd', 'dot segment in path'],
    ['/dispatch/shipments/v1/../v2/files/a', 'dot segment in path'],
    ['/dispatch/shipments/v1/files/%2e%2e/secret', 'dot segment in path'],
    ['/dispatch/shipments/v1/files/%2E%2E%2Fsecret', 'encoded slash, backslash or NUL in path'],
    ['/dispatch/shipments/v1/files/a%2fb', 'encoded slash, backslash or NUL in path'],
    ['/dispatch/shipments/v1/files/a%5cb', 'encoded slash, backslash or NUL in path'],
    ['/dispatch/shipments/v1/files/%252e%252e', 'double-encoded path'],
    ['/dispatch/shipments/v1/files/a%00', 'encoded slash, backslash or NUL in path'],
    ['/dispatch/shipments/v1/files/%zz', 'malformed percent-encoding in path'],
    ['/dispatch/shipments/v1//files/a', 'empty path segment'],
    ['/dispatch/shipments/v1/files/a\\..\\b', 'backslash in path'],
  ])('refuses path traversal %s with 400', async (path, reason) => {
    const before = upstream.received.length;
    const answer = await send(h.port, path);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'MALFORMED_REQUEST', detail: reason });
    expect(upstream.received.length).toBe(before);
  });

  it('forwards a once-encoded name as sent, decoding it only for validation', async () => {
    await send(h.port, '/dispatch/shipments/v1/files/report%20%281%29.pdf');
    expect(upstream.last().url).toBe('/files/report%20%281%29.pdf');
  });

  it('refuses repeated scalar query parameters and malformed query encoding', async () => {
    const repeated = await send(h.port, '/dispatch/shipments/v1/orders?page=1&page=2');
    expect(repeated.status).toBe(400);
    expect(repeated.json.errors).toEqual([{ in: 'query', name: 'page', pointer: '', message: 'must not be repeated', keyword: 'repeated' }]);
    const malformed = await send(h.port, '/dispatch/shipments/v1/orders?page=%E0%A4%A');
    expect(malformed.status).toBe(400);
    const flood = await send(h.port, `/dispatch/shipments/v1/orders?${Array.from({ length: 300 }, (_, i) => `p${i}=1`).join('&')}`);
    expect(flood.status).toBe(400);
    expect(flood.json.detail).toBe('more than 256 query parameters');
  });

  it('refuses an absolute-form request target', async () => {
    const raw = await rawRequest(h.port, 'GET http://evil.test/dispatch/shipments/v1/orders HTTP/1.1\r\nHost: evil.test\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1.1 400 /);
  });
});
