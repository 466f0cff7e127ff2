/**
 * The real-world corpus (../shared/corpus, see its MANIFEST.md) through the loader,
 * as the registry receives documents: one stored text each. Every OpenAPI 3.x and
 * AsyncAPI document is structurally valid; what Charter refuses is named here file
 * by file, so a change in behaviour on real documents shows up as a diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../../../test/fixtures/document/fixture-source';
import type { IssueCode } from '../report/issue';
import { loadContractText } from './load-contract';

type Expected = { ok: string } | { refused: IssueCode[] };

// Charter versions contracts by semver: documents whose info.version is a date
// ('2022-11-15'), a bare number ('71') or two-part ('2.13') are refused for that
// alone (pointer /info/version); everything else in them validates.
const EXPECTED: Record<string, Expected> = {
  'adyen-checkout-v71/2025-11-06_f1b0beb.json': { refused: ['INVALID_VERSION'] },
  'adyen-checkout-v71/2026-05-28_74fabab.json': { refused: ['INVALID_VERSION'] },
  'amazon-sp-fulfillment-inbound/2025-02-18_32bc659.json': { refused: ['UNSUPPORTED_SPEC_VERSION'] },
  'amazon-sp-fulfillment-inbound/2025-09-11_fdfe07b.json': { refused: ['UNSUPPORTED_SPEC_VERSION'] },
  // Payloads are remote Avro files: refused, never fetched.
  'asyncapi-adeo-kafka/3.0.0.yml': { refused: ['REMOTE_REF_REFUSED', 'REMOTE_REF_REFUSED', 'REMOTE_REF_REFUSED'] },
  'asyncapi-adeo-kafka/3.1.0.yml': { refused: ['REMOTE_REF_REFUSED', 'REMOTE_REF_REFUSED'] },
  'asyncapi-gemini-ws/2.6.0.yml': { ok: 'asyncapi 2.6.0' },
  'asyncapi-gemini-ws/3.0.0.yml': { ok: 'asyncapi 3.0.0' },
  'asyncapi-kraken-ws/3.0.0.yml': { ok: 'asyncapi 3.0.0' },
  'asyncapi-slack-rtm/2.0.0.yml': { ok: 'asyncapi 2.0.0' },
  'asyncapi-slack-rtm/2.6.0.yml': { ok: 'asyncapi 2.6.0' },
  'asyncapi-slack-rtm/3.0.0.yml': { ok: 'asyncapi 3.0.0' },
  'asyncapi-streetlights/2.0.0.yml': { ok: 'asyncapi 2.0.0' },
  'asyncapi-streetlights/2.6.0.yml': { ok: 'asyncapi 2.6.0' },
  'asyncapi-streetlights/3.0.0.yml': { ok: 'asyncapi 3.0.0' },
  'canton-json-ledger-ws/3.4.0-SNAPSHOT_2025-10-10_79e645e.yaml': { ok: 'asyncapi 2.6.0' },
  'canton-json-ledger-ws/3.6.0-SNAPSHOT_2026-07-06_cc0322c.yaml': { ok: 'asyncapi 2.6.0' },
  // The originals carry `$ref: https://...` inside SCIM example payloads: data, not refs.
  'github-rest/2021-03-08_7f3666d.json': { ok: 'openapi 3.0.3' },
  'github-rest/2021-03-08_7f3666d.no-example-ref.json': { ok: 'openapi 3.0.3' },
  'github-rest/2021-09-30_f5a1dd3.json': { ok: 'openapi 3.0.3' },
  'github-rest/2021-09-30_f5a1dd3.no-example-ref.json': { ok: 'openapi 3.0.3' },
  'paypal-checkout-orders-v2/2023-08-12_6f8a0f1.json': { refused: ['INVALID_VERSION'] },
  'paypal-checkout-orders-v2/2024-02-02_fb6f126.json': { refused: ['INVALID_VERSION'] },
  // Also two `(?i)...` patterns, which are not ECMA-262 regular expressions.
  'paypal-invoicing-v2/2023-08-12_6f8a0f1.json': { refused: ['INVALID_VERSION', 'SCHEMA_VIOLATION', 'SCHEMA_VIOLATION'] },
  'paypal-invoicing-v2/2024-02-02_fb6f126.json': { refused: ['INVALID_VERSION', 'SCHEMA_VIOLATION', 'SCHEMA_VIOLATION'] },
  'paypal-shipment-tracking-v1/2023-08-12_6f8a0f1.json': { refused: ['INVALID_VERSION'] },
  'paypal-shipment-tracking-v1/2024-02-02_fb6f126.json': { refused: ['INVALID_VERSION'] },
  'stripe/2023-03-07_d522a2a.yaml': { refused: ['INVALID_VERSION'] },
  'stripe/2023-09-12_63a6746.yaml': { refused: ['INVALID_VERSION'] },
  'xero-accounting/10.0.0.yaml': { ok: 'openapi 3.0.0' },
  'xero-accounting/16.1.0.yaml': { ok: 'openapi 3.0.0' },
  'xero-payroll-au/10.0.0.yaml': { ok: 'openapi 3.0.0' },
  'xero-payroll-au/16.1.0.yaml': { ok: 'openapi 3.0.0' },
};

const corpusFiles = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(CORPUS, d.name)).map((f) => `${d.name}/${f}`))
  .sort();

describe('the shared corpus', () => {
  it('has an expectation for every document', () => {
    expect(corpusFiles).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(corpusFiles)('%s', async (file) => {
    const expected = EXPECTED[file];
    const result = await loadContractText(readFileSync(path.join(CORPUS, file)), file);
    if ('ok' in expected) {
      if (!result.ok) {
        throw new Error(JSON.stringify(result.errors.slice(0, 5), null, 2));
      }
      expect(`${result.value.kind} ${result.value.specVersion}`).toBe(expected.ok);
      expect(result.value.digest).toMatch(/^[0-9a-f]{64}$/);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors.map((e) => e.code)).toEqual(expected.refused);
    for (const issue of result.errors) {
      expect(issue.source).toEqual(expect.objectContaining({ file, line: expect.any(Number), column: expect.any(Number) }));
    }
    const version = result.errors.find((e) => e.code === 'INVALID_VERSION');
    if (version) {
      expect(version.source.pointer).toBe('/info/version');
    }
  });
});
