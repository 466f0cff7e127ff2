import { collectRefs } from './ref-walk';

const refsOf = (doc: unknown, kind: 'openapi' | 'asyncapi' = 'openapi') =>
  collectRefs(doc, kind).map((r) => `${r.path.join('/')} -> ${r.ref}`);

describe('collectRefs', () => {
  it('finds references in document order with the path of their holder', () => {
    const doc = {
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/P' }], responses: { default: { $ref: '#/components/responses/R' } } } } },
      components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } } } },
    };
    expect(refsOf(doc)).toEqual([
      'paths//a/get/parameters/0 -> #/components/parameters/P',
      'paths//a/get/responses/default -> #/components/responses/R',
      'components/schemas/A/properties/b -> #/components/schemas/B',
    ]);
  });

  it('does not treat $ref inside example values, extensions, default, const or enum as a reference', () => {
    const doc = {
      components: {
        schemas: {
          A: {
            example: { $ref: 'https://api.github.com/scim/v2/Users/1' },
            default: { $ref: 'x' },
            const: { $ref: 'x' },
            enum: [{ $ref: 'x' }],
            examples: [{ $ref: 'x' }],
            'x-internal': { $ref: './secret.yaml' },
          },
        },
        examples: {
          Inline: { value: { $ref: 'https://example.com/data' } },
          Reused: { $ref: '#/components/examples/Inline' },
        },
      },
    };
    expect(refsOf(doc)).toEqual(['components/examples/Reused -> #/components/examples/Inline']);
  });

  it('treats user-chosen names as names, even when they look like keywords', () => {
    const doc = {
      components: {
        schemas: {
          A: {
            properties: {
              default: { $ref: '#/components/schemas/D' },
              example: { $ref: '#/components/schemas/E' },
              'x-id': { $ref: '#/components/schemas/X' },
            },
          },
        },
        headers: { 'x-rate-limit': { schema: { $ref: '#/components/schemas/N' } } },
      },
      paths: { 'x-ext': { $ref: 'not-a-ref' } },
    };
    expect(refsOf(doc)).toEqual([
      'components/schemas/A/properties/default -> #/components/schemas/D',
      'components/schemas/A/properties/example -> #/components/schemas/E',
      'components/schemas/A/properties/x-id -> #/components/schemas/X',
      'components/headers/x-rate-limit/schema -> #/components/schemas/N',
    ]);
  });

  it('reads AsyncAPI message headers as a schema, not a map of names', () => {
    const doc = { components: { messages: { M: { headers: { $ref: '#/components/schemas/H' }, payload: { $ref: '#/components/schemas/P' } } } } };
    expect(refsOf(doc, 'asyncapi')).toEqual([
      'components/messages/M/headers -> #/components/schemas/H',
      'components/messages/M/payload -> #/components/schemas/P',
    ]);
  });
});
