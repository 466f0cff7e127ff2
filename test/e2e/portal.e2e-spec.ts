/**
 * The portal in a real browser (Chromium via playwright-core) against the seeded
 * example contracts, on both engines: catalog, search, API page, OpenAPI and
 * AsyncAPI docs, the changelog of a freshly published version, problem pages, the
 * token field, and consumers & keys: a key issued in the portal is used at the
 * gateway, then revoked there and refused. One browser serves the whole file.
 */
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { RegistryFeed } from '../../src/registry/registry-feed';
import { eventually } from '../support/eventually';
import { bearer, send } from '../support/http';
import { ENGINES, type Engine } from '../support/test-database';
import { gatewayUrl, startTestApp, type TestApp } from '../support/test-app';

const CONTRACTS = path.join(__dirname, '..', '..', 'contracts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXAMPLE_APIS = ['crm/customer-service', 'dispatch/dispatch-events', 'dispatch/shipments', 'erp/accounts-receivable', 'erp/erp-events'];
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  page.setDefaultTimeout(15_000);
  return page;
}

async function apiKeys(page: Page): Promise<Array<string | null>> {
  return Promise.all((await page.locator('.api-card').all()).map((card) => card.getAttribute('data-api')));
}

/** Every API the seeded registry lists (the example tree, and Charter's own contract once it is in it). */
async function seededApis(t: TestApp, headers: Record<string, string> = {}, query = ''): Promise<string[]> {
  const page = (await (await fetch(`${t.url}/api/apis?limit=200${query}`, { headers })).json()) as { items: Array<{ domain: string; api: string }> };
  return page.items.map((a) => `${a.domain}/${a.api}`).sort();
}

describe.each(ENGINES)('portal on %s', (engine) => {
  withAnonymousReads(engine);
  withTokens(engine);
});

function withAnonymousReads(engine: Engine): void {
  describe('with anonymous reads', () => {
    let t: TestApp;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      t = await startTestApp(engine, { CHARTER_SEED: 'true', CHARTER_CONTRACTS_DIR: CONTRACTS, CHARTER_ANONYMOUS_READ: 'true' });
      page = await newPage();
      page.on('pageerror', (err) => errors.push(err.message));
    });

    afterAll(async () => {
      await page?.close();
      await t?.close();
    });

    it('lists the example APIs and narrows them by search', async () => {
      const seeded = await seededApis(t);
      expect(seeded).toEqual(expect.arrayContaining(EXAMPLE_APIS));
      await page.goto(`${t.url}/`);
      await page.locator('.api-card').nth(seeded.length - 1).waitFor();
      const cards = await apiKeys(page);
      expect(cards.sort()).toEqual(seeded);
      await expect(page.locator('.api-card .badge-published').count()).resolves.toBe(seeded.length);

      const expected = await seededApis(t, {}, '&q=invoice');
      expect(expected).toContain('erp/accounts-receivable');
      expect(expected.length).toBeLessThan(seeded.length);
      const dropped = cards.find((c) => !expected.includes(c ?? ''));
      await page.fill('#catalog-q', 'invoice');
      await page.locator(`.api-card[data-api="${dropped}"]`).waitFor({ state: 'detached' });
      expect((await apiKeys(page)).sort()).toEqual(expected);
      expect(page.url()).toContain('q=invoice');
      await page.screenshot({ path: '/tmp/portal-catalog.png', fullPage: false });
    });

    it('shows an API page with its versions and the OpenAPI docs with operations and paths', async () => {
      await page.goto(`${t.url}/#/apis/dispatch/shipments`);
      await page.locator('table.versions tr[data-version="1.7.0"]').waitFor();
      await expect(page.locator('h1').textContent()).resolves.toBe('Shipments API');
      await expect(page.locator('tr[data-version="1.7.0"] .badge').textContent()).resolves.toBe('published');

      await page.click('tr[data-version="1.7.0"] a');
      const op = page.locator('details.operation[data-operation="getTracking"]');
      await op.waitFor();
      await expect(op.locator('.path').textContent()).resolves.toMatch(/^\/tracking\/\{/);
      await op.locator('summary').first().click();
      await expect(op.locator('.op-body').textContent()).resolves.toContain('30 requests per 60s by ip');
      await expect(op.locator('.op-body .badge-public').count()).resolves.toBe(1);
      await page.screenshot({ path: '/tmp/portal.png', fullPage: false });
    });

    it('renders an AsyncAPI contract with its channels, operations and messages', async () => {
      await page.goto(`${t.url}/#/apis/dispatch/dispatch-events/versions/latest`);
      const channel = page.locator('section.channel[data-channel="dispatch.shipment.delivered"]');
      await channel.waitFor();
      await expect(channel.locator('.channel-ops').textContent()).resolves.toContain('send');
      await expect(channel.locator('.message h4').allTextContents()).resolves.toEqual(expect.arrayContaining(['Payload']));
    });

    it('shows the changelog of a newly published additive version', async () => {
      const base = `${t.url}/api/domains/dispatch/apis/shipments`;
      const current = (await (await fetch(`${base}/versions/1.7.0/document`, { headers: { accept: 'application/json' } })).json()) as {
        info: { version: string };
        paths: Record<string, unknown>;
      };
      current.info.version = '1.8.0';
      current.paths['/depots'] = {
        get: { operationId: 'listDepots', summary: 'List depots', tags: ['Shipments'], responses: { '200': { description: 'The depots.' } } },
      };
      const res = await fetch(`${base}/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.token({ role: 'admin' })}`, 'content-type': 'application/json' },
        body: JSON.stringify(current),
      });
      expect(res.status).toBe(201);

      await page.goto(`${t.url}/#/apis/dispatch/shipments/changelog?from=1.7.0&to=1.8.0`);
      await page.locator('ol.changes li').first().waitFor();
      const text = await page.locator('ol.changes').textContent();
      expect(text).toContain('/depots');
      await expect(page.locator('#changelog-summary').textContent()).resolves.toContain('compatible');
      await expect(page.locator('ol.changes .badge').first().textContent()).resolves.toMatch(/^(info|warning)$/);
    });

    it('serves a page per problem type and a problem for unknown ones', async () => {
      await page.goto(`${t.url}/problems/breaking-change`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Breaking change');
      await expect(page.locator('main').textContent()).resolves.toContain('compatibility mode');
      const unknown = await fetch(`${t.url}/problems/no-such-thing`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    });

    it('serves only allow-listed assets with content types and cache headers', async () => {
      const js = await fetch(`${t.url}/portal/assets/app.js`);
      expect(js.headers.get('content-type')).toContain('text/javascript');
      expect(js.headers.get('cache-control')).toContain('max-age');
      const again = await fetch(`${t.url}/portal/assets/app.js`, { headers: { 'if-none-match': js.headers.get('etag') ?? '' } });
      expect(again.status).toBe(304);
      for (const probe of ['..%2Fportal.controller.ts', '%2E%2E%2F%2E%2E%2Fpackage.json', 'index.html', 'nope.js']) {
        const res = await fetch(`${t.url}/portal/assets/${probe}`);
        expect(res.status).toBe(404);
      }
      expect(errors).toEqual([]);
    });
  });

}

function withTokens(engine: Engine): void {
  describe('without anonymous reads', () => {
    let t: TestApp;
    let page: Page;
    const errors: string[] = [];
    // An operation the shipments contract secures with its partnerApiKey scheme (X-Api-Key) among others.
    const SHIPMENTS = '/dispatch/shipments/v1/shipments?limit=5';
    let apiKey = '';
    let keyId = '';

    beforeAll(async () => {
      t = await startTestApp(engine, {
        CHARTER_SEED: 'true',
        CHARTER_CONTRACTS_DIR: CONTRACTS,
        CHARTER_ANONYMOUS_READ: 'false',
        CHARTER_DISPATCH_JWT_SECRET: 'dispatch-demo-secret-that-is-long-enough-0000',
      });
      page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
      page.on('pageerror', (err) => errors.push(err.message));
    });

    afterAll(async () => {
      await page?.close();
      await t?.close();
    });

    const useToken = async (token: string) => {
      await page.fill('#token-input', token);
      await page.click('#token-form button[type=submit]');
    };

    it('shows the 401 problem, then reads the registry with the token from the token field', async () => {
      await page.goto(`${t.url}/`);
      const problem = page.locator('.problem');
      await problem.waitFor();
      await expect(problem.textContent()).resolves.toContain('Authentication required');
      await expect(problem.locator('a').getAttribute('href')).resolves.toBe('/problems/unauthenticated');

      const reader = t.token({ role: 'reader' });
      await useToken(reader);
      const seeded = await seededApis(t, bearer(reader));
      await page.locator('.api-card').nth(seeded.length - 1).waitFor();
      await expect(page.locator('.api-card').count()).resolves.toBe(seeded.length);
      await expect(page.evaluate("sessionStorage.getItem('charter.portal.token')")).resolves.toMatch(/^ey/);
    });

    it('renders the registry\'s 403 problem on consumers & keys for a reader token', async () => {
      await page.click('nav.nav a[href="#/consumers"]');
      const problem = page.locator('main .problem');
      await problem.waitFor();
      await expect(page.locator('main h1').textContent()).resolves.toBe('Consumers & keys');
      const text = await problem.textContent();
      expect(text).toContain('403 · Forbidden');
      expect(text).toContain('needs the admin role');
      expect(text).toContain('enter a token with the admin role above');
      await expect(problem.getAttribute('role')).resolves.toBe('alert');
      await expect(page.locator('nav.nav a[aria-current=page]').textContent()).resolves.toBe('Consumers & keys');
      await expect(page.locator('#consumer-form').count()).resolves.toBe(0);
    });

    it('registers a consumer and issues a key that is shown once and works at the gateway', async () => {
      await useToken(t.token({ role: 'admin', sub: 'portal-admin' }));
      await page.locator('#consumer-form').waitFor();
      await expect(page.locator('#no-consumers').textContent()).resolves.toContain('No consumers registered yet');

      await page.getByLabel('Consumer key').fill('carrier-portal');
      await page.getByLabel('Name', { exact: true }).fill('Carrier portal');
      await page.getByLabel('Contact (optional)').fill('ops@carrier.example');
      await page.click('#consumer-form button[type=submit]');
      const section = page.locator('section.consumer[data-consumer="carrier-portal"]');
      await section.waitFor();
      await expect(page.locator('#consumers-status').textContent()).resolves.toContain('Carrier portal (carrier-portal) registered');
      await expect(section.locator('.empty').textContent()).resolves.toBe('No API keys yet.');
      // The new consumer's scopes field has focus: the next step is issuing a key.
      await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('scopes-carrier-portal');

      // The same key again: the registry's 409 problem, shown under the form.
      await page.getByLabel('Consumer key').fill('carrier-portal');
      await page.getByLabel('Name', { exact: true }).fill('Again');
      await page.click('#consumer-form button[type=submit]');
      await expect(page.locator('#consumer-form + .form-error .problem').textContent()).resolves.toContain('409 · Already exists');

      await section.getByLabel('Scopes for a new key').fill('shipments:read, pod:write shipments:read');
      await section.locator('form.issue-key button[type=submit]').click();
      const reveal = section.locator('.key-reveal');
      await reveal.waitFor();
      apiKey = await reveal.locator('input.key-value').inputValue();
      expect(apiKey).toMatch(/^chk_[A-Za-z0-9_-]{43}$/);
      await expect(reveal.locator('.key-warning').textContent()).resolves.toContain('it will not be shown again');
      await expect(page.locator('#consumers-status').textContent()).resolves.toContain('Copy it now');
      const row = section.locator('tr[data-state="active"]');
      await row.waitFor();
      keyId = (await row.getAttribute('data-key-id')) ?? '';
      await expect(row.locator('code').first().textContent()).resolves.toBe(`${apiKey.slice(0, 12)}…`);
      await expect(row.locator('.scopes li').allTextContents()).resolves.toEqual(['shipments:read', 'pod:write']);
      await expect(row.locator('.badge').textContent()).resolves.toBe('active');

      await reveal.locator('button.copy-key').click();
      await reveal.locator('.copy-status', { hasText: 'Copied to the clipboard.' }).waitFor();
      await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(apiKey);
      await page.screenshot({ path: `/tmp/portal-consumers-${engine}.png`, fullPage: true });

      // The key from the page, at the gateway: refused without it, served with it.
      expect((await send('GET', gatewayUrl(t) + SHIPMENTS)).status).toBe(401);
      const served = await eventually(() => send('GET', gatewayUrl(t) + SHIPMENTS, { headers: { 'x-api-key': apiKey } }), (r) => r.status === 200);
      expect(served.status).toBe(200);
      expect(served.headers['x-charter-mock']).toBe('true');

      // Shown once: after leaving the view and coming back, only its prefix is on the page.
      await page.goto(`${t.url}/#/`);
      await page.goto(`${t.url}/#/consumers`);
      await section.locator('tr[data-state="active"]').waitFor();
      await expect(page.content()).resolves.not.toContain(apiKey);
      await expect(section.locator('.key-reveal').count()).resolves.toBe(0);
    });

    it('revokes the key after a confirmation, and the gateway refuses it', async () => {
      const section = page.locator('section.consumer[data-consumer="carrier-portal"]');
      const row = section.locator(`tr[data-key-id="${keyId}"]`);
      await row.locator('button.revoke').click();
      const dialog = page.locator('dialog.confirm');
      await dialog.waitFor();
      await expect(dialog.locator('h2').textContent()).resolves.toBe(`Revoke key ${apiKey.slice(0, 12)}…?`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect(row.getAttribute('data-state')).resolves.toBe('active');

      await row.locator('button.revoke').click();
      await dialog.getByRole('button', { name: 'Revoke key' }).click();
      await section.locator(`tr[data-key-id="${keyId}"][data-state="revoked"]`).waitFor();
      await expect(section.locator(`tr[data-key-id="${keyId}"] .badge`).textContent()).resolves.toBe('revoked');
      await expect(section.locator(`tr[data-key-id="${keyId}"] button.revoke`).count()).resolves.toBe(0);
      await expect(page.locator('#consumers-status').textContent()).resolves.toContain('revoked');

      const refused = await eventually(() => send('GET', gatewayUrl(t) + SHIPMENTS, { headers: { 'x-api-key': apiKey } }), (r) => r.status === 401);
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    });

    it('shows a consumer with its keys and the APIs it called', async () => {
      // The gateway flushes usage every few seconds; hand the feed the batch its sink would.
      const day = new Date().toISOString().slice(0, 10);
      await t.app.get(RegistryFeed).recordUsage([
        { day, domain: 'dispatch', api: 'shipments', major: 1, operation: 'listShipments', consumer: 'carrier-portal', requests: 4, errors: 1, lastSeenAt: new Date() },
      ]);
      await page.click('section.consumer[data-consumer="carrier-portal"] h3 a');
      await page.locator('table.consumer-usage').waitFor();
      await expect(page.locator('main h1').textContent()).resolves.toBe('Carrier portal');
      await expect(page.locator(`tr[data-key-id="${keyId}"]`).getAttribute('data-state')).resolves.toBe('revoked');
      const usage = page.locator('table.consumer-usage tbody tr').first();
      await expect(usage.locator('a').getAttribute('href')).resolves.toBe('#/apis/dispatch/shipments/usage');
      await expect(usage.locator('td.num').allTextContents()).resolves.toEqual(['4', '1']);
      expect(errors).toEqual([]);
    });
  });
}
