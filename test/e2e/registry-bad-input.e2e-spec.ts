import * as net from 'node:net';
import { ENGINES } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asYaml, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

/** Every bad input gets problem+json, and the registry stays exactly as it was. */
describe.each(ENGINES)('registry bad input on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let before: Record<string, number>;
  const publish = (body: string | Buffer, type = 'application/yaml') =>
    send('POST', `${t.url}/api/domains/erp/apis/invoices/versions`, { headers: { ...admin, 'content-type': type }, body });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = bearer(t.token({ role: 'admin' }));
    await send('PUT', `${t.url}/api/domains/erp`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ERP', owners: [{ team: 'erp' }] }),
    });
    expect((await publish(asYaml(openapiDoc('1.0.0')))).status).toBe(201);
  });
  beforeEach(async () => {
    before = await registryState(t);
  });
  afterEach(async () => {
    expect(await registryState(t)).toEqual(before);
  });
  afterAll(async () => t.close());

  const expectProblem = (res: { status: number; headers: Record<string, unknown>; json: () => Record<string, unknown> }, status: number, code: string) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\/charter\.dev\/problems\//) });
    expect(res.status).toBe(status);
  };

  it('invalid JSON: 422 with the line of the error', async () => {
    const res = await publish('{\n  "openapi": "3.1.0",\n  "info": { "title": "x", \n}', 'application/json');
    expectProblem(res, 422, 'INVALID_CONTRACT');
    const [error] = res.json<{ errors: Array<{ code: string; line: number }> }>().errors;
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('invalid YAML: 422 with the line of the error', async () => {
    const res = await publish('openapi: 3.1.0\ninfo:\n  title: x\n   version: [1\n');
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ code: string; line: number }> }>().errors[0]).toMatchObject({ code: 'PARSE_ERROR', line: expect.any(Number) });
  });

  it('an unsupported spec version: 422 naming it', async () => {
    const res = await publish(asYaml({ swagger: '2.0', info: { title: 'old', version: '1.0.0' }, paths: {} }));
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ code: string; message: string }> }>().errors[0]).toMatchObject({ code: 'UNSUPPORTED_SPEC_VERSION' });
  });

  it('a schema violation: 422 with pointer and line', async () => {
    const doc = openapiDoc('1.2.0');
    (doc.paths as Record<string, Record<string, Record<string, unknown>>>)['/shipments/{shipmentId}'].get.responses = 'none';
    const res = await publish(asYaml(doc));
    expectProblem(res, 422, 'INVALID_CONTRACT');
    const errors = res.json<{ errors: Array<{ pointer: string; line: number }> }>().errors;
    expect(errors.some((e) => e.pointer.startsWith('/paths/~1shipments~1{shipmentId}/get') && e.line > 0)).toBe(true);
  });

  it('a YAML alias bomb: refused fast', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const res = await publish(`openapi: 3.1.0\ninfo: {title: bomb, version: 1.0.0}\npaths: {}\nx-bomb:\n  ${lines.join('\n  ')}\n`);
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ code: string }> }>().errors[0].code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(10_000); // a sanity bound, not a speed claim
  });

  it('a remote $ref: refused, and no connection is attempted', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const doc = openapiDoc('1.3.0');
      (doc.components as { schemas: Record<string, unknown> }).schemas.Remote = { $ref: `http://127.0.0.1:${port}/schemas.yaml#/Thing` };
      const res = await publish(asYaml(doc));
      expectProblem(res, 422, 'INVALID_CONTRACT');
      expect(res.json<{ errors: Array<{ code: string; pointer: string }> }>().errors[0]).toMatchObject({
        code: 'REMOTE_REF_REFUSED',
        pointer: '/components/schemas/Remote/$ref',
      });
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('a $ref escaping the tree: refused', async () => {
    const doc = openapiDoc('1.4.0');
    (doc.components as { schemas: Record<string, unknown> }).schemas.Secret = { $ref: '../../../../etc/passwd#/x' };
    const res = await publish(asYaml(doc));
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(['REF_OUTSIDE_TREE', 'REF_NOT_FOUND']).toContain(res.json<{ errors: Array<{ code: string }> }>().errors[0].code);
  });

  it('a body that is not UTF-8 text: 422', async () => {
    const res = await publish(Buffer.concat([Buffer.from('openapi: 3.1.0\ninfo: {title: '), Buffer.from([0xc3, 0x28]), Buffer.from(', version: 1.0.0}\n')]));
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ message: string }> }>().errors[0].message).toMatch(/UTF-8/);
  });

  it('gateway policies that cannot be compiled: 422 naming the extension', async () => {
    const doc = { ...openapiDoc('1.6.0'), 'x-charter-rate-limit': { limit: -3, window: 'soon', by: 'moon' } };
    const res = await publish(asYaml(doc));
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ pointer: string }> }>().errors.some((e) => e.pointer.startsWith('/x-charter-rate-limit'))).toBe(true);
  });

  it('a 50 MiB body: 413 before it is stored', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 'a');
    const res = await publish(body);
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a document over the document limit but under the body limit: 422 DOCUMENT_TOO_LARGE', async () => {
    const filler = 'x'.repeat(t.config.contracts.maxDocumentBytes + 10);
    const res = await publish(`openapi: 3.1.0\n# ${filler}\n`);
    expectProblem(res, 422, 'INVALID_CONTRACT');
    expect(res.json<{ errors: Array<{ code: string }> }>().errors[0].code).toBe('DOCUMENT_TOO_LARGE');
  });

  it('an unsupported content type: 415', async () => {
    const res = await publish(asYaml(openapiDoc('1.5.0')), 'text/plain');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('malformed JSON on a JSON route: 400', async () => {
    const res = await send('PUT', `${t.url}/api/domains/crm`, { headers: { ...admin, 'content-type': 'application/json' }, body: '{"name": ' });
    expectProblem(res, 400, 'MALFORMED_REQUEST');
  });

  it('an invalid domain body: 400 listing the fields', async () => {
    const res = await send('PUT', `${t.url}/api/domains/crm`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', owners: [] }),
    });
    expectProblem(res, 400, 'MALFORMED_REQUEST');
    expect(String(res.json().detail)).toMatch(/owners/);
  });

  it('an unknown route: 404 problem carrying the request correlation id', async () => {
    const res = await send('GET', `${t.url}/api/nothing-here`, { headers: { ...admin, 'x-correlation-id': 'case-4711.delivery' } });
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.headers['x-correlation-id']).toBe('case-4711.delivery');
    expect(res.json().correlationId).toBe('case-4711.delivery');
  });

  it('a forged correlation id (control characters): replaced, never echoed', async () => {
    const res = await send('GET', `${t.url}/api/nothing-here`, { headers: { ...admin, 'x-correlation-id': 'a b\tc' } });
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().correlationId).toBe(res.headers['x-correlation-id']);
  });
});
