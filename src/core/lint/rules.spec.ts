/**
 * Every Charter rule has a violating fixture that fires it (at the expected places,
 * test/fixtures/lint/<rule-id>/expect.json) and a compliant one where it stays
 * silent; a rule without both fails the catalogue audit.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHARTER_RULES, lintContract, loadGovernance, type Finding, type GovernanceConfig } from '.';

const ROOT = join(__dirname, '../../../test/fixtures/lint');
const source = { read: (p: string) => readFile(join(ROOT, p), 'utf8').catch(() => undefined) };

const DISPATCH_DOMAIN = `
key: dispatch
owners:
  - team: dispatch-platform
    email: dispatch-platform@example.com
correlation:
  required: true
`;

function governance(domainYaml = DISPATCH_DOMAIN): GovernanceConfig {
  const g = loadGovernance({ domainYaml, domainFile: 'dispatch/domain.yaml' });
  if (!g.ok) {
    throw new Error(JSON.stringify(g.errors));
  }
  return g.value;
}

async function lintFixture(file: string, gov = governance()): Promise<Finding[]> {
  const r = await lintContract({ text: await readFile(join(ROOT, file), 'utf8'), file, source, governance: gov });
  if (!r.ok) {
    throw new Error(JSON.stringify(r.errors));
  }
  return r.value;
}

describe('rule catalogue', () => {
  it('has kebab-case ids prefixed charter-, each with a fixture that fires it and one where it is silent', () => {
    for (const rule of CHARTER_RULES) {
      expect(rule.id).toMatch(/^charter-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect([rule.id, existsSync(join(ROOT, rule.id, 'bad.yaml')), existsSync(join(ROOT, rule.id, 'good.yaml'))]).toEqual([rule.id, true, true]);
    }
    expect(new Set(CHARTER_RULES.map((r) => r.id)).size).toBe(CHARTER_RULES.length);
  });
});

describe.each(CHARTER_RULES.map((r) => [r.id, r.severity] as const))('%s', (id, severity) => {
  it('fires on the violating fixture, where expected', async () => {
    const expected = JSON.parse(await readFile(join(ROOT, id, 'expect.json'), 'utf8')) as Array<{ line: number; pointer: string; message: string }>;
    expect(expected.length).toBeGreaterThan(0);
    const found = (await lintFixture(`${id}/bad.yaml`)).filter((f) => f.ruleId === id);
    expect(found.map((f) => ({ line: f.source.line, pointer: f.source.pointer, message: f.message }))).toEqual(expected);
    expect(found.every((f) => f.severity === severity && f.source.file === `${id}/bad.yaml`)).toBe(true);
  });

  it('is silent on the compliant fixture', async () => {
    const found = (await lintFixture(`${id}/good.yaml`)).filter((f) => f.ruleId === id);
    expect(found).toEqual([]);
  });
});

describe('documents that follow every rule', () => {
  it.each(['clean/openapi.yaml', 'clean/asyncapi.yaml'])('%s has no Charter finding and nothing above info', async (file) => {
    const findings = await lintFixture(file);
    expect(findings.filter((f) => f.ruleId.startsWith('charter-') || f.severity === 'error' || f.severity === 'warn')).toEqual([]);
  });
});

describe('domain-dependent behaviour', () => {
  it('does not require x-correlation-id when the domain does not', async () => {
    const gov = governance('key: dispatch\nowners: [{ team: dispatch-platform }]\ncorrelation: { required: false }\n');
    const found = (await lintFixture('charter-correlation-id-header/bad.yaml', gov)).filter((f) => f.ruleId === 'charter-correlation-id-header');
    expect(found).toEqual([]);
  });

  it('without a domain, checks only that an owner is declared', async () => {
    const noDomain = loadGovernance({});
    if (!noDomain.ok) {
      throw new Error('governance');
    }
    const mismatched = (await lintFixture('charter-owner-matches-domain/bad.yaml', noDomain.value)).filter((f) => f.ruleId === 'charter-owner-matches-domain');
    expect(mismatched).toEqual([]);
    const r = await lintContract({ text: 'openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n', file: 'x.yaml', governance: noDomain.value });
    expect(r.ok && r.value.filter((f) => f.ruleId === 'charter-owner-matches-domain').map((f) => [f.message, f.source.pointer])).toEqual([
      ['contract declares no owner: set info.contact.email or x-owner', '/info'],
    ]);
  });

  it('takes the domain given to lintContract over the governance one', async () => {
    const crm = { key: 'crm', owners: [{ team: 'customer-care-platform' }], correlationRequired: false };
    const text = await readFile(join(ROOT, 'charter-channel-naming/bad.yaml'), 'utf8');
    const r = await lintContract({ text, file: 'crm/events.yaml', governance: governance(), domain: crm });
    expect(r.ok && r.value.filter((f) => f.ruleId === 'charter-channel-naming').map((f) => f.message)).toEqual([
      'channel address "shipment/booked" does not follow <domain>.<entity>.<event> (lowercase, dotted, kebab-case segments)',
      'channel address "Dispatch.Shipment.Booked" does not follow <domain>.<entity>.<event> (lowercase, dotted, kebab-case segments)',
    ]);
  });
});
