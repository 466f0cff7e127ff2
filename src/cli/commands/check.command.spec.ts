/**
 * `charter check` against a real git repository made for each test: a contracts
 * tree committed, then edited in the work tree the way a pull request would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { charter, type CliResult } from '../../../test/support/run-cli';

const api = (version: string, extra: Record<string, unknown> = {}, required = ['id', 'status']) => ({
  openapi: '3.0.3',
  info: { title: 'Shipments', version },
  paths: {
    '/shipments/{id}': {
      get: {
        operationId: 'getShipment',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The shipment',
            content: { 'application/json': { schema: { type: 'object', required, properties: { id: { type: 'string' }, status: { type: 'string' }, ...extra } } } },
          },
        },
      },
    },
  },
});

let dir: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
const write = (rel: string, data: unknown) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), typeof data === 'string' ? data : stringify(data));
};

async function check(...args: string[]): Promise<CliResult> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await charter('check', ...args);
  } finally {
    process.chdir(cwd);
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-check-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  // An empty ruleset keeps these cases about compatibility, not governance.
  write('contracts/charter.yaml', 'lint:\n  ruleset: ./ruleset.yaml\ncompatibility: BACKWARD\n');
  write('contracts/ruleset.yaml', 'rules: {}\n');
  write('contracts/dispatch/domain.yaml', 'key: dispatch\nname: Dispatch\n');
  write('contracts/dispatch/shipments.openapi.yaml', api('1.0.0'));
  git('add', '.');
  git('commit', '-q', '-m', 'base');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('charter check', () => {
  it('passes when nothing changed', async () => {
    const r = await check();
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 contracts changed, 0 blocked');
  });

  it('blocks a breaking change without a major bump, and says why', async () => {
    write('contracts/dispatch/shipments.openapi.yaml', api('1.1.0', {}, ['id']));
    const r = await check('--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { blocked: boolean; contracts: Array<{ file: string; status: string; reasons: string[]; changes: Array<{ id: string; head: { line?: number } }> }> };
    expect(report.blocked).toBe(true);
    expect(report.contracts[0]).toMatchObject({ file: 'dispatch/shipments.openapi.yaml', status: 'modified' });
    expect(report.contracts[0].changes.map((c) => c.id)).toEqual(['response-property-became-optional']);
    expect(report.contracts[0].changes[0].head.line).toBeGreaterThan(0);
    expect(report.contracts[0].reasons.join('\n')).toMatch(/a major bump is needed/);
  });

  it('lets a breaking change through with a major bump', async () => {
    write('contracts/dispatch/shipments.openapi.yaml', api('2.0.0', {}, ['id']));
    expect((await check()).code).toBe(0);
  });

  it('passes an additive change with a minor bump and blocks it without one', async () => {
    write('contracts/dispatch/shipments.openapi.yaml', api('1.1.0', { eta: { type: 'string' } }));
    expect((await check()).code).toBe(0);
    write('contracts/dispatch/shipments.openapi.yaml', api('1.0.1', { eta: { type: 'string' } }));
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.out).toContain('a minor bump is needed');
  });

  it('honours a domain compatibility mode of NONE', async () => {
    write('contracts/dispatch/domain.yaml', 'key: dispatch\nname: Dispatch\ncompatibility: NONE\n');
    write('contracts/dispatch/shipments.openapi.yaml', api('1.0.1', {}, ['id']));
    expect((await check()).code).toBe(0);
  });

  it('blocks a deleted contract and reports a renamed one as renamed', async () => {
    unlinkSync(join(dir, 'contracts/dispatch/shipments.openapi.yaml'));
    const deleted = await check('--format', 'junit');
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain('<failure message="the contract was deleted');
    write('contracts/dispatch/shipment-service.openapi.yaml', api('1.0.0'));
    const renamed = await check('--format', 'json');
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.out).contracts[0]).toMatchObject({ status: 'renamed', previousFile: 'dispatch/shipments.openapi.yaml' });
  });

  it('blocks an invalid contract with located issues, and writes SARIF to --output', async () => {
    write('contracts/dispatch/shipments.openapi.yaml', 'openapi: 3.0.3\ninfo: {title: Shipments, version: 1.0.1}\npaths:\n  /a: {get: {}}\n');
    const r = await check('--format', 'sarif', '--output', 'report.sarif');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toMatch(/^invalid-contract\//);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('checks a new contract and a change through a shared schema', async () => {
    write('contracts/_canonical/party.yaml', { Party: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } });
    const withRef = { ...api('1.1.0') };
    (withRef.paths['/shipments/{id}'].get.responses['200'].content['application/json'].schema.properties as Record<string, unknown>).consignee = { $ref: '../_canonical/party.yaml#/Party' };
    write('contracts/dispatch/shipments.openapi.yaml', withRef);
    git('add', '.');
    git('commit', '-q', '-m', 'shared');
    write('contracts/_canonical/party.yaml', { Party: { type: 'object', properties: { name: { type: 'string' } } } });
    write('contracts/crm/cases.openapi.yaml', { ...api('0.1.0'), info: { title: 'Cases', version: '0.1.0' } });
    const r = await check('--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.out).toContain('### :white_check_mark: `crm/cases.openapi.yaml`');
    expect(r.out).toContain('### :x: `dispatch/shipments.openapi.yaml`');
    expect(r.out).toContain('response-property-became-optional');
  });

  it('exits 2 when the base revision does not exist or the tree is missing', async () => {
    const r = await check('--base', 'no-such-branch');
    expect(r.code).toBe(2);
    expect(r.err).toContain("the base revision 'no-such-branch' does not name a commit");
    expect((await check('--contracts', 'nowhere')).code).toBe(2);
    expect(existsSync(join(dir, 'report.sarif'))).toBe(false);
  });
});
