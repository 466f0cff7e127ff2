/**
 * The portal in a real browser (Chromium via playwright-core) against the seeded
 * example contracts: catalog, search, API page, OpenAPI and AsyncAPI docs, the
 * changelog of a freshly published version, problem pages and the token field.
 */
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

const CONTRACTS = path.join(__dirname, '..', '..', 'contracts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  return page;
}

async function apiKeys(page: Page): Promise<Array<string | null>> {
  return Promise.all((await page.locator('.api-card').all()).map((card) => card.getAttribute('data-api')));
}

describe('portal with anonymous reads', () => {
  let t: TestApp;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite', { CHARTER_SEED: 'true', CHARTER_CONTRACTS_DIR: CONTRACTS, CHARTER_ANONYMOUS_READ: 'true' });
    page = await newPage();
    page.on('pageerror', (err) => errors.push(err.message));
  });

  afterAll(async () => {
    await page?.close();
    await t?.close();
  });

  it('lists the five example APIs and narrows them by search', async () => {
    await page.goto(`${t.url}/`);
    await page.locator('.api-card').nth(4).waitFor();
    const cards = await apiKeys(page);
    expect(cards.sort()).toEqual(['crm/customer-service', 'dispatch/dispatch-events', 'dispatch/shipments', 'erp/accounts-receivable', 'erp/erp-events']);
    await expect(page.locator('.api-card .badge-published').count()).resolves.toBe(5);

    const expected = ((await (await fetch(`${t.url}/api/apis?q=invoice`)).json()) as { items: Array<{ domain: string; api: string }> }).items
      .map((a) => `${a.domain}/${a.api}`)
      .sort();
    expect(expected).toContain('erp/accounts-receivable');
    expect(expected.length).toBeLessThan(5);
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

describe('portal without anonymous reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('pglite', { CHARTER_SEED: 'true', CHARTER_CONTRACTS_DIR: CONTRACTS, CHARTER_ANONYMOUS_READ: 'false' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows the 401 problem, then reads the registry with the token from the token field', async () => {
    const page = await newPage();
    try {
      await page.goto(`${t.url}/`);
      const problem = page.locator('.problem');
      await problem.waitFor();
      await expect(problem.textContent()).resolves.toContain('Authentication required');
      await expect(problem.locator('a').getAttribute('href')).resolves.toBe('/problems/unauthenticated');

      await page.fill('#token-input', t.token({ role: 'reader' }));
      await page.click('#token-form button[type=submit]');
      await page.locator('.api-card').nth(4).waitFor();
      await expect(page.locator('.api-card').count()).resolves.toBe(5);
      await expect(page.evaluate("sessionStorage.getItem('charter.portal.token')")).resolves.toMatch(/^ey/);
    } finally {
      await page.close();
    }
  });
});
