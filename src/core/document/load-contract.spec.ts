import { contractOf, errorsOf, fixtureSource, readFixture } from '../../../test/fixtures/document/fixture-source';
import { canonicalJson, sha256Hex } from './canonical-json';
import { loadContract, loadContractText } from './load-contract';

describe('loadContract: valid documents', () => {
  it.each([
    ['openapi-3.0.yaml', 'openapi', '3.0.3', '1.2.0', 'Shipments API', 'yaml'],
    ['openapi-3.1.json', 'openapi', '3.1.0', '2.0.0', 'Invoices API', 'json'],
    ['asyncapi-2.6.yaml', 'asyncapi', '2.6.0', '1.0.0', 'Shipment events', 'yaml'],
    ['asyncapi-3.0.yaml', 'asyncapi', '3.0.0', '3.1.4', 'Dispatch events', 'yaml'],
  ])('loads %s', async (file, kind, specVersion, version, title, format) => {
    const contract = contractOf(await loadContract(file, fixtureSource('valid')));
    expect(contract).toMatchObject({ kind, specVersion, version, title, format, file, files: [file] });
    expect(contract.digest).toBe(sha256Hex(canonicalJson(contract.document)));
    expect(contract.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps internal refs as they are', async () => {
    const contract = contractOf(await loadContract('openapi-3.0.yaml', fixtureSource('valid')));
    const get = (contract.document.paths as Record<string, Record<string, { parameters: unknown[] }>>)['/shipments'].get;
    expect(get.parameters[0]).toEqual({ $ref: '#/components/parameters/Limit' });
  });

  it('gives the same digest to the same content in YAML and in JSON', async () => {
    const yaml = contractOf(await loadContract('openapi-3.0.yaml', fixtureSource('valid')));
    const asJson = JSON.stringify(yaml.document, null, 2);
    const json = contractOf(await loadContractText(asJson, 'openapi-3.0.json'));
    expect(json.format).toBe('json');
    expect(json.digest).toBe(yaml.digest);
    // Key order and whitespace do not matter either.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(yaml.document).reverse()));
    expect(contractOf(await loadContractText(reordered, 'x.json')).digest).toBe(yaml.digest);
  });

  it('loads a stored document given as bytes', async () => {
    const bytes = new TextEncoder().encode(await readFixture('valid/asyncapi-3.0.yaml'));
    expect(contractOf(await loadContractText(bytes, 'stored.yaml')).version).toBe('3.1.4');
  });
});

describe('loadContract: refused documents', () => {
  it.each([
    ['invalid-json.json', 'PARSE_ERROR', '', 6],
    ['invalid-yaml.yaml', 'PARSE_ERROR', '', 4],
    ['duplicate-key.yaml', 'PARSE_ERROR', '', 11],
    ['swagger-2.0.json', 'UNSUPPORTED_SPEC_VERSION', '/swagger', 2],
    ['openapi-4.0.yaml', 'UNSUPPORTED_SPEC_VERSION', '/openapi', 1],
    ['alias-bomb.yaml', 'ALIAS_LIMIT_EXCEEDED', undefined, undefined],
    ['recursive-alias.yaml', 'DEPTH_LIMIT_EXCEEDED', '/x-loop/0', 5],
    ['too-deep.yaml', 'DEPTH_LIMIT_EXCEEDED', undefined, 4],
    ['not-an-object.yaml', 'NOT_AN_OBJECT', '', 1],
    ['unknown-format.yaml', 'UNKNOWN_FORMAT', '', 1],
    ['invalid-version.yaml', 'INVALID_VERSION', '/info/version', 4],
    ['dangling-ref.yaml', 'REF_NOT_FOUND', '/paths/~1a/get/responses/200/content/application~1json/schema/$ref', 14],
    ['duplicate-operation-id.yaml', 'SEMANTIC_ERROR', '/paths/~1b/get/operationId', 14],
  ])('refuses %s with %s', async (file, code, pointer, line) => {
    const [issue, ...rest] = errorsOf(await loadContract(file, fixtureSource('bad')));
    expect(rest).toEqual([]);
    expect(issue.code).toBe(code);
    expect(issue.source.file).toBe(file);
    if (pointer !== undefined) {
      expect(issue.source.pointer).toBe(pointer);
    }
    if (line !== undefined) {
      expect(issue.source.line).toBe(line);
    }
    expect(issue.source.column).toEqual(expect.any(Number));
  });

  it('refuses an oversized document before parsing', async () => {
    const [issue] = errorsOf(await loadContract('oversized.yaml', fixtureSource('bad'), { maxBytes: 4096 }));
    expect(issue).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', source: { file: 'oversized.yaml', pointer: '' } });
  });

  it('reports a missing entry file, and an entry path outside the tree', async () => {
    const [missing] = errorsOf(await loadContract('nope.yaml', fixtureSource('bad')));
    expect(missing).toMatchObject({ code: 'FILE_NOT_FOUND', source: { file: 'nope.yaml', pointer: '' } });
    const source = fixtureSource('tree');
    const [outside] = errorsOf(await loadContract('../valid/openapi-3.0.yaml', source));
    expect(outside.code).toBe('REF_OUTSIDE_TREE');
    expect(source.reads).toEqual([]);
  });

  it('reports missing and extra path template parameters', async () => {
    const issues = errorsOf(await loadContract('missing-path-param.yaml', fixtureSource('bad')));
    expect(issues.map((i) => [i.code, i.source.pointer, i.source.line])).toEqual([
      ['SEMANTIC_ERROR', '/paths/~1shipments~1{shipmentId}~1legs~1{legId}/get', 13],
      ['SEMANTIC_ERROR', '/paths/~1shipments~1{shipmentId}~1legs~1{legId}/get/parameters/0', 16],
    ]);
    expect(issues[0].message).toContain('{legId}');
    expect(issues[1].message).toContain("'stopId'");
  });

  it('reports readable schema violations, without oneOf noise, in document order', async () => {
    const issues = errorsOf(await loadContract('schema-violation.yaml', fixtureSource('bad')));
    expect(issues.map((i) => [i.code, i.message, i.source.pointer, i.source.line])).toEqual([
      ['SCHEMA_VIOLATION', 'must be one of: "path", "query", "header", "cookie"', '/paths/~1a/get/parameters/0/in', 10],
      ['SCHEMA_VIOLATION', "unknown property 'descripton'", '/paths/~1a/get/responses/200/descripton', 15],
      ['SCHEMA_VIOLATION', "missing required property 'responses'", '/paths/~1b/post', 17],
      [
        'SCHEMA_VIOLATION',
        'must be one of: "array", "boolean", "integer", "number", "object", "string"',
        '/components/schemas/Thing/properties/id/type',
        25,
      ],
    ]);
  });

  it('caps schema violations and says how many more there are', async () => {
    const paths = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`/p${i}`, { get: { responses: { '200': {} } } }]));
    const text = JSON.stringify({ openapi: '3.0.3', info: { title: 'many', version: '1.0.0' }, paths });
    const issues = errorsOf(await loadContractText(text, 'many.json'));
    expect(issues).toHaveLength(51);
    expect(issues[50]).toMatchObject({ code: 'SCHEMA_VIOLATION', message: '30 more schema violations not shown' });
  });

  it('validates OpenAPI 3.1 and AsyncAPI 3.0 documents against their own schemas', async () => {
    const openapi = errorsOf(
      await loadContractText(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1.0.0' }, paths: { '/a': { get: { responses: 'nope' } } } }), 'a.json'),
    );
    expect(openapi.map((i) => [i.code, i.source.pointer])).toEqual([['SCHEMA_VIOLATION', '/paths/~1a/get/responses']]);
    const asyncapi = errorsOf(
      await loadContractText('asyncapi: 3.0.0\ninfo:\n  title: t\n  version: 1.0.0\noperations:\n  op:\n    action: listen\n', 'b.yaml'),
    );
    expect(asyncapi.map((i) => i.code)).toContain('SCHEMA_VIOLATION');
    expect(asyncapi.every((i) => i.source.file === 'b.yaml' && i.source.line !== undefined)).toBe(true);
  });
});

describe('loadContract: options for callers that only compare', () => {
  const source = fixtureSource('bad');

  it('accepts a non-semver info.version when it is the only issue, keeping the text', async () => {
    const contract = contractOf(await loadContract('invalid-version.yaml', source, undefined, { allowNonSemverVersion: true }));
    expect(contract.version).toBe((contract.document.info as { version: string }).version);
  });

  it('still reports the version issue, located, beside any other issue', async () => {
    const withOther = {
      read: async (p: string) => ((await source.read(p)) ?? '').replace(/^paths: \{\}/m, 'paths:\n  /x/{id}:\n    get:\n      responses: { "200": { description: ok } }'),
    };
    const errors = errorsOf(await loadContract('invalid-version.yaml', withOther, undefined, { allowNonSemverVersion: true }));
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(['INVALID_VERSION', 'SEMANTIC_ERROR']));
    expect(errors.find((e) => e.code === 'INVALID_VERSION')?.source.line).toBe(4);
  });

  it('computes a lazy digest on first read, equal to the eager one', async () => {
    const eager = contractOf(await loadContract('openapi-3.0.yaml', fixtureSource('valid')));
    const lazy = contractOf(await loadContract('openapi-3.0.yaml', fixtureSource('valid'), undefined, { digest: 'lazy' }));
    expect(lazy.digest).toBe(eager.digest);
    expect(lazy).toEqual(eager);
  });
});
