import { readFixture } from '../../../test/fixtures/document/fixture-source';
import type { Issue } from '../report/issue';
import type { Result } from '../result';
import { parseDocument } from './parse-document';
import type { ParsedDocument } from './types';

function errorsOf(result: Result<ParsedDocument>): Issue[] {
  if (result.ok) {
    throw new Error('expected a failure');
  }
  return result.errors;
}

function valueOf(result: Result<ParsedDocument>): ParsedDocument {
  if (!result.ok) {
    throw new Error(`expected success: ${JSON.stringify(result.errors)}`);
  }
  return result.value;
}

describe('parseDocument', () => {
  it('parses YAML and maps pointers back to the line of the key', async () => {
    const text = await readFixture('valid/openapi-3.0.yaml');
    const doc = valueOf(parseDocument(text, 'valid/openapi-3.0.yaml'));
    expect(doc.format).toBe('yaml');
    expect((doc.data as { info: { version: string } }).info.version).toBe('1.2.0');
    expect(doc.locate('/info/version')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('/paths/~1shipments~1{shipmentId}/get/responses/200')).toEqual({ line: 34, column: 9 });
    // A pointer that leaves the document resolves to its nearest ancestor.
    expect(doc.locate('/info/nope/deeper')).toEqual({ line: 2, column: 1 });
  });

  it('parses JSON with JSON.parse and locates pointers lazily', async () => {
    const text = await readFixture('valid/openapi-3.1.json');
    const doc = valueOf(parseDocument(text, 'valid/openapi-3.1.json'));
    expect(doc.format).toBe('json');
    // JSON pointers resolve to the value (on the key's line in any usual layout).
    expect(doc.locate('/info/version')).toEqual({ line: 3, column: 49 });
    expect(doc.locate('/paths/~1invoices~1{invoiceId}/get/parameters/0/in')).toEqual({ line: 9, column: 40 });
  });

  it('sniffs the format of a document whose name has no known extension', () => {
    expect(valueOf(parseDocument('{"a": [1, 2]}', 'body')).format).toBe('json');
    expect(valueOf(parseDocument('a: [1, 2]', 'body')).format).toBe('yaml');
    // YAML flow syntax that is not JSON falls back to the YAML parser.
    expect(valueOf(parseDocument('{a: 1}', 'body')).data).toEqual({ a: 1 });
  });

  it('gives the same data for the same content in YAML and JSON, YAML 1.2 core schema', () => {
    const yaml = valueOf(parseDocument('a: 2023-01-01\nb: yes\nc: 1.0\nd: ~\n', 'x.yaml'));
    const json = valueOf(parseDocument('{"a":"2023-01-01","b":"yes","c":1,"d":null}', 'x.json'));
    expect(yaml.data).toEqual(json.data);
  });

  it('accepts bytes, strips a BOM and refuses invalid UTF-8', () => {
    const bytes = new TextEncoder().encode('\uFEFFa: 1\n');
    expect(valueOf(parseDocument(bytes, 'x.yaml')).data).toEqual({ a: 1 });
    const broken = new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]);
    expect(errorsOf(parseDocument(broken, 'x.yaml'))[0]).toMatchObject({ code: 'PARSE_ERROR', source: { file: 'x.yaml' } });
  });

  it('keeps an own __proto__ key as data without touching prototypes', () => {
    const doc = valueOf(parseDocument('__proto__: {polluted: true}\n', 'x.yaml'));
    expect(Object.prototype.hasOwnProperty.call(doc.data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports invalid JSON with its line and column', async () => {
    const [issue] = errorsOf(parseDocument(await readFixture('bad/invalid-json.json'), 'bad/invalid-json.json'));
    expect(issue).toEqual({
      code: 'PARSE_ERROR',
      message: expect.stringContaining('invalid JSON'),
      source: { file: 'bad/invalid-json.json', pointer: '', line: 6, column: 3 },
    });
  });

  it('reports invalid YAML with its line and column', async () => {
    const [issue] = errorsOf(parseDocument(await readFixture('bad/invalid-yaml.yaml'), 'bad/invalid-yaml.yaml'));
    expect(issue).toMatchObject({ code: 'PARSE_ERROR', source: { file: 'bad/invalid-yaml.yaml', line: 4 } });
    expect(issue.message).toMatch(/^invalid YAML: /);
  });

  it('refuses duplicate YAML keys as a parse error on the duplicate line', async () => {
    const [issue] = errorsOf(parseDocument(await readFixture('bad/duplicate-key.yaml'), 'bad/duplicate-key.yaml'));
    expect(issue).toMatchObject({ code: 'PARSE_ERROR', message: "duplicate key '/a'", source: { line: 11, column: 3 } });
  });

  it('stops a billion-laughs alias bomb', async () => {
    const [issue] = errorsOf(parseDocument(await readFixture('bad/alias-bomb.yaml'), 'bad/alias-bomb.yaml'));
    expect(issue.code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(issue.source.file).toBe('bad/alias-bomb.yaml');
  });

  it('limits the number of YAML aliases', () => {
    const text = `a: &x 1\nb: [${Array.from({ length: 20 }, () => '*x').join(', ')}]\n`;
    expect(errorsOf(parseDocument(text, 'x.yaml', { maxAliases: 10 }))[0].code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(parseDocument(text, 'x.yaml', { maxAliases: 30 }).ok).toBe(true);
  });

  it('applies YAML merge keys, within a bound', () => {
    expect(valueOf(parseDocument('x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\n', 'x.yaml')).data).toEqual({ x: { a: 1 }, y: { a: 1, b: 2 } });
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}: 1`).join(', ');
    const merges = Array.from({ length: 100 }, (_, i) => `b${i}: {<<: *a}`).join('\n');
    expect(errorsOf(parseDocument(`a: &a {${keys}}\n${merges}\n`, 'x.yaml'))[0].code).toBe('ALIAS_LIMIT_EXCEEDED');
  });

  it('reports a recursive alias at the alias', async () => {
    const [issue] = errorsOf(parseDocument(await readFixture('bad/recursive-alias.yaml'), 'bad/recursive-alias.yaml'));
    expect(issue).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', source: { pointer: '/x-loop/0', line: 5 } });
  });

  it('refuses documents nested deeper than the limit, YAML and JSON', async () => {
    const [yamlIssue] = errorsOf(parseDocument(await readFixture('bad/too-deep.yaml'), 'bad/too-deep.yaml'));
    expect(yamlIssue).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', source: { file: 'bad/too-deep.yaml', line: 4 } });
    const json = `{"a":${'['.repeat(50)}${']'.repeat(50)}}`;
    const [jsonIssue] = errorsOf(parseDocument(json, 'deep.json', { maxDepth: 20 }));
    expect(jsonIssue.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(jsonIssue.source.pointer).toBe(`/a${'/0'.repeat(19)}`);
  });

  it('refuses an oversized document before parsing it', async () => {
    const text = await readFixture('bad/oversized.yaml');
    const [issue] = errorsOf(parseDocument(text, 'bad/oversized.yaml', { maxBytes: 4096 }));
    expect(issue).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', source: { file: 'bad/oversized.yaml', pointer: '' } });
    // Multi-byte characters count as bytes, not UTF-16 units.
    expect(errorsOf(parseDocument('a: "ééé"', 'x.yaml', { maxBytes: 9 }))[0].code).toBe('DOCUMENT_TOO_LARGE');
    expect(errorsOf(parseDocument(new Uint8Array(5000), 'x.yaml', { maxBytes: 4096 }))[0].code).toBe('DOCUMENT_TOO_LARGE');
    expect(parseDocument(text, 'bad/oversized.yaml').ok).toBe(true);
  });

  it('parses an empty or comment-only YAML document as null', () => {
    expect(valueOf(parseDocument('# nothing\n', 'x.yaml')).data).toBeNull();
    expect(valueOf(parseDocument('', 'x.yaml')).data).toBeNull();
  });
});
