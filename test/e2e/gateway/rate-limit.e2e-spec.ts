/**
 * x-charter-rate-limit by IP, consumer and globally, with RateLimit and
 * RateLimit-Policy headers and 429 + Retry-After; in memory, and in the real
 * Redis (127.0.0.1:6379) where two gateway instances share one budget. Each run
 * uses its own API name, so Redis keys never collide across runs.
 */
import { randomBytes } from 'node:crypto';
import type { RouteTableInput } from '../../../src/gateway';
import { hashApiKey } from '../../../src/policies';
import { domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { UpstreamStub } from './support/upstream-stub';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ok = { '200': { description: 'ok' } };

function limitedContract(): Record<string, unknown> {
  return openapi(
    {
      '/by-ip': { get: { operationId: 'byIp', 'x-charter-rate-limit': { limit: 3, window: '1m', by: 'ip' }, responses: ok } },
      '/by-consumer': { get: { operationId: 'byConsumer', security: [{ key: [] }, {}], responses: ok } },
      '/global': { get: { operationId: 'global', 'x-charter-rate-limit': { limit: 2, window: '1m', by: 'global' }, responses: ok } },
      '/unlimited': { get: { operationId: 'unlimited', 'x-charter-rate-limit': { limit: 100000, window: '1s' }, responses: ok } },
    },
    {
      'x-charter-rate-limit': { limit: 2, window: '60s', by: 'consumer' },
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
    },
  );
}

const consumers = [
  { consumerId: 'c-1', name: 'One', keyHash: hashApiKey('key-1') },
  { consumerId: 'c-2', name: 'Two', keyHash: hashApiKey('key-2') },
];

describe('gateway rate limits', () => {
  const upstream = new UpstreamStub();
  beforeAll(() => upstream.start());
  afterAll(() => upstream.stop());

  describe('in memory', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startGateway({ apis: [published(limitedContract())], domains: [domain(upstream.url)], consumers });
    });
    afterAll(() => h.close());

    it('limits by IP with RateLimit headers, then 429 with Retry-After', async () => {
      const answers = [];
      for (let i = 0; i < 4; i++) {
        answers.push(await send(h.port, '/dispatch/shipments/v1/by-ip'));
      }
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0].headers['ratelimit-policy']).toBe('"operation-ip";q=3;w=60');
      expect(answers[0].headers.ratelimit).toBe('"operation-ip";r=2;t=60');
      expect(answers[2].headers.ratelimit).toMatch(/^"operation-ip";r=0;t=(59|60)$/);
      const rejected = answers[3];
      expect(Number(rejected.headers['retry-after'])).toBeGreaterThanOrEqual(59);
      expect(rejected.headers['content-type']).toBe('application/problem+json');
      expect(rejected.json).toMatchObject({ type: 'https://charter.dev/problems/rate-limited', status: 429, code: 'RATE_LIMITED' });
    });

    it('keeps one budget per consumer, and per IP for anonymous callers', async () => {
      const call = (key?: string) => send(h.port, '/dispatch/shipments/v1/by-consumer', { headers: key ? { 'x-api-key': key } : {} });
      const statuses = [];
      for (const key of ['key-1', 'key-1', 'key-1', 'key-2', 'key-2', undefined, undefined, undefined]) {
        statuses.push((await call(key)).status);
      }
      expect(statuses).toEqual([200, 200, 429, 200, 200, 200, 200, 429]);
    });

    it('shares a global budget between everyone', async () => {
      const statuses = [];
      for (const key of ['key-1', 'key-2', undefined]) {
        statuses.push((await send(h.port, '/dispatch/shipments/v1/global', { headers: key ? { 'x-api-key': key } : {} })).status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    });

    it('ignores X-Forwarded-For from the client unless a proxy in front is trusted', async () => {
      const spoofed = async (port: number, forwardedFor: string) =>
        (await send(port, '/dispatch/shipments/v1/by-ip', { headers: { 'x-forwarded-for': forwardedFor } })).status;
      // The socket's budget (127.0.0.1) is spent by the first test: a claimed address does not get a fresh one.
      expect(await spoofed(h.port, '203.0.113.1')).toBe(429);
      const behindProxy = await startGateway({ apis: [published(limitedContract())], domains: [domain(upstream.url)], consumers }, { limits: { trustProxy: true } });
      try {
        const statuses = [];
        // The trusted proxy appends the address it saw last; whatever came before it is the client's claim.
        for (const forwardedFor of ['198.51.100.1', '6.6.6.6, 198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2']) {
          statuses.push(await spoofed(behindProxy.port, forwardedFor));
        }
        expect(statuses).toEqual([200, 200, 200, 429, 200]);
      } finally {
        await behindProxy.close();
      }
    });

    it('keeps counting across a reload that keeps the policy', async () => {
      await h.apply({ apis: [published(limitedContract())], domains: [domain(upstream.url)], consumers });
      expect((await send(h.port, '/dispatch/shipments/v1/by-ip')).status).toBe(429);
    });
  });

  describe('in Redis', () => {
    const api = `rl-${randomBytes(4).toString('hex')}`;
    let input: Partial<RouteTableInput>;
    let a: Harness;
    let b: Harness;
    beforeAll(async () => {
      input = { apis: [published(limitedContract(), { api })], domains: [domain(upstream.url)], consumers };
      [a, b] = await Promise.all([startGateway(input, { redisUrl: REDIS_URL }), startGateway(input, { redisUrl: REDIS_URL })]);
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('makes two gateway instances share one budget', async () => {
      const path = `/dispatch/${api}/v1/by-ip`;
      const statuses = [];
      for (const port of [a.port, b.port, a.port, b.port]) {
        statuses.push((await send(port, path)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await send(a.port, `/dispatch/${api}/v1/global`);
      const second = await send(b.port, `/dispatch/${api}/v1/global`);
      const third = await send(a.port, `/dispatch/${api}/v1/global`);
      expect([limited.status, second.status, third.status]).toEqual([200, 200, 429]);
      expect(second.headers.ratelimit).toMatch(/^"operation-global";r=0;t=\d+$/);
    });

    it('falls back to per-node memory limits when Redis cannot be reached', async () => {
      const h = await startGateway({ ...input, apis: [published(limitedContract(), { api: `${api}-down` })] }, { redisUrl: 'redis://127.0.0.1:1', limits: { connectTimeoutMs: 300 } });
      try {
        const statuses = [];
        for (let i = 0; i < 4; i++) {
          statuses.push((await send(h.port, `/dispatch/${api}-down/v1/by-ip`)).status);
        }
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await h.close();
      }
    });
  });
});
