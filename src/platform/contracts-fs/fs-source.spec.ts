import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadContract } from '../../core/document';
import { createFsSource, locateContractFile } from './fs-source';

describe('createFsSource', () => {
  let base: string;
  let root: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'charter-fs-source-')));
    root = path.join(base, 'contracts');
    await mkdir(path.join(root, 'dispatch'), { recursive: true });
    await writeFile(path.join(root, 'charter.yaml'), 'lint: {}\n');
    await writeFile(path.join(root, 'dispatch', 'a.yaml'), 'A: {type: string}\n');
    await writeFile(path.join(base, 'secret.yaml'), 'Secret: {type: string}\n');
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('reads tree files and answers undefined for missing ones', async () => {
    const source = createFsSource(root);
    await expect(source.read('dispatch/a.yaml')).resolves.toBe('A: {type: string}\n');
    await expect(source.read('dispatch/nope.yaml')).resolves.toBeUndefined();
    await expect(source.read('dispatch/a.yaml/deeper')).resolves.toBeUndefined();
  });

  it('refuses paths that climb out of the tree', async () => {
    const source = createFsSource(root);
    await expect(source.read('../secret.yaml')).rejects.toMatchObject({ code: 'REF_OUTSIDE_TREE' });
    await expect(source.read('/etc/passwd')).rejects.toMatchObject({ code: 'REF_OUTSIDE_TREE' });
    await expect(source.read('dispatch\\..\\..\\secret.yaml')).rejects.toMatchObject({ code: 'REF_OUTSIDE_TREE' });
  });

  it('refuses a symlink that resolves outside the tree, and follows one that stays inside', async () => {
    await symlink(path.join(base, 'secret.yaml'), path.join(root, 'dispatch', 'leak.yaml'));
    await symlink(path.join(root, 'dispatch', 'a.yaml'), path.join(root, 'dispatch', 'alias.yaml'));
    const source = createFsSource(root);
    await expect(source.read('dispatch/leak.yaml')).rejects.toMatchObject({ code: 'REF_OUTSIDE_TREE' });
    await expect(source.read('dispatch/alias.yaml')).resolves.toBe('A: {type: string}\n');
  });

  it('lets the loader report a symlink escape at the $ref', async () => {
    await symlink(path.join(base, 'secret.yaml'), path.join(root, 'dispatch', 'leak.yaml'));
    await writeFile(
      path.join(root, 'dispatch', 'api.yaml'),
      "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\ncomponents:\n  schemas:\n    S:\n      $ref: './leak.yaml#/Secret'\n",
    );
    const result = await loadContract('dispatch/api.yaml', createFsSource(root));
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.source.pointer, e.source.line])).toEqual([
      ['REF_OUTSIDE_TREE', '/components/schemas/S/$ref', 6],
    ]);
  });

  it('reads at most one byte past the size limit of a huge file', async () => {
    await writeFile(path.join(root, 'big.yaml'), 'x'.repeat(5000));
    const text = await createFsSource(root, { maxBytes: 100 }).read('big.yaml');
    expect(text).toHaveLength(101);
    const result = await loadContract('big.yaml', createFsSource(root, { maxBytes: 100 }), { maxBytes: 100 });
    expect(result.ok ? undefined : result.errors[0].code).toBe('DOCUMENT_TOO_LARGE');
  });
});

describe('locateContractFile', () => {
  let base: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'charter-locate-')));
    await mkdir(path.join(base, 'contracts', 'dispatch', 'shipments'), { recursive: true });
    await writeFile(path.join(base, 'contracts', 'charter.yaml'), 'lint: {}\n');
    await mkdir(path.join(base, 'loose'), { recursive: true });
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('roots the tree at the nearest ancestor holding charter.yaml', async () => {
    await expect(locateContractFile('contracts/dispatch/shipments/openapi.yaml', base)).resolves.toEqual({
      rootDir: path.join(base, 'contracts'),
      entry: 'dispatch/shipments/openapi.yaml',
    });
  });

  it("uses the file's own folder when no charter.yaml is above it", async () => {
    await expect(locateContractFile(path.join(base, 'loose', 'api.yaml'))).resolves.toEqual({
      rootDir: path.join(base, 'loose'),
      entry: 'api.yaml',
    });
  });
});
