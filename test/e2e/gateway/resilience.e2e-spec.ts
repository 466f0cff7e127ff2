/**
 * Upstreams that are down, slow or reset connections; retries within budget for
 * idempotent methods only; the circuit breaker answering 503 fast; hot reload
 * under load with zero failed requests; a bad version never replacing a good one.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { domain, openapi, published, startGateway } from './support/gateway-harness';
import { agent, send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const ok = { '200': { description: 'ok' } };
const contract = (version = '1.0.0', extra: Record<string, unknown> = {}) =>
  openapi(
    {
      '/items': { get: { operationId: 'listItems', responses: ok }, post: { operationId: 'addItem', responses: ok } },
      '/slow': { get: { operationId: 'slow', responses: ok } },
    },
    { info: { title: 'Items', version }, ...extra },
  );

/** A port nothing listens on: bind, read the port, close. */
async function deadPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('gateway resilience', () => {
  const upstream = new UpstreamStub();
  beforeAll(() => upstream.start());
  afterAll(() => upstream.stop());

  it('answers 502 while an upstream is down, then 503 fast once its circuit opens, and recovers', async () => {
    const port = await deadPort();
    const h = await startGateway({ apis: [published(contract())], domains: [domain(`http://127.0.0.1:${port}`)] }, { limits: { breakerThreshold: 3, breakerOpenMs: 300 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await send(h.port, '/dispatch/shipments/v1/items', { method: 'POST' })).status);
      }
      expect(statuses).toEqual([502, 502, 502, 503]);
      const open = await send(h.port, '/dispatch/shipments/v1/items');
      expect(open.status).toBe(503);
      expect(open.json.type).toBe('https://charter.dev/problems/service-unavailable');
      expect(Number(open.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // The upstream comes back: after the open period one probe closes the circuit.
      const revived = createServer((_req, res) => res.end('{}'));
      await new Promise<void>((resolve) => revived.listen(port, '127.0.0.1', resolve));
      try {
        await new Promise((resolve) => setTimeout(resolve, 350));
        expect((await send(h.port, '/dispatch/shipments/v1/items')).status).toBe(200);
        expect((await send(h.port, '/dispatch/shipments/v1/items')).status).toBe(200);
      } finally {
        revived.closeAllConnections();
        await new Promise<void>((resolve) => revived.close(() => resolve()));
      }
    } finally {
      await h.close();
    }
  });

  it('answers 504 when the upstream is too slow', async () => {
    const h = await startGateway({ apis: [published(contract())], domains: [domain(upstream.url)] }, { limits: { upstreamHeadersTimeoutMs: 100 } });
    upstream.handler = (_req, res) => setTimeout(() => res.end('late'), 1500).unref();
    try {
      const answer = await send(h.port, '/dispatch/shipments/v1/slow');
      expect(answer.status).toBe(504);
      expect(answer.json.type).toBe('https://charter.dev/problems/gateway-timeout');
    } finally {
      await h.close();
    }
  });

  it('retries an idempotent request once when the connection resets, never a POST', async () => {
    const h = await startGateway({ apis: [published(contract())], domains: [domain(upstream.url)] });
    let calls = 0;
    upstream.handler = (req, res) => {
      calls++;
      if (calls % 2 === 1) {
        req.socket.destroy();
      } else {
        res.end('{"ok":true}');
      }
    };
    try {
      calls = 0;
      const get = await send(h.port, '/dispatch/shipments/v1/items');
      expect(get.status).toBe(200);
      expect(calls).toBe(2);
      calls = 0;
      const post = await send(h.port, '/dispatch/shipments/v1/items', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(post.status).toBe(502);
      expect(calls).toBe(1);
      const log = h.logs.find((l) => l.msg === 'request' && l.status === 502);
      expect(log).toMatchObject({ upstreamError: 'reset' });
    } finally {
      await h.close();
    }
  });

  it('keeps the last good version when a new one fails to compile', async () => {
    upstream.handler = (_req, res) => res.end('{}');
    const h = await startGateway({ apis: [published(contract('1.0.0'))], domains: [domain(upstream.url)] });
    try {
      const broken = await h.apply({ apis: [published(contract('1.1.0', { 'x-charter-rate-limit': { limit: 'lots', window: '1m' } }))], domains: [domain(upstream.url)] });
      expect(broken.ok).toBe(false);
      expect(broken.applied).toBe(true);
      expect(broken.errors).toEqual([expect.objectContaining({ severity: 'error', code: 'INVALID_POLICY', version: '1.1.0', pointer: '/x-charter-rate-limit' })]);
      expect(broken.routes).toEqual({ 'dispatch/shipments/v1': '1.0.0' });
      expect((await send(h.port, '/dispatch/shipments/v1/items')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('swaps route tables under load without failing a request', async () => {
    // Answers take a few ms, so requests are in flight on the old table and pool at each swap.
    upstream.handler = (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }, 5);
    };
    const other = await new UpstreamStub().start();
    other.handler = upstream.handler;
    const h = await startGateway({ apis: [published(contract('1.0.0'))], domains: [domain(upstream.url)] });
    try {
      let running = true;
      const statuses = new Map<number, number>();
      const versions = new Set<string>();
      const worker = async (): Promise<void> => {
        while (running) {
          const answer = await send(h.port, '/dispatch/shipments/v1/items');
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      for (let i = 1; i <= 10; i++) {
        // New minor versions, alternating upstreams (pools retire and are replaced) while requests fly.
        const result = await h.apply({ apis: [published(contract(`1.${i}.0`))], domains: [domain(i % 2 ? other.url : upstream.url)] });
        expect(result.ok).toBe(true);
        versions.add(h.gateway.routes()['dispatch/shipments/v1']);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      running = false;
      await Promise.all(workers);
      expect([...statuses.keys()]).toEqual([200]);
      expect(statuses.get(200)).toBeGreaterThan(16);
      expect(versions.size).toBe(10);
      expect(other.received.length).toBeGreaterThan(0);
    } finally {
      await h.close();
      await other.stop();
    }
  });

  describe('client connections', () => {
    /** Sends one keep-alive GET on a fresh socket; resolves with the answer's head and when the server closed the socket. */
    const idleAfterOneRequest = (port: number): Promise<{ head: string; closedAfterMs: number }> =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let head = '';
        let answeredAt = 0;
        socket.on('data', (chunk: Buffer) => {
          head += chunk.toString('latin1');
          answeredAt ||= Date.now();
        });
        socket.on('error', reject);
        socket.on('close', () => resolve({ head, closedAfterMs: Date.now() - answeredAt }));
        socket.write('GET /dispatch/shipments/v1/items HTTP/1.1\r\nhost: gw\r\nconnection: keep-alive\r\n\r\n');
      });

    it('keeps idle client connections open for clientKeepAliveTimeoutMs, longer than a balancer would, then closes them', async () => {
      upstream.handler = (_req, res) => res.end('{}');
      const byDefault = await startGateway({ apis: [published(contract())], domains: [domain(upstream.url)] });
      try {
        const answer = await send(byDefault.port, '/dispatch/shipments/v1/items');
        expect(answer.headers['keep-alive']).toBe('timeout=75');
      } finally {
        await byDefault.close();
      }
      const h = await startGateway({ apis: [published(contract())], domains: [domain(upstream.url)] }, { limits: { clientKeepAliveTimeoutMs: 1_000 } });
      try {
        const { head, closedAfterMs } = await idleAfterOneRequest(h.port);
        expect(head).toMatch(/^HTTP\/1\.1 200 /);
        expect(head).toMatch(/\r\nkeep-alive: timeout=1\r\n/i);
        expect(closedAfterMs).toBeGreaterThanOrEqual(800);
        expect(closedAfterMs).toBeLessThan(5_000);
      } finally {
        await h.close();
      }
    });

    it('on close, finishes an in-flight request and closes its connection then, not after the keep-alive timeout', async () => {
      upstream.handler = (_req, res) => setTimeout(() => res.end('{"late":true}'), 300);
      const h = await startGateway({ apis: [published(contract())], domains: [domain(upstream.url)] });
      const inFlight = send(h.port, '/dispatch/shipments/v1/slow');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await h.gateway.close(30_000);
      const closedAfterMs = Date.now() - started;
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ late: true });
      // Well under both the 30 s grace and the 75 s keep-alive: the connection went as soon as it was idle.
      expect(closedAfterMs).toBeLessThan(5_000);
    });
  });

  afterAll(() => agent.destroy());
});
