/**
 * How an upstream answer is relayed: past the validation cap in enforce mode,
 * an upstream that dies midway, a client that reads slowly or leaves early, and
 * an answer refused at its status line without losing the pooled connection.
 */
import { request } from 'node:http';
import { once } from 'node:events';
import { accessLines, domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const CAP = 64 * 1024;
const itemSchema = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, blob: { type: 'string' } } };

const contract = openapi({
  '/items/{id}': {
    get: {
      operationId: 'getItem',
      'x-charter-validation': { response: 'enforce' },
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'the item', content: { 'application/json': { schema: itemSchema } } } },
    },
  },
  '/files/{id}': {
    get: {
      operationId: 'getFile',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'raw bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
    },
  },
});

async function validationCount(h: Harness, result: string): Promise<number> {
  const metric = await h.registry.getSingleMetric('charter_gateway_validation_total')!.get();
  return metric.values.filter((v) => v.labels.result === result && v.labels.route === 'dispatch/shipments/v1 /items/{id}').reduce((n, v) => n + v.value, 0);
}

describe('gateway answer relay', () => {
  const upstream = new UpstreamStub();
  let h: Harness;

  beforeAll(async () => {
    await upstream.start();
    h = await startGateway({ apis: [published(contract)], domains: [domain(upstream.url)] }, { limits: { maxResponseValidationBytes: CAP } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.stop();
  });

  it('checks an enforced answer under the cap and passes a bigger one unchecked, counted as skipped', async () => {
    upstream.handler = (req, res) => {
      const size = req.url?.endsWith('/big') ? CAP * 3 : 100;
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
      res.end(JSON.stringify({ id: 'x', blob: 'b'.repeat(size) }));
    };
    const small = await send(h.port, '/dispatch/shipments/v1/items/small');
    expect(small.status).toBe(200);
    expect(small.headers['content-length']).toBe(String(small.text.length)); // buffered, so its length is known
    expect(small.json.id).toBe('x');

    const skippedBefore = await validationCount(h, 'skipped');
    const big = await send(h.port, '/dispatch/shipments/v1/items/big');
    expect(big.status).toBe(200);
    expect(big.json.blob).toHaveLength(CAP * 3); // every byte arrived, in order
    expect(await validationCount(h, 'skipped')).toBe(skippedBefore + 1);
  });

  it('refuses an enforced answer at its status line and keeps the upstream connection for the next request', async () => {
    const sockets = new Set<unknown>();
    upstream.handler = (req, res) => {
      sockets.add(req.socket);
      if (req.url?.endsWith('/gone')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'x'.repeat(10_000) }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"ok"}');
    };
    const refused = await send(h.port, '/dispatch/shipments/v1/items/gone');
    expect(refused.status).toBe(502);
    expect(refused.json.errors).toEqual([{ in: 'response', pointer: '', message: 'status 404 is not declared', keyword: 'status' }]);
    const next = await send(h.port, '/dispatch/shipments/v1/items/next');
    expect(next.status).toBe(200);
    expect(sockets.size).toBe(1); // the refused answer's body was drained, not the connection dropped
  });

  it('cuts the client connection when the upstream dies midway, and counts it against the upstream', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
      res.write(Buffer.alloc(10_000, 1));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const outcome = await new Promise<{ status: number; bytes: number; error?: string }>((resolve) => {
      const req = request({ host: '127.0.0.1', port: h.port, path: '/dispatch/shipments/v1/files/f1', headers: { 'x-correlation-id': 'midway-1' } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('error', (e) => resolve({ status: res.statusCode ?? 0, bytes, error: e.message }));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      });
      req.on('error', (e) => resolve({ status: 0, bytes: 0, error: e.message }));
      req.end();
    });
    expect(outcome.status).toBe(200);
    expect(outcome.bytes).toBeLessThan(100_000);
    expect(outcome.error).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accessLines(h.logs).find((l) => l.correlationId === 'midway-1')).toMatchObject({ upstreamStatus: 200, upstreamError: 'reset-midstream' });
    const errors = await h.registry.getSingleMetric('charter_gateway_upstream_errors_total')!.get();
    expect(errors.values.find((v) => v.labels.kind === 'reset')?.value).toBeGreaterThanOrEqual(1);
  });

  it('holds the upstream back while a client reads slowly, and delivers every byte', async () => {
    const size = 64 * 1024 * 1024; // far more than loopback socket buffers (tcp_rmem + tcp_wmem, both ends) can hold
    let upstreamDone = false;
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size) });
      const chunk = Buffer.alloc(256 * 1024, 7);
      let sent = 0;
      const pump = (): void => {
        while (sent < size) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(() => (upstreamDone = true));
      };
      pump();
    };
    const req = request({ host: '127.0.0.1', port: h.port, path: '/dispatch/shipments/v1/files/big' });
    req.end();
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    res.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The client has read nothing: buffers hold some MB at most, so the upstream must be held back.
    expect(upstreamDone).toBe(false);
    let received = 0;
    res.on('data', (c: Buffer) => (received += c.length));
    res.resume();
    await once(res, 'end');
    expect(received).toBe(size);
    expect(upstreamDone).toBe(true);
  });

  it('stops the upstream request when the client leaves before the answer', async () => {
    let upstreamClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    upstream.handler = (_req, res) => {
      const late = setTimeout(() => res.end('{"id":"late"}'), 5_000); // never reached in time
      res.on('close', () => {
        clearTimeout(late);
        upstreamClosed();
      });
    };
    const req = request({ host: '127.0.0.1', port: h.port, path: '/dispatch/shipments/v1/files/slow', headers: { 'x-correlation-id': 'leaver-1' } });
    req.on('error', () => undefined);
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    req.destroy();
    await closed; // the gateway closed its upstream request instead of waiting 5 s
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accessLines(h.logs).find((l) => l.correlationId === 'leaver-1')).toMatchObject({ status: 499 });
  });
});
