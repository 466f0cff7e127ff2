import { ENGINES } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';
import { asYaml, openapiDoc } from '../support/builders';
import { registryState } from '../support/registry-state';

type Doc = ReturnType<typeof openapiDoc>;
/** Drops the required `shipmentId` from the response: clients relied on it. */
const withoutShipmentId = (doc: Doc): Doc => {
  const shipment = (doc.components as { schemas: { Shipment: { properties: Record<string, unknown>; required: string[] } } }).schemas.Shipment;
  delete shipment.properties.shipmentId;
  shipment.required = [];
  return doc;
};

describe.each(ENGINES)('compatibility rules on publish, on %s', (engine) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const url = (api = 'shipments') => `${t.url}/api/domains/dispatch/apis/${api}/versions`;
  const publish = (doc: Doc, api = 'shipments') =>
    send('POST', url(api), { headers: { ...admin, 'content-type': 'application/yaml' }, body: asYaml(doc) });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = bearer(t.token({ role: 'admin' }));
    await send('PUT', `${t.url}/api/domains/dispatch`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dispatch', owners: [{ team: 'dispatch' }], compatibility: 'BACKWARD' }),
    });
    expect((await publish(openapiDoc('1.0.0'))).status).toBe(201);
  });
  afterAll(async () => t.close());

  it('refuses a breaking change within a major with 409 and every change, leaving the registry as it was', async () => {
    const before = await registryState(t);
    const res = await publish(withoutShipmentId(openapiDoc('1.1.0')));
    expect(res.status).toBe(409);
    const body = res.json<{ code: string; mode: string; changes: Array<{ id: string; level: string; operation: string; against: string }> }>();
    expect(body).toMatchObject({ code: 'BREAKING_CHANGE', mode: 'BACKWARD', type: 'https://charter.dev/problems/breaking-change' });
    expect(body.changes).toEqual([
      expect.objectContaining({ id: 'response-required-property-removed', level: 'breaking', operation: 'GET /shipments/{shipmentId}', against: '1.0.0' }),
    ]);
    expect(await registryState(t)).toEqual(before);
  });

  it('refuses an additive change with only a patch bump (409 SEMVER_VIOLATION)', async () => {
    const res = await publish(openapiDoc('1.0.1', { extraPath: '/stops' }));
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SEMVER_VIOLATION', required: 'minor', actual: 'patch' });
  });

  it('accepts the additive change as a minor bump and stores its changelog', async () => {
    const res = await publish(openapiDoc('1.1.0', { extraPath: '/stops' }));
    expect(res.status).toBe(201);
    expect(res.json<{ changelog: Array<{ id: string; level: string }> }>().changelog).toEqual([
      expect.objectContaining({ id: 'endpoint-added', level: 'info', operation: 'GET /stops' }),
    ]);
  });

  it('lets a new major break its predecessor, and keeps both majors published side by side', async () => {
    const res = await publish(withoutShipmentId(openapiDoc('2.0.0', { extraPath: '/stops' })));
    expect(res.status).toBe(201);
    const list = await send('GET', url(), { headers: admin });
    expect(list.json<{ items: Array<{ version: string; lifecycle: string }> }>().items.map((v) => `${v.version}:${v.lifecycle}`)).toEqual([
      '2.0.0:published',
      '1.1.0:published',
      '1.0.0:published',
    ]);
    const changelog = await send('GET', `${t.url}/api/domains/dispatch/apis/shipments/changelog?from=1.0.0&to=latest`, { headers: admin });
    expect(changelog.status).toBe(200);
    expect(changelog.json()).toMatchObject({ from: '1.0.0', to: '2.0.0', breaking: true });
    expect(changelog.json<{ changes: Array<{ id: string }> }>().changes.map((c) => c.id).sort()).toEqual([
      'endpoint-added',
      'response-required-property-removed',
    ]);
  });

  it('checks every version of the major under a transitive mode', async () => {
    await send('PUT', `${t.url}/api/domains/dispatch`, {
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dispatch', owners: [{ team: 'dispatch' }], compatibility: 'BACKWARD_TRANSITIVE' }),
    });
    const v1 = openapiDoc('1.0.0');
    expect((await publish(v1, 'tracking')).status).toBe(201);
    // BACKWARD would check 1.2.0 against 1.1.0 only; the transitive mode names both.
    const v11 = openapiDoc('1.1.0', { extraPath: '/stops' });
    expect((await publish(v11, 'tracking')).status).toBe(201);
    const v12 = withoutShipmentId(openapiDoc('1.2.0', { extraPath: '/stops' }));
    const res = await publish(v12, 'tracking');
    expect(res.status).toBe(409);
    const against = new Set(res.json<{ changes: Array<{ against: string }> }>().changes.map((c) => c.against));
    expect([...against].sort()).toEqual(['1.0.0', '1.1.0']);
  });
});
