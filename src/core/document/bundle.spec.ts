import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import { contractOf, errorsOf, fixtureSource, readFixture } from '../../../test/fixtures/document/fixture-source';
import { dereference } from './dereference';
import { loadContract, loadContractText } from './load-contract';

type Rec = Record<string, any>; // document navigation in assertions

describe('multi-file contracts', () => {
  it('inlines relative refs into components with readable, collision-free names', async () => {
    const contract = contractOf(await loadContract('dispatch/shipments.openapi.yaml', fixtureSource('tree')));
    const doc = contract.document as Rec;
    const item = doc.paths['/shipments/{shipmentId}'];
    expect(item.parameters).toEqual([{ $ref: '#/components/parameters/ShipmentId' }]);
    // The canonical Shipment is referenced twice and copied once.
    expect(item.get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Shipment' });
    expect(item.put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Shipment' });
    expect(Object.keys(doc.components.schemas)).toEqual(['Location', 'Shipment', 'Carrier', 'location_Location']);
    expect(doc.components.schemas.Location).toEqual({ type: 'string' });
    // Refs inside copied content are rewritten relative to their own file; the cycle terminates.
    expect(doc.components.schemas.Shipment.properties).toEqual({
      id: { type: 'string' },
      origin: { $ref: '#/components/schemas/location_Location' },
      destination: { $ref: '#/components/schemas/location_Location' },
      parent: { $ref: '#/components/schemas/Shipment' },
    });
    expect(doc.components.schemas.location_Location.properties.lastShipment).toEqual({ $ref: '#/components/schemas/Shipment' });
    expect(doc.components.parameters.ShipmentId).toMatchObject({ name: 'shipmentId', in: 'path' });
    // OpenAPI 3.0 has no components.pathItems: the path item is inlined where it was referenced.
    expect(doc.paths['/carriers'].get.responses['200'].content['application/json'].schema.items).toEqual({
      $ref: '#/components/schemas/Carrier',
    });
    expect(contract.files).toEqual([
      'dispatch/shipments.openapi.yaml',
      'dispatch/parts/parameters.yaml',
      '_canonical/shipment.yaml',
      'dispatch/parts/carriers-path.yaml',
      '_canonical/location.yaml',
    ]);
  });

  it('produces one self-contained document: no file refs left, all refs resolve', async () => {
    const contract = contractOf(await loadContract('dispatch/shipments.openapi.yaml', fixtureSource('tree')));
    const refs = JSON.stringify(contract.document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.startsWith('"$ref":"#/'))).toBe(true);
    expect(dereference(contract.document).ok).toBe(true);
    // The bundle loads again as a stored document, with the same digest.
    const stored = contractOf(await loadContractText(JSON.stringify(contract.document), 'bundle.json'));
    expect(stored.digest).toBe(contract.digest);
  });

  it('bundles AsyncAPI messages and their schemas', async () => {
    const contract = contractOf(await loadContract('billing/invoices.asyncapi.yaml', fixtureSource('tree')));
    const doc = contract.document as Rec;
    expect(doc.channels['invoices/issued'].subscribe.message).toEqual({ $ref: '#/components/messages/InvoiceIssued' });
    expect(doc.components.messages.InvoiceIssued.payload).toEqual({ $ref: '#/components/schemas/Shipment' });
    expect(Object.keys(doc.components.schemas)).toEqual(['Shipment', 'Location']);
  });

  it('keeps a schema property named like a component section (correlationId) among the schemas', async () => {
    const files: Record<string, string> = {
      'events.asyncapi.yaml': [
        'asyncapi: 3.0.0',
        'info: { title: Events, version: 1.0.0 }',
        'channels:',
        '  delivered:',
        '    address: dispatch.shipment.delivered',
        '    messages:',
        '      delivered:',
        '        correlationId: { location: "$message.header#/correlationId" }',
        '        headers:',
        '          type: object',
        '          properties:',
        "            correlationId: { $ref: 'common.yaml#/CorrelationId' }",
        '        payload: { type: object }',
      ].join('\n'),
      'common.yaml': 'CorrelationId:\n  type: string\n  minLength: 8\n',
    };
    const source = { read: async (p: string) => files[p] };
    const doc = contractOf(await loadContract('events.asyncapi.yaml', source)).document as Rec;
    expect(doc.channels.delivered.messages.delivered.headers.properties.correlationId).toEqual({
      $ref: '#/components/schemas/CorrelationId',
    });
    // A bundled schema remembers where it came from (governance reads it on publish).
    expect(doc.components.schemas.CorrelationId).toEqual({ type: 'string', minLength: 8, 'x-charter-origin': 'common.yaml#/CorrelationId' });
    expect(doc.components.correlationIds).toBeUndefined();
  });

  it('uses the section matching each position: OpenAPI 3.1 path items, examples, AsyncAPI 3 channels', async () => {
    const files: Record<string, string> = {
      'api.yaml': [
        'openapi: 3.1.0',
        'info: {title: t, version: 1.0.0}',
        'paths:',
        "  /a: {$ref: 'parts.yaml#/PathA'}",
      ].join('\n'),
      'parts.yaml': [
        'PathA:',
        '  get:',
        '    responses:',
        "      '200':",
        '        description: ok',
        '        content:',
        '          application/json:',
        '            examples:',
        "              one: {$ref: 'examples.yaml'}",
      ].join('\n'),
      'examples.yaml': 'summary: one\nvalue: {$ref: not-a-ref}\n',
      'events.yaml': [
        'asyncapi: 3.0.0',
        'info: {title: t, version: 1.0.0}',
        'channels:',
        "  c: {$ref: 'channels.yaml#/C'}",
      ].join('\n'),
      'channels.yaml': 'C:\n  address: c\n',
    };
    const source = { read: async (p: string) => files[p] };
    const openapi = contractOf(await loadContract('api.yaml', source)).document as Rec;
    expect(openapi.paths['/a']).toEqual({ $ref: '#/components/pathItems/PathA' });
    expect(openapi.components.pathItems.PathA.get.responses['200'].content['application/json'].examples.one).toEqual({
      $ref: '#/components/examples/examples',
    });
    expect(openapi.components.examples.examples).toEqual({ summary: 'one', value: { $ref: 'not-a-ref' } });
    const asyncapi = contractOf(await loadContract('events.yaml', source)).document as Rec;
    expect(asyncapi.channels.c).toEqual({ $ref: '#/components/channels/C' });
    expect(asyncapi.components.channels.C).toEqual({ address: 'c' });
  });

  it('locates issues in the file the content came from', async () => {
    const files: Record<string, string> = {
      'api.yaml': [
        'openapi: 3.0.3',
        'info: {title: t, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    A:',
        "      $ref: './parts/a.yaml#/A'",
      ].join('\n'),
      'parts/a.yaml': ['A:', '  type: object', '  properties:', '    n:', '      type: strin'].join('\n'),
    };
    const [issue] = errorsOf(await loadContract('api.yaml', { read: async (p) => files[p] }));
    expect(issue).toMatchObject({
      code: 'SCHEMA_VIOLATION',
      source: { file: 'parts/a.yaml', pointer: '/A/properties/n/type', line: 5, column: 7 },
    });
  });

  it('reports a missing file and a missing pointer at the $ref', async () => {
    const issues = errorsOf(await loadContract('refs/missing.openapi.yaml', fixtureSource('tree')));
    expect(issues.map((i) => [i.code, i.source.file, i.source.pointer, i.source.line])).toEqual([
      ['FILE_NOT_FOUND', 'refs/missing.openapi.yaml', '/components/schemas/NoFile/$ref', 8],
      ['REF_NOT_FOUND', 'refs/missing.openapi.yaml', '/components/schemas/NoPointer/$ref', 10],
    ]);
  });

  it('refuses refs that leave the contracts tree, without reading them', async () => {
    const source = fixtureSource('tree');
    const issues = errorsOf(await loadContract('refs/escaping.openapi.yaml', source));
    expect(issues.map((i) => [i.code, i.source.pointer, i.source.line])).toEqual([
      ['REF_OUTSIDE_TREE', '/components/schemas/DotDot/$ref', 8],
      ['REF_OUTSIDE_TREE', '/components/schemas/Absolute/$ref', 10],
      ['REF_OUTSIDE_TREE', '/components/schemas/Encoded/$ref', 12],
      ['REF_OUTSIDE_TREE', '/components/schemas/Backslash/$ref', 14],
    ]);
    expect(source.reads).toEqual(['refs/escaping.openapi.yaml']);
  });

  it('maps a source refusal (a symlink out of the tree) to REF_OUTSIDE_TREE', async () => {
    const refusing = {
      read: async (p: string) => {
        if (p === 'api.yaml') {
          return "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\ncomponents:\n  schemas:\n    L:\n      $ref: './link.yaml'\n";
        }
        throw Object.assign(new Error('symlink leaves the tree'), { code: 'REF_OUTSIDE_TREE' });
      },
    };
    const [issue] = errorsOf(await loadContract('api.yaml', refusing));
    expect(issue).toMatchObject({ code: 'REF_OUTSIDE_TREE', source: { pointer: '/components/schemas/L/$ref', line: 6 } });
  });
});

describe('remote refs', () => {
  let server: Server;
  let connections = 0;
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses http(s), network-path and file: refs with the pointer and line, and opens no socket', async () => {
    const text = (await readFixture('tree/refs/remote.openapi.yaml')).replace(
      'https://example.com/schemas/thing.json#/Thing',
      `http://127.0.0.1:${port}/thing.json#/Thing`,
    );
    const source = { read: async (p: string) => (p === 'remote.openapi.yaml' ? text : undefined) };
    const issues = errorsOf(await loadContract('remote.openapi.yaml', source));
    expect(issues.map((i) => [i.code, i.source.pointer, i.source.line])).toEqual([
      ['REMOTE_REF_REFUSED', '/components/schemas/Http/$ref', 8],
      ['REMOTE_REF_REFUSED', '/components/schemas/NetworkPath/$ref', 10],
      ['REMOTE_REF_REFUSED', '/components/schemas/FileUrl/$ref', 12],
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(connections).toBe(0);
  });

  it('has no network capable import anywhere in the document core', () => {
    const dir = __dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const offenders = sources.filter((f) =>
      /from '(node:)?(net|http|https|tls|dgram|fs|fs\/promises)'|from 'undici'|\bfetch\(|require\('(node:)?(net|http|https)'\)/.test(
        readFileSync(path.join(dir, f), 'utf8'),
      ),
    );
    expect(sources.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe('stored documents (loadContractText)', () => {
  it('cannot resolve relative-file refs and says to bundle', async () => {
    const text = await readFixture('tree/dispatch/shipments.openapi.yaml');
    const issues = errorsOf(await loadContractText(text, 'shipments.openapi.yaml'));
    expect(issues.every((i) => i.code === 'REF_NOT_FOUND')).toBe(true);
    expect(issues[0].message).toContain('charter sync bundles');
    expect(issues[0].source).toMatchObject({ file: 'shipments.openapi.yaml', pointer: '/paths/~1shipments~1{shipmentId}/parameters/0/$ref', line: 8 });
  });

  it('still refuses remote refs', async () => {
    const issues = errorsOf(await loadContractText(await readFixture('tree/refs/remote.openapi.yaml'), 'remote.yaml'));
    expect(issues.map((i) => i.code)).toEqual(['REMOTE_REF_REFUSED', 'REMOTE_REF_REFUSED', 'REMOTE_REF_REFUSED']);
  });
});
