import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compilePolicy } from './compile-policy';
import type { OperationPlan, PolicyPlan } from './policy-plan';

const fixture = (name: string): Record<string, unknown> =>
  parse(readFileSync(join(__dirname, '../../../test/fixtures/policy', name), 'utf8')) as Record<string, unknown>;

function compiled(name: string): PolicyPlan {
  const result = compilePolicy(fixture(name));
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.value;
}

const op = (plan: PolicyPlan, id: string): OperationPlan => {
  const found = plan.operations.find((o) => o.id === id);
  if (!found) {
    throw new Error(`no operation ${id}`);
  }
  return found;
};

describe('compilePolicy', () => {
  const plan = compiled('shipments.openapi.yaml');

  it('lists every operation with method, template and dialect', () => {
    expect(plan.dialect).toBe('openapi-3.0');
    expect(plan.operations.map((o) => `${o.method} ${o.pathTemplate}`).sort()).toEqual([
      'DELETE /shipments/{shipmentId}',
      'GET /shipments',
      'GET /shipments/{shipmentId}',
      'GET /shipments/{shipmentId}/label.{format}',
      'POST /shipments',
    ]);
    expect(op(plan, 'getLabel').segments[2]).toEqual({ parts: [{ literal: 'label.' }, { param: 'format' }] });
  });

  it('merges path-level parameters, resolves refs and keeps schemas as pointers', () => {
    const list = op(plan, 'listShipments');
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: 'limit', in: 'query', required: false, schemaPointer: '/components/parameters/Limit/schema', coercion: { type: 'integer' } }),
      expect.objectContaining({ name: 'status', style: 'form', explode: true, coercion: { type: 'array', items: 'string' } }),
      expect.objectContaining({ name: 'x-correlation-id', in: 'header', required: true }),
    ]);
    expect(op(plan, 'getShipment').parameters).toEqual([
      expect.objectContaining({ name: 'shipmentId', in: 'path', required: true, schemaPointer: '/paths/~1shipments~1{shipmentId}/parameters/0/schema' }),
    ]);
    expect(op(plan, 'createShipment').requestBody).toEqual({
      required: true,
      contents: [{ mediaType: 'application/json', schemaPointer: '/paths/~1shipments/post/requestBody/content/application~1json/schema' }],
    });
  });

  it('takes security from the operation, else the root, with scopes and fail-closed unsupported schemes', () => {
    expect(op(plan, 'listShipments').security).toEqual([{ schemes: [{ scheme: 'bearerAuth', scopes: ['shipments:read'] }] }]);
    expect(op(plan, 'createShipment').security).toEqual([
      { schemes: [{ scheme: 'bearerAuth', scopes: ['shipments:write'] }] },
      { schemes: [{ scheme: 'partnerKey', scopes: [] }] },
    ]);
    expect(op(plan, 'cancelShipment').security).toEqual([]);
    expect(plan.securitySchemes.partnerKey).toEqual({ type: 'apiKey', name: 'partnerKey', in: 'header', paramName: 'x-api-key' });
    expect(plan.securitySchemes.basicAuth.type).toBe('unsupported');
    expect(plan.warnings.map((w) => w.message)).toContain('security scheme "basicAuth": http scheme "basic" is not checked by the gateway; requirements naming it always fail');
  });

  it('layers rate limits and validation modes: operation over root over defaults', () => {
    expect(op(plan, 'listShipments').rateLimit).toEqual({ limit: 100, windowSeconds: 60, by: 'consumer', scope: 'api' });
    expect(op(plan, 'createShipment').rateLimit).toEqual({ limit: 5, windowSeconds: 1, by: 'ip', scope: 'operation' });
    expect(op(plan, 'listShipments').validation).toEqual({ request: 'enforce', response: 'monitor' });
    expect(op(plan, 'createShipment').validation).toEqual({ request: 'enforce', response: 'enforce' });
    expect(op(plan, 'cancelShipment').validation).toEqual({ request: 'monitor', response: 'off' });
    const withDefaults = compilePolicy(fixture('catalog.openapi31.yaml'), { rateLimit: { limit: 7, windowSeconds: 10, by: 'global' }, validation: { response: 'off' } });
    expect(withDefaults.ok && withDefaults.value.operations[0]).toMatchObject({ rateLimit: { limit: 7, windowSeconds: 10, by: 'global', scope: 'api' }, validation: { request: 'enforce', response: 'off' } });
  });

  it('prepares mock answers from examples, then samples schemas through cycles', () => {
    expect(op(plan, 'createShipment').mock).toEqual({ status: 201, contentType: 'application/json', body: { id: 'SH-1', status: 'planned', stops: [] }, source: 'examples' });
    expect(op(plan, 'cancelShipment').mock).toEqual({ status: 204, source: 'none' });
    const sampled = op(plan, 'getShipment').mock;
    expect(sampled.source).toBe('schema');
    expect(sampled.body).toMatchObject({ id: 'SH-42', status: 'planned', stops: [{ location: { code: 'string', at: '2024-01-01T00:00:00Z' } }] });
    expect(sampled.body).not.toHaveProperty('password');
  });

  it('reads OpenAPI 3.1 documents', () => {
    const catalog = compiled('catalog.openapi31.yaml');
    expect(catalog.dialect).toBe('openapi-3.1');
    expect(catalog.operations[0].parameters[1]).toMatchObject({ name: 'tags', style: 'form', explode: false });
    expect(catalog.operations[0].security).toEqual([]);
  });

  it('fails the plan on malformed policy extensions, listing each', () => {
    const doc = fixture('catalog.openapi31.yaml');
    doc['x-charter-rate-limit'] = { limit: 0, window: 'soon', by: 'planet' };
    doc['x-charter-validation'] = { request: 'strict' };
    const result = compilePolicy(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => `${e.code} ${e.source.pointer}`)).toEqual([
      'INVALID_POLICY /x-charter-validation',
      'INVALID_POLICY /x-charter-rate-limit',
      'INVALID_POLICY /x-charter-rate-limit',
      'INVALID_POLICY /x-charter-rate-limit',
    ]);
  });

  it('refuses documents that are not OpenAPI 3.x', () => {
    const result = compilePolicy({ swagger: '2.0', info: { title: 't', version: '1.0.0' }, paths: {} });
    expect(!result.ok && result.errors[0].code).toBe('UNSUPPORTED_SPEC_VERSION');
  });
});
