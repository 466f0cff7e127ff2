/**
 * `charter lint` end to end, in-process: exit codes 0 (clean, warnings allowed),
 * 1 (error findings), 2 (could not run), output formats, and messages that name
 * the file and rule without a stack trace.
 */
import { charter as runCharter } from '../../../test/support/run-cli';

const DIR = 'test/fixtures/lint/cli';

async function charter(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, out, err } = await runCharter(...args);
  return { code, stdout: out, stderr: err };
}

describe('charter lint', () => {
  it('exits 0 on a contract with no error findings, with the tree and domain governance', async () => {
    const r = await charter('lint', `${DIR}/tree/dispatch/shipments.openapi.yaml`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('no findings\n');
    expect(r.code).toBe(0);
  });

  it('exits 1 on error findings and prints file:line:col severity rule message', async () => {
    const r = await charter('lint', `${DIR}/tree/dispatch/violating.openapi.yaml`);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      `${DIR}/tree/dispatch/violating.openapi.yaml:7:19 error charter-paths-kebab-case path /shipmentOrders: segment "shipmentOrders" is not kebab-case`,
    );
    expect(lines).toContain(
      `${DIR}/tree/dispatch/violating.openapi.yaml:8:9 error charter-correlation-id-header GET /shipmentOrders does not accept the x-correlation-id header, which this domain requires (domain.yaml correlation.required)`,
    );
    expect(lines[lines.length - 1]).toMatch(/^\d+ findings: [1-9]\d* errors?, /);
    expect(r.stderr).toBe('');
  });

  it('prints JSON with findings and a summary', async () => {
    const r = await charter('lint', '--format', 'json', `${DIR}/tree/dispatch/violating.openapi.yaml`, `${DIR}/tree/dispatch/shipments.openapi.yaml`);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; source: { file: string } }>; summary: { error: number } };
    expect(out.summary.error).toBeGreaterThan(0);
    expect(new Set(out.findings.map((f) => f.source.file))).toEqual(new Set([`${DIR}/tree/dispatch/violating.openapi.yaml`]));
  });

  it('prints SARIF 2.1.0 with rule descriptions', async () => {
    const r = await charter('lint', '--format', 'sarif', `${DIR}/tree/dispatch/violating.openapi.yaml`);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription?: { text: string } }> } }; results: unknown[] }> };
    expect(log.version).toBe('2.1.0');
    const rule = log.runs[0].tool.driver.rules.find((x) => x.id === 'charter-paths-kebab-case');
    expect(rule?.shortDescription?.text).toBe('Path segments are kebab-case.');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('exits 2 on a broken ruleset file, naming the file and line', async () => {
    const r = await charter('lint', `${DIR}/broken-ruleset/api.openapi.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^charter lint: ${DIR}/broken-ruleset/governance/ruleset.yaml:\\d+:\\d+ RULESET_INVALID: .*not valid YAML`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown rule name, naming the file, line and rule', async () => {
    const r = await charter('lint', `${DIR}/unknown-rule/api.openapi.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`charter lint: ${DIR}/unknown-rule/charter.yaml:4:5 UNKNOWN_RULE: unknown rule "charter-operation-metdata" in lint.rules\n`);
  });

  it('exits 2 when a rule function throws, naming the rule, its ruleset file and the contract', async () => {
    const r = await charter('lint', '--ruleset', `${DIR}/rulesets/throwing.yaml`, `${DIR}/tree/dispatch/shipments.openapi.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `charter lint: ${DIR}/rulesets/throwing.yaml:4:3 RULE_FUNCTION_FAILED: rule "explosive" (${DIR}/rulesets/throwing.yaml, function "explode") failed while linting dispatch/shipments.openapi.yaml at /info: TypeError: Cannot read properties of undefined (reading 'field')\n`,
    );
  });

  it('exits 2 on a missing file or an unknown format', async () => {
    const missing = await charter('lint', `${DIR}/tree/dispatch/nope.yaml`);
    expect([missing.code, missing.stderr]).toEqual([2, `charter lint: ${DIR}/tree/dispatch/nope.yaml: no such file\n`]);
    const format = await charter('lint', '--format', 'xml', `${DIR}/tree/dispatch/shipments.openapi.yaml`);
    expect([format.code, format.stderr]).toEqual([2, 'charter lint: --format must be one of text, json, sarif, got "xml"\n']);
  });
});
