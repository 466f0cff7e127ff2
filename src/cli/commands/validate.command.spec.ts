import { charter } from '../../../test/support/run-cli';

const FIXTURES = 'test/fixtures/document';


describe('charter validate', () => {
  it('prints one line per valid file and exits 0', async () => {
    const result = await charter('validate', `${FIXTURES}/valid/openapi-3.1.json`, `${FIXTURES}/valid/asyncapi-2.6.yaml`);
    expect(result).toEqual({
      code: 0,
      out:
        `${FIXTURES}/valid/openapi-3.1.json: valid (openapi 3.1.0, version 2.0.0)\n` +
        `${FIXTURES}/valid/asyncapi-2.6.yaml: valid (asyncapi 2.6.0, version 1.0.0)\n`,
      err: '',
    });
  });

  it('validates a multi-file contract inside its contracts tree', async () => {
    const result = await charter('validate', `${FIXTURES}/tree/dispatch/shipments.openapi.yaml`);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${FIXTURES}/tree/dispatch/shipments.openapi.yaml: valid (openapi 3.0.3, version 1.0.0)\n`);
  });

  it('prints file:line:col CODE message (pointer) per issue and exits 1', async () => {
    const result = await charter('validate', `${FIXTURES}/bad/missing-path-param.yaml`, `${FIXTURES}/valid/openapi-3.0.yaml`);
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect(result.out.split('\n')).toEqual([
      `${FIXTURES}/bad/missing-path-param.yaml:13:5 SEMANTIC_ERROR path parameter {legId} of '/shipments/{shipmentId}/legs/{legId}' is not declared: add a parameter with name: legId and in: path (/paths/~1shipments~1{shipmentId}~1legs~1{legId}/get)`,
      `${FIXTURES}/bad/missing-path-param.yaml:16:11 SEMANTIC_ERROR parameter 'stopId' is declared in: path, but '/shipments/{shipmentId}/legs/{legId}' has no {stopId} (/paths/~1shipments~1{shipmentId}~1legs~1{legId}/get/parameters/0)`,
      `${FIXTURES}/valid/openapi-3.0.yaml: valid (openapi 3.0.3, version 1.2.0)`,
      '',
    ]);
  });

  it('names the file an issue is in, even when it is a referenced file', async () => {
    const result = await charter('validate', `${FIXTURES}/tree/refs/escaping.openapi.yaml`);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      `${FIXTURES}/tree/refs/escaping.openapi.yaml:8:7 REF_OUTSIDE_TREE $ref '../../etc/passwd' resolves outside the contracts tree (/components/schemas/DotDot/$ref)`,
    );
  });

  it('reports parse errors and refused documents without a stack trace', async () => {
    const result = await charter(
      'validate',
      `${FIXTURES}/bad/invalid-json.json`,
      `${FIXTURES}/bad/alias-bomb.yaml`,
      `${FIXTURES}/bad/swagger-2.0.json`,
    );
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^test\/fixtures\/document\/bad\/invalid-json\.json:6:3 PARSE_ERROR invalid JSON: /m);
    expect(result.out).toMatch(/^test\/fixtures\/document\/bad\/alias-bomb\.yaml:\d+:\d+ ALIAS_LIMIT_EXCEEDED /m);
    expect(result.out).toMatch(/^test\/fixtures\/document\/bad\/swagger-2\.0\.json:2:14 UNSUPPORTED_SPEC_VERSION Swagger '2\.0'/m);
    expect(`${result.out}${result.err}`).not.toMatch(/\n\s+at /);
  });

  it('prints a JSON array of results with --format json', async () => {
    const result = await charter('validate', '--format', 'json', `${FIXTURES}/valid/asyncapi-3.0.yaml`, `${FIXTURES}/bad/invalid-version.yaml`);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as unknown[];
    expect(parsed).toEqual([
      expect.objectContaining({ file: `${FIXTURES}/valid/asyncapi-3.0.yaml`, valid: true, kind: 'asyncapi', specVersion: '3.0.0', version: '3.1.4', errors: [] }),
      {
        file: `${FIXTURES}/bad/invalid-version.yaml`,
        valid: false,
        errors: [
          {
            code: 'INVALID_VERSION',
            message: expect.stringContaining("'v1.2.0'"),
            file: `${FIXTURES}/bad/invalid-version.yaml`,
            line: 4,
            column: 3,
            pointer: '/info/version',
          },
        ],
      },
    ]);
  });

  it('exits 2 when a file cannot be read, and still reports the others', async () => {
    const result = await charter('validate', `${FIXTURES}/valid/openapi-3.1.json`, `${FIXTURES}/nope.yaml`);
    expect(result.code).toBe(2);
    expect(result.out).toBe(`${FIXTURES}/valid/openapi-3.1.json: valid (openapi 3.1.0, version 2.0.0)\n`);
    expect(result.err).toBe(`charter validate: cannot read ${FIXTURES}/nope.yaml: no such file\n`);
  });

  it('exits 2 on a directory, no files or an unknown format', async () => {
    expect((await charter('validate', FIXTURES)).code).toBe(2);
    expect((await charter('validate')).code).toBe(2);
    const badFormat = await charter('validate', '--format', 'xml', `${FIXTURES}/valid/openapi-3.1.json`);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('--format must be one of text, json');
  });
});

describe('charter validate on the example contracts', () => {
  it('passes on every contract of contracts/', async () => {
    const { listContractsTree } = await import('../../platform/contracts-fs/contracts-tree');
    const tree = await listContractsTree('contracts');
    const files = tree.contracts.map((c) => `contracts/${c.entry}`);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const result = await charter('validate', ...files);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n')).toHaveLength(files.length);
  });
});
