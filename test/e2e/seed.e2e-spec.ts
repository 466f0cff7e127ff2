import * as path from 'node:path';
import { ENGINES } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asYaml, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

const CONTRACTS = path.resolve(__dirname, '../../contracts');

describe.each(ENGINES)('the example contracts and governance on publish, on %s', (engine) => {
  let t: TestApp;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(engine, { CHARTER_SEED: 'true', CHARTER_CONTRACTS_DIR: CONTRACTS, CHARTER_LINT_ON_PUBLISH: 'true' });
    reader = bearer(t.token({ role: 'reader' }));
  });
  afterAll(async () => t.close());

  it('creates every domain from its domain.yaml', async () => {
    const res = await send('GET', `${t.url}/api/domains`, { headers: reader });
    const domains = res.json<{ items: Array<{ key: string; owners: unknown[] }> }>().items;
    // charter: the registry's own API (contracts/charter/), seeded like any domain.
    expect(domains.map((d) => d.key)).toEqual(['charter', 'crm', 'dispatch', 'erp']);
    for (const d of domains) {
      expect(d.owners.length).toBeGreaterThan(0);
    }
  });

  it('publishes every example contract, OpenAPI and AsyncAPI, and Charter\'s own', async () => {
    const res = await send('GET', `${t.url}/api/apis?limit=100`, { headers: reader });
    const apis = res.json<{ items: Array<{ domain: string; api: string; kind: string; latest: { lifecycle: string; publishedBy: string } }> }>().items;
    expect(apis.map((a) => `${a.domain}/${a.api}:${a.kind}`)).toEqual([
      'charter/registry:openapi',
      'crm/customer-service:openapi',
      'dispatch/dispatch-events:asyncapi',
      'dispatch/shipments:openapi',
      'erp/accounts-receivable:openapi',
      'erp/erp-events:asyncapi',
    ]);
    for (const a of apis) {
      expect(a.latest).toMatchObject({ lifecycle: 'published', publishedBy: 'charter-seed' });
    }
  });

  it('publishes a multi-file contract as one self-contained document', async () => {
    const res = await send('GET', `${t.url}/api/domains/dispatch/apis/shipments/versions/latest/document`, {
      headers: { ...reader, accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/"\$ref":\s*"\.{0,2}\/?[^#"]+\.ya?ml/);
    expect(res.json<{ openapi: string }>().openapi).toBe('3.1.0');
  });

  it('does not seed again when the registry is not empty', async () => {
    const report = await t.app.get((await import('../../src/registry/seed/contracts-seeder')).ContractsSeeder).seedIfEmpty();
    expect(report).toBeUndefined();
  });

  it('refuses a publish that breaks governance rules, listing each finding with rule and line', async () => {
    const before = await registryState(t);
    const res = await send('POST', `${t.url}/api/domains/erp/apis/fleet/versions`, {
      headers: { ...bearer(t.token({ role: 'publisher', domains: ['erp'] })), 'content-type': 'application/yaml' },
      body: asYaml(openapiDoc('1.0.0')),
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ code: string; errors: Array<{ ruleId: string; pointer: string; line: number }> }>();
    expect(body.code).toBe('GOVERNANCE_VIOLATION');
    const rules = new Set(body.errors.map((e) => e.ruleId));
    for (const rule of ['charter-operation-metadata', 'charter-operation-security', 'charter-canonical-refs', 'charter-owner-matches-domain']) {
      expect(rules).toContain(rule);
    }
    for (const e of body.errors) {
      expect(e.line).toBeGreaterThan(0);
    }
    expect(await registryState(t)).toEqual(before);
  });

  it('accepts a compliant new version of an example contract', async () => {
    const doc = await send('GET', `${t.url}/api/domains/erp/apis/accounts-receivable/versions/latest/document`, { headers: reader });
    const next = doc.text.replace(/^(\s*version:\s*)['"]?1\.4\.0['"]?/m, '$11.4.1');
    expect(next).not.toBe(doc.text);
    const res = await send('POST', `${t.url}/api/domains/erp/apis/accounts-receivable/versions`, {
      headers: { ...bearer(t.token({ role: 'publisher', domains: ['erp'] })), 'content-type': 'application/yaml' },
      body: next,
    });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ version: '1.4.1' });
  });
});
