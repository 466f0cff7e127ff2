import { readFixture } from '../../../test/fixtures/document/fixture-source';
import { canonicalJson } from './canonical-json';
import { dereference } from './dereference';
import { parseDocument } from './parse-document';

type Rec = Record<string, any>; // graph navigation in assertions

function deref(doc: Record<string, unknown>): Rec {
  const result = dereference(doc);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.value;
}

describe('dereference', () => {
  it('replaces internal refs by their targets, one shared object per target', async () => {
    const parsed = parseDocument(await readFixture('valid/openapi-3.0.yaml'), 'openapi-3.0.yaml');
    if (!parsed.ok) {
      throw new Error('fixture');
    }
    const input = parsed.value.data as Record<string, unknown>;
    const before = canonicalJson(input);
    const out = deref(input);
    const shipment = out.components.schemas.Shipment;
    expect(out.paths['/shipments/{shipmentId}'].get.responses['200'].content['application/json'].schema).toBe(shipment);
    expect(out.paths['/shipments'].get.responses['200'].content['application/json'].schema.items).toBe(shipment);
    expect(out.paths['/shipments'].get.parameters[0]).toBe(out.components.parameters.Limit);
    expect(out.paths['/shipments/{shipmentId}'].get.responses.default.description).toBe('An RFC 9457 problem');
    // Recursive schema: a cycle, not an infinite tree.
    expect(shipment.properties.legs.items).toBe(shipment);
    // Data that merely looks like a reference stays data.
    expect(out.paths['/shipments'].get.responses['200'].content['application/json'].example[0].$ref).toBe(
      'https://example.com/not-a-reference',
    );
    expect(shipment['x-internal']).toEqual({ $ref: './not-followed.yaml' });
    // The input is untouched.
    expect(canonicalJson(input)).toBe(before);
    expect(out).not.toBe(input);
  });

  it('merges sibling keywords of a 3.1 $ref over its target', () => {
    const out = deref({
      openapi: '3.1.0',
      components: {
        schemas: {
          A: { type: 'object', description: 'original' },
          B: { $ref: '#/components/schemas/A', description: 'overridden' },
        },
      },
    });
    expect(out.components.schemas.B).toEqual({ type: 'object', description: 'overridden' });
    expect(out.components.schemas.A.description).toBe('original');
  });

  it('follows chains of refs and mutual recursion', () => {
    const out = deref({
      components: {
        schemas: {
          A: { $ref: '#/components/schemas/B' },
          B: { type: 'object', properties: { c: { $ref: '#/components/schemas/C' } } },
          C: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
        },
      },
    });
    const { A, B, C } = out.components.schemas;
    expect(A).toBe(B);
    expect(B.properties.c).toBe(C);
    expect(C.properties.b).toBe(B);
  });

  it('reports refs that point nowhere and pure ref cycles', () => {
    const result = dereference({
      components: {
        schemas: {
          Missing: { $ref: '#/components/schemas/Nope' },
          Loop1: { $ref: '#/components/schemas/Loop2' },
          Loop2: { $ref: '#/components/schemas/Loop1' },
        },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors.map((e) => [e.code, e.source.pointer])).toEqual([
      ['REF_NOT_FOUND', '/components/schemas/Missing/$ref'],
      ['REF_CYCLE', '/components/schemas/Loop1/$ref'],
      ['REF_CYCLE', '/components/schemas/Loop2/$ref'],
    ]);
  });
});
