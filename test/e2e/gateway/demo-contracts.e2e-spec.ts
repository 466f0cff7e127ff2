/**
 * The embedded demo: the example contracts of contracts/, loaded through the core
 * loader as the registry publishes them, routed with their domain.yaml settings
 * and no upstreams, so answers are mocks from the contracts' examples.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createFsSource } from '../../../src/platform/contracts-fs/fs-source';
import { loadContract } from '../../../src/core/document';
import type { DomainInput, PublishedApiInput } from '../../../src/gateway';
import { startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { hs256 } from './support/tokens';

const TREE = join(__dirname, '../../../contracts');
const SECRET = 'demo-secret-demo-secret-demo-secret!!';

async function loadTree(): Promise<{ apis: PublishedApiInput[]; domains: DomainInput[]; env: Record<string, string> }> {
  const source = createFsSource(TREE);
  const apis: PublishedApiInput[] = [];
  const domains: DomainInput[] = [];
  const env: Record<string, string> = {};
  for (const key of readdirSync(TREE)) {
    const dir = join(TREE, key);
    if (key.startsWith('_') || !statSync(dir).isDirectory() || !existsSync(join(dir, 'domain.yaml'))) {
      continue;
    }
    const domain = parse(readFileSync(join(dir, 'domain.yaml'), 'utf8')) as DomainInput;
    domains.push({ key, auth: domain.auth, correlation: domain.correlation });
    if (domain.auth?.jwt?.secretEnv) {
      env[domain.auth.jwt.secretEnv] = SECRET;
    }
    for (const file of readdirSync(dir)) {
      const entry = file.endsWith('.openapi.yaml') ? `${key}/${file}` : existsSync(join(dir, file, 'openapi.yaml')) ? `${key}/${file}/openapi.yaml` : undefined;
      if (!entry) {
        continue;
      }
      const loaded = await loadContract(entry, source);
      if (!loaded.ok) {
        throw new Error(`${entry}: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
      }
      const c = loaded.value;
      apis.push({ domain: key, api: file.replace('.openapi.yaml', ''), version: c.version, major: Number(c.version.split('.')[0]), kind: c.kind, lifecycle: 'published', document: c.document, digest: c.digest });
    }
  }
  return { apis, domains, env };
}

describe('gateway with the example contracts (embedded demo)', () => {
  let h: Harness;
  let domains: DomainInput[];

  beforeAll(async () => {
    const tree = await loadTree();
    domains = tree.domains;
    h = await startGateway(tree);
  });
  afterAll(() => h.close());

  it('compiles every example OpenAPI contract without errors', () => {
    expect(h.applied.errors).toEqual([]);
    expect(Object.keys(h.applied.routes).length).toBeGreaterThanOrEqual(3);
    expect(h.applied.routes['dispatch/shipments/v1']).toMatch(/^1\./);
  });

  it('answers a public operation with the contract example, marked as a mock', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/tracking/MRD7Q4K2X9TB');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-charter-mock']).toBe('true');
    expect(answer.json).toMatchObject({ trackingCode: 'MRD7Q4K2X9TB', status: 'delivered' });
    expect(answer.headers['ratelimit-policy']).toBe('"operation-ip";q=30;w=60');
  });

  it('asks for credentials per the contract, and serves mocks to a token verified per domain.yaml', async () => {
    expect((await send(h.port, '/dispatch/shipments/v1/shipments')).status).toBe(401);
    const jwt = domains.find((d) => d.key === 'dispatch')!.auth!.jwt!;
    const token = await hs256({ scope: 'shipments:read', iss: jwt.issuer, aud: jwt.audience as string }, SECRET);
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments?limit=5', { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-charter-mock']).toBe('true');
    const invalid = await send(h.port, '/dispatch/shipments/v1/shipments?limit=many', { headers: { authorization: `Bearer ${token}` } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatchObject({ in: 'query', name: 'limit' });
  });
});
