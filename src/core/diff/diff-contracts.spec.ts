/**
 * Engine properties the corpus cannot show well: dereferenced graphs with shared
 * objects and cycles, hostile sizes, and source positions.
 */
import { dereference } from '../document';
import { diffContracts } from './diff-contracts';

type Obj = Record<string, unknown>;

function api(schema: Obj, components?: Obj): Obj {
  return {
    openapi: '3.0.3',
    info: { title: 'T', version: '1.0.0' },
    paths: { '/n': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } },
    ...(components ? { components: { schemas: components } } : {}),
  };
}

/** A recursive schema as a dereferenced graph: the object contains itself. */
function cyclicNode(required: string[]): Obj {
  const node: Obj = { type: 'object', required, properties: { name: { type: 'string' } } };
  (node.properties as Obj).children = { type: 'array', items: node };
  (node.properties as Obj).parent = node;
  return node;
}

describe('diffContracts', () => {
  it('terminates on shared-object cycles and reports a change once, at its shortest path', () => {
    const diff = diffContracts({ document: api(cyclicNode(['name'])) }, { document: api(cyclicNode([])) });
    expect(diff.facts.map((f) => [f.kind, f.property, f.direction])).toEqual([['property-required-changed', 'name', 'response']]);
  });

  it('gives the same answer for a $ref document and its dereferenced form', () => {
    const ref = (required: string[]) =>
      api({ $ref: '#/components/schemas/Node' }, {
        Node: { type: 'object', required, properties: { name: { type: 'string' }, next: { $ref: '#/components/schemas/Node' } } },
      });
    const deref = (d: Obj): Obj => {
      const r = dereference(d);
      if (!r.ok) {
        throw new Error('dereference failed');
      }
      return r.value;
    };
    const raw = diffContracts({ document: ref(['name']) }, { document: ref([]) });
    const resolved = diffContracts({ document: deref(ref(['name'])) }, { document: deref(ref([])) });
    expect(resolved.facts.map((f) => [f.kind, f.property])).toEqual(raw.facts.map((f) => [f.kind, f.property]));
    expect(raw.facts[0].base.pointer).toBe('/components/schemas/Node/properties/name');
  });

  it('is identical for equal documents apart from info.version', () => {
    const b = api(cyclicNode(['name']));
    const h = api(cyclicNode(['name']));
    (h.info as Obj).version = '9.9.9';
    expect(diffContracts({ document: b }, { document: h })).toMatchObject({ identical: true, facts: [], baseVersion: '1.0.0', headVersion: '9.9.9' });
  });

  it('stays bounded on deep and wide schemas', () => {
    const deep = (depth: number, leaf: Obj): Obj => {
      let s = leaf;
      for (let i = 0; i < depth; i++) {
        s = { type: 'object', properties: { [`p${i % 7}`]: s, [`q${i}`]: { type: 'integer' } } };
      }
      return s;
    };
    const diff = diffContracts({ document: api(deep(2000, { type: 'string' })) }, { document: api(deep(2000, { type: 'integer' })) }, { maxSchemaPairs: 500 });
    expect(diff.facts.map((f) => f.kind)).toEqual(['diff-truncated']);
  });

  it('does not exhaust the stack on a long chain of $refs', () => {
    const chain = (leaf: string): Obj => {
      const schemas: Obj = {};
      for (let i = 0; i < 20000; i++) {
        schemas[`S${i}`] = { type: 'object', properties: { next: { $ref: `#/components/schemas/S${i + 1}` } } };
      }
      schemas.S20000 = { type: leaf };
      return api({ $ref: '#/components/schemas/S0' }, schemas);
    };
    const diff = diffContracts({ document: chain('string') }, { document: chain('integer') });
    expect(diff.facts.map((f) => f.kind)).toEqual(['type-changed']);
    expect(diff.facts[0].property?.split('.').length).toBe(20000);
  });

  it('reads both sides as the first document kind when kinds differ: everything is gone', () => {
    const asyncDoc = { asyncapi: '2.6.0', info: { title: 'T', version: '1.0.0' }, channels: {} };
    const diff = diffContracts({ document: api({ type: 'string' }) }, { document: asyncDoc });
    expect(diff.facts.map((f) => f.kind)).toEqual(['endpoint-removed']);
  });

  it('attaches positions through the side locator', () => {
    const diff = diffContracts(
      { document: api({ type: 'string' }), file: 'a.yaml', locate: (p) => (p.startsWith('/paths') ? { line: 7, column: 3 } : undefined) },
      { document: api({ type: 'integer' }), file: 'b.yaml' },
    );
    expect(diff.facts[0].base).toEqual({ file: 'a.yaml', pointer: '/paths/~1n/get/responses/200/content/application~1json/schema', line: 7, column: 3 });
    expect(diff.facts[0].head).toEqual({ file: 'b.yaml', pointer: '/paths/~1n/get/responses/200/content/application~1json/schema' });
  });
});
