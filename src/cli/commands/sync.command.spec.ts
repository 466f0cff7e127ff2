/**
 * `charter sync` against a stub registry on 127.0.0.1: what it sends, how it
 * reads 201/200/409/422, and that it refuses invalid contracts before sending.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { charter, type CliResult } from '../../../test/support/run-cli';
import { apiKeyOf, versionsUrl } from './sync.command';

interface Seen {
  method?: string;
  url?: string;
  auth?: string;
  type?: string;
  body: Record<string, unknown>;
}

let dir: string;
let server: Server;
let seen: Seen[];
let answer: (req: Seen) => [number, unknown];

const api = (title: string, version: string) => ({
  openapi: '3.0.3',
  info: { title, version },
  paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } },
});

function sync(...args: string[]): Promise<CliResult> {
  return charter('sync', '--contracts', join(dir, 'contracts'), ...args);
}

const registry = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-sync-'));
  mkdirSync(join(dir, 'contracts/dispatch/shipments'), { recursive: true });
  writeFileSync(join(dir, 'contracts/charter.yaml'), 'lint:\n  ruleset: ./ruleset.yaml\n');
  writeFileSync(join(dir, 'contracts/ruleset.yaml'), 'rules: {}\n');
  writeFileSync(join(dir, 'contracts/dispatch/tracking.openapi.yaml'), stringify(api('Tracking', '1.2.0')));
  writeFileSync(join(dir, 'contracts/dispatch/shipments/openapi.yaml'), stringify(api('Shipments', '2.0.0')));
  seen = [];
  answer = () => [201, { id: 'v' }];
  server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const s: Seen = { method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body: JSON.parse(text) as Record<string, unknown> };
      seen.push(s);
      const [status, body] = answer(s);
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.CHARTER_TOKEN = 'secret-token';
});

afterEach(async () => {
  delete process.env.CHARTER_TOKEN;
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('charter sync', () => {
  it('names APIs after their files and builds the registry route', () => {
    expect(apiKeyOf('dispatch/tracking.openapi.yaml')).toEqual({ domain: 'dispatch', api: 'tracking' });
    expect(apiKeyOf('dispatch/shipments/openapi.yaml')).toEqual({ domain: 'dispatch', api: 'shipments' });
    expect(versionsUrl('http://h:8080/', 'a', 'b')).toBe('http://h:8080/api/domains/a/apis/b/versions');
    expect(versionsUrl('http://h:8080/api', 'a', 'b')).toBe('http://h:8080/api/domains/a/apis/b/versions');
  });

  it('posts every contract as bundled JSON with the bearer token, and exits 0', async () => {
    const r = await sync('--registry', registry());
    expect(r.code).toBe(0);
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/api/domains/dispatch/apis/shipments/versions'],
      ['POST', '/api/domains/dispatch/apis/tracking/versions'],
    ]);
    expect(seen[0]).toMatchObject({ auth: 'Bearer secret-token', type: 'application/json' });
    expect(seen[0].body.info).toEqual({ title: 'Shipments', version: '2.0.0' });
    expect(r.out).toContain('2 published, 0 unchanged, 0 refused');
  });

  it('is idempotent: 200 means already published', async () => {
    answer = () => [200, {}];
    const r = await sync('--registry', registry());
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 published, 2 unchanged');
  });

  it('exits 1 with the registry’s reasons when it refuses a breaking change', async () => {
    answer = (s) =>
      s.url!.includes('tracking')
        ? [409, { type: 'https://charter.example/problems/breaking-change', title: 'Breaking change', status: 409, detail: 'a major bump is needed', changes: [{ id: 'endpoint-removed', message: 'GET /x: the operation was removed' }] }]
        : [201, {}];
    const r = await sync('--registry', registry());
    expect(r.code).toBe(1);
    expect(r.out).toContain('refused (409): a major bump is needed');
    expect(r.out).toContain('endpoint-removed: GET /x: the operation was removed');
  });

  it('refuses an invalid contract without sending it', async () => {
    writeFileSync(join(dir, 'contracts/dispatch/tracking.openapi.yaml'), 'openapi: 3.0.3\ninfo: {title: T}\npaths: {}\n');
    const r = await sync('--registry', registry());
    expect(r.code).toBe(1);
    expect(seen.map((s) => s.url)).toEqual(['/api/domains/dispatch/apis/shipments/versions']);
    expect(r.out).toMatch(/refused\s+dispatch\/tracking\.openapi\.yaml: invalid, not sent/);
  });

  it('exits 2 on a server error or an unreachable registry', async () => {
    answer = () => [500, { title: 'boom' }];
    expect((await sync('--registry', registry())).code).toBe(2);
    expect(seen).toHaveLength(1);
    const down = await sync('--registry', 'http://127.0.0.1:9');
    expect(down.code).toBe(2);
    expect(down.out).toContain('cannot reach');
  });
});
