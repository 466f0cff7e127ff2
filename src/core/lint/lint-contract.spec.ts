/**
 * lintContract as the CLI and the registry call it: $refs resolve inside the
 * contracts tree only, findings point into the file that holds them, bad input is
 * an Issue, and the output is sorted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lintContract, loadGovernance, type GovernanceConfig } from '.';
import type { ContractSource } from '../document/types';

const ROOT = join(__dirname, '../../../test/fixtures/lint');
const reads: string[] = [];
const source: ContractSource = {
  read: (p) => {
    reads.push(p);
    return readFile(join(ROOT, p), 'utf8').catch(() => undefined);
  },
};

const governance = ((): GovernanceConfig => {
  const g = loadGovernance({});
  if (!g.ok) {
    throw new Error('governance');
  }
  return g.value;
})();

const fixture = (file: string): Promise<string> => readFile(join(ROOT, file), 'utf8');

describe('$ref resolution', () => {
  it('refuses remote refs, other schemes and paths leaving the tree, as invalid-ref findings, without reading them', async () => {
    reads.length = 0;
    const r = await lintContract({ text: await fixture('refs/remote.yaml'), file: 'refs/remote.yaml', source, governance });
    expect(r.ok).toBe(true);
    if (!r.ok) {
      return;
    }
    const invalid = r.value.filter((f) => f.ruleId === 'invalid-ref').map((f) => [f.severity, f.source.pointer, f.message]);
    expect(invalid).toEqual([
      ['error', '/components/schemas/Remote/$ref', 'remote $ref refused: https://example.com/schemas/remote.yaml (only relative files in the contracts tree)'],
      ['error', '/components/schemas/Escaping/$ref', '$ref leaves the contracts tree: /etc/passwd'],
      ['error', '/components/schemas/Missing/$ref', '$ref target not found: refs/no-such-file.yaml'],
      ['error', '/components/schemas/Scheme/$ref', '$ref scheme "ftp:" refused (only relative files in the contracts tree)'],
    ]);
    expect(reads).toEqual(['refs/no-such-file.yaml']);
  });

  it('follows relative refs through the source and reports findings in the file that holds them', async () => {
    const r = await lintContract({ text: await fixture('refs/multi-file.yaml'), file: 'refs/multi-file.yaml', source, governance });
    expect(r.ok && r.value.filter((f) => f.ruleId === 'charter-properties-camel-case')).toEqual([
      {
        ruleId: 'charter-properties-camel-case',
        severity: 'error',
        message: 'property "parcel_weight" is not camelCase',
        source: { file: 'refs/parts/parcel.yaml', pointer: '/Parcel/properties/parcel_weight', line: 4, column: 19 },
      },
    ]);
  });

  it('without a source, a relative ref is an invalid-ref finding', async () => {
    const r = await lintContract({ text: await fixture('refs/multi-file.yaml'), file: 'refs/multi-file.yaml', governance });
    expect(r.ok && r.value.filter((f) => f.ruleId === 'invalid-ref').map((f) => f.message)).toEqual([
      '$ref to refs/parts/parcel.yaml cannot be resolved: no contracts tree was given',
    ]);
  });

  it('links a contract and its parts afresh on every run (one source, many contracts)', async () => {
    const text = await fixture('refs/multi-file.yaml');
    for (let i = 0; i < 2; i++) {
      const r = await lintContract({ text, file: 'refs/multi-file.yaml', source, governance });
      expect(r.ok && r.value.filter((f) => f.ruleId === 'charter-properties-camel-case').map((f) => f.source.file)).toEqual(['refs/parts/parcel.yaml']);
    }
  });
});

describe('bad input is an Issue, never a crash', () => {
  it('a YAML alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    }
    const r = await lintContract({ text: bomb.join('\n') + '\n', file: 'bomb.yaml', governance });
    expect(!r.ok && r.errors.map((e) => [e.code, e.source.file])).toEqual([['ALIAS_LIMIT_EXCEEDED', 'bomb.yaml']]);
  });

  it('a document nested deeper than the parser can go', async () => {
    const deep = `{"openapi":"3.1.0","info":{"title":"x","version":"1.0.0"},"paths":{},"x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await lintContract({ text: deep, file: 'deep.json', governance });
    expect(!r.ok && r.errors.map((e) => [e.code, e.message])).toEqual([['DEPTH_LIMIT_EXCEEDED', 'deep.json: the document is nested too deeply to lint']]);
  });

  it('a file name that leaves the tree', async () => {
    const r = await lintContract({ text: 'openapi: 3.1.0\n', file: '../outside.yaml', governance });
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['LINT_FAILED']);
  });

  it('text that is not YAML is a parser finding', async () => {
    const r = await lintContract({ text: 'openapi: 3.1.0\ninfo: [\n', file: 'broken.yaml', governance });
    expect(r.ok && r.value.some((f) => f.ruleId === 'parser' && f.severity === 'error')).toBe(true);
  });
});

describe('findings', () => {
  it('are sorted by file, line and column, with 1-based positions and JSON pointers', async () => {
    const r = await lintContract({ text: await fixture('charter-operation-metadata/bad.yaml'), file: 'charter-operation-metadata/bad.yaml', governance });
    if (!r.ok) {
      throw new Error('lint');
    }
    const positions = r.value.map((f) => [f.source.line!, f.source.column!]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(r.value.every((f) => f.source.line! >= 1 && f.source.column! >= 1 && (f.source.pointer === '' || f.source.pointer.startsWith('/')))).toBe(true);
  });

  it('lints JSON documents too', async () => {
    const json = JSON.stringify({ openapi: '3.1.0', info: { title: 'J', version: '1.0.0' }, paths: { '/Shipments': {} } }, null, 2);
    const r = await lintContract({ text: json, file: 'j.json', governance });
    expect(r.ok && r.value.filter((f) => f.ruleId === 'charter-paths-kebab-case').map((f) => [f.source.line, f.source.pointer])).toEqual([[8, '/paths/~1Shipments']]);
  });
});
