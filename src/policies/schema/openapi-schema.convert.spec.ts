import { convertForAjv } from './openapi-schema.convert';

describe('convertForAjv', () => {
  it('turns OpenAPI 3.0 nullable and boolean exclusive bounds into JSON Schema', () => {
    const doc = {
      components: {
        schemas: {
          A: { type: 'string', nullable: true, enum: ['x'] },
          B: { nullable: true, allOf: [{ $ref: '#/components/schemas/A' }] },
          C: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
          D: { type: 'object', example: { nullable: true, exclusiveMinimum: true } },
        },
      },
    };
    expect(convertForAjv(doc, 'openapi-3.0')).toEqual({
      components: {
        schemas: {
          A: { type: ['string', 'null'], enum: ['x', null] },
          B: { anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/components/schemas/A' }] }] },
          C: { type: 'number', exclusiveMinimum: 0, maximum: 9 },
          D: { type: 'object', example: { nullable: true, exclusiveMinimum: true } },
        },
      },
    });
  });

  it('drops the OAS 3.1 dialect $schema ajv does not know, and does not mutate the input', () => {
    const schema = { $schema: 'https://spec.openapis.org/oas/3.1/dialect/base', type: 'string' };
    const doc = { components: { schemas: { S: schema } } };
    expect(convertForAjv(doc, 'openapi-3.1')).toEqual({ components: { schemas: { S: { type: 'string' } } } });
    expect(schema.$schema).toBe('https://spec.openapis.org/oas/3.1/dialect/base');
  });
});
