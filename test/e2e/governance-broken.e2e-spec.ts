/**
 * A broken governance configuration is a server-side fault: publishes get a
 * problem naming the file and the rule (never a stack trace), nothing is stored,
 * and the registry keeps serving everything else.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asYaml, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

describe('a broken ruleset in charter.yaml', () => {
  let t: TestApp;
  let tree: string;

  beforeAll(async () => {
    tree = mkdtempSync(path.join(tmpdir(), 'charter-gov-'));
    writeFileSync(path.join(tree, 'charter.yaml'), 'lint:\n  ruleset: charter:recommended\n  rules:\n    charter-no-such-rule: error\n');
    mkdirSync(path.join(tree, 'erp'));
    t = await startTestApp('pglite', { CHARTER_CONTRACTS_DIR: tree, CHARTER_LINT_ON_PUBLISH: 'true' });
    const admin = bearer(t.token({ role: 'admin' }));
    await send('PUT', `${t.url}/api/domains/erp`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ERP', owners: [{ team: 'erp' }] }),
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(tree, { recursive: true, force: true });
  });

  it('answers publishes with a problem naming the file and rule, and keeps serving', async () => {
    const before = await registryState(t);
    const res = await send('POST', `${t.url}/api/domains/erp/apis/invoices/versions`, {
      headers: { ...bearer(t.token({ role: 'admin' })), 'content-type': 'application/yaml' },
      body: asYaml(openapiDoc('1.0.0')),
    });
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ code: string; errors: Array<{ code: string; file: string; message: string }> }>();
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.errors[0]).toMatchObject({ code: 'UNKNOWN_RULE', file: 'charter.yaml' });
    expect(body.errors[0].message).toContain('charter-no-such-rule');
    expect(res.text).not.toMatch(/\s+at\s+\S+\s+\(/); // no stack trace
    expect(await registryState(t)).toEqual(before);

    expect((await send('GET', `${t.url}/health`)).status).toBe(200);
    expect((await send('GET', `${t.url}/api/domains`, { headers: bearer(t.token({ role: 'reader' })) })).status).toBe(200);
  });
});
