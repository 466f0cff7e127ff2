/**
 * Auth from the contract's security: bearer JWTs per domain.yaml (HS256 secret
 * from the named env variable, or a JWKS with rotation), scopes, API keys in a
 * header or the query, 401 versus 403, trusted identity headers upstream, and
 * the hostile tokens (alg none, HS/RS confusion, oversized).
 */
import { hashApiKey } from '../../../src/policies';
import { domain, openapi, published, startGateway, type Harness } from './support/gateway-harness';
import { send } from './support/http-client';
import { AUDIENCE, hs256, hsSignedWithPublicKey, ISSUER, JwksServer, rs256, rsaKey, SECRET, unsigned, type RsaKey } from './support/tokens';
import { UpstreamStub } from './support/upstream-stub';

const ok = { '200': { description: 'ok' } };
const contract = openapi(
  {
    '/shipments': {
      get: { operationId: 'listShipments', responses: ok },
      post: { operationId: 'createShipment', security: [{ bearerAuth: ['shipments:write'] }, { partnerKey: [] }], responses: ok },
    },
    '/search': { get: { operationId: 'search', security: [{ queryKey: [] }], responses: ok } },
    '/both': { get: { operationId: 'both', security: [{ bearerAuth: [], partnerKey: [] }], responses: ok } },
    '/public': { get: { operationId: 'public', security: [], responses: ok } },
    '/basic': { get: { operationId: 'basic', security: [{ basicAuth: [] }], responses: ok } },
  },
  {
    security: [{ bearerAuth: ['shipments:read'] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        partnerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
        basicAuth: { type: 'http', scheme: 'basic' },
      },
    },
  },
);

const consumers = [
  { consumerId: 'c-acme', name: 'Acme', keyHash: hashApiKey('acme-key'), scopes: ['shipments:write'] },
  { consumerId: 'c-fleet-only', name: 'Fleet partner', domain: 'fleet', keyHash: hashApiKey('fleet-key') },
];

describe('gateway auth', () => {
  const upstream = new UpstreamStub();
  const jwks = new JwksServer();
  let keyA: RsaKey;
  let keyB: RsaKey;
  let h: Harness;
  const get = (path: string, headers: Record<string, string> = {}) => send(h.port, path, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await Promise.all([upstream.start(), jwks.start()]);
    [keyA, keyB] = await Promise.all([rsaKey('key-a'), rsaKey('key-b')]);
    jwks.keys = [keyA.publicJwk];
    h = await startGateway(
      {
        apis: [published(contract), published(contract, { domain: 'fleet', api: 'tracking' }), published(contract, { domain: 'crm', api: 'accounts' })],
        domains: [
          domain(upstream.url, { auth: { jwt: { issuer: ISSUER, audience: AUDIENCE, secretEnv: 'DISPATCH_JWT_SECRET' } } }),
          { key: 'fleet', upstream: upstream.url, auth: { jwt: { issuer: ISSUER, audience: [AUDIENCE, 'other'], jwksUri: jwks.url } } },
          { key: 'crm', upstream: upstream.url, auth: { jwt: { issuer: ISSUER, secretEnv: 'CRM_JWT_SECRET' } } },
        ],
        consumers,
        env: { DISPATCH_JWT_SECRET: SECRET },
      },
      { limits: { jwksCooldownMs: 0 } },
    );
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([upstream.stop(), jwks.stop()]);
  });

  it('reports a domain whose secret variable is unset, and fails closed', async () => {
    expect(h.applied.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'JWT_UNVERIFIABLE', domain: 'crm', message: expect.stringContaining('CRM_JWT_SECRET') })]),
    );
    const answer = await get('/crm/accounts/v1/shipments', bearer(await hs256({ scope: 'shipments:read' })));
    expect(answer.status).toBe(401);
  });

  it('answers 401 with a Bearer challenge when no credentials are sent', async () => {
    const answer = await get('/dispatch/shipments/v1/shipments');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="dispatch"');
    expect(answer.json).toMatchObject({ type: 'https://charter.dev/problems/unauthenticated', status: 401, detail: 'credentials required' });
    const alternatives = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST' });
    expect(alternatives.headers['www-authenticate']).toBe('Bearer realm="dispatch", ApiKey realm="dispatch", in="header", name="x-api-key"');
  });

  it('passes a valid HS256 token and hands the verified identity upstream', async () => {
    const token = await hs256({ scope: 'shipments:read profile', sub: 'alice', azp: 'portal-app' });
    const answer = await get('/dispatch/shipments/v1/shipments', { ...bearer(token), 'x-charter-subject': 'mallory' });
    expect(answer.status).toBe(200);
    const headers = upstream.last().headers;
    expect(headers['x-charter-auth-method']).toBe('jwt');
    expect(headers['x-charter-subject']).toBe('alice');
    expect(headers['x-charter-consumer-id']).toBe('portal-app');
    expect(headers['x-charter-scopes']).toBe('shipments:read profile');
    expect(headers.authorization).toBe(`Bearer ${token}`);
  });

  it('reads scopes from `scp` too, and answers 403 insufficient_scope when one is missing', async () => {
    expect((await get('/dispatch/shipments/v1/shipments', bearer(await hs256({ scp: ['shipments:read'] })))).status).toBe(200);
    const answer = await get('/dispatch/shipments/v1/shipments', bearer(await hs256({ scope: 'profile' })));
    expect(answer.status).toBe(403);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="dispatch", error="insufficient_scope", scope="shipments:read"');
    expect(answer.json).toMatchObject({ type: 'https://charter.dev/problems/forbidden', detail: 'missing scope: shipments:read' });
  });

  it.each([
    ['expired beyond the clock skew', () => hs256({ scope: 'shipments:read', expiresIn: Math.floor(Date.now() / 1000) - 120 }), 'token expired'],
    ['from another issuer', () => hs256({ scope: 'shipments:read', iss: 'https://evil.test' }), 'claim iss is invalid'],
    ['for another audience', () => hs256({ scope: 'shipments:read', aud: 'billing-api' }), 'claim aud is invalid'],
    ['signed with another secret', () => hs256({ scope: 'shipments:read' }, 'another-secret-another-secret-1234'), 'signature verification failed'],
    ['without exp', () => hs256({ scope: 'shipments:read', expiresIn: 0 }), 'claim exp is missing'],
    ['unsigned (alg none)', async () => unsigned({ scope: 'shipments:read' }), 'token algorithm not allowed'],
    ['garbage', async () => 'not.a.jwt', 'malformed token'],
    ['huge', async () => `${'a'.repeat(9000)}.b.c`, 'token too large'],
  ])('refuses a token %s with 401 invalid_token', async (_name, make, reason) => {
    const answer = await get('/dispatch/shipments/v1/shipments', bearer(await make()));
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe(`Bearer realm="dispatch", error="invalid_token", error_description="${reason}"`);
    expect(answer.json.detail).toBe(reason);
  });

  it('accepts an API key alternative, strips the key and names the consumer upstream', async () => {
    const answer = await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: { 'x-api-key': 'acme-key' } });
    expect(answer.status).toBe(200);
    const headers = upstream.last().headers;
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers['x-charter-auth-method']).toBe('api-key');
    expect(headers['x-charter-consumer-id']).toBe('c-acme');
    expect(headers['x-charter-consumer-name']).toBe('Acme');
    expect((await send(h.port, '/dispatch/shipments/v1/shipments', { method: 'POST', headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
  });

  it('honours a key restricted to one domain', async () => {
    expect((await get('/dispatch/shipments/v1/search?api_key=fleet-key')).status).toBe(401);
    const answer = await get('/fleet/tracking/v1/search?q=1&api_key=fleet-key&x=2');
    expect(answer.status).toBe(200);
    expect(upstream.last().url).toBe('/search?q=1&x=2');
    expect((await get('/fleet/tracking/v1/search?api_key=fleet-key&api_key=acme-key')).status).toBe(401);
  });

  it('requires every scheme of an AND requirement', async () => {
    const token = await hs256({ sub: 'bob' });
    expect((await get('/dispatch/shipments/v1/both', bearer(token))).status).toBe(401);
    expect((await get('/dispatch/shipments/v1/both', { 'x-api-key': 'acme-key' })).status).toBe(401);
    expect((await get('/dispatch/shipments/v1/both', { ...bearer(token), 'x-api-key': 'acme-key' })).status).toBe(200);
    expect(upstream.last().headers).toMatchObject({ 'x-charter-auth-method': 'jwt+api-key', 'x-charter-subject': 'bob', 'x-charter-consumer-id': 'c-acme' });
  });

  it('fails closed on schemes the gateway cannot check, and leaves open operations open', async () => {
    expect((await get('/dispatch/shipments/v1/basic', { authorization: 'Basic YTpi' })).status).toBe(401);
    expect((await get('/dispatch/shipments/v1/public')).status).toBe(200);
  });

  it('verifies RS256 tokens against the domain JWKS and refuses HS/RS key confusion', async () => {
    expect((await get('/fleet/tracking/v1/shipments', bearer(await rs256(keyA, { scope: 'shipments:read' })))).status).toBe(200);
    const confused = await get('/fleet/tracking/v1/shipments', bearer(await hsSignedWithPublicKey(keyA, { scope: 'shipments:read' })));
    expect(confused.status).toBe(401);
    expect(confused.json.detail).toBe('token algorithm not allowed');
    expect((await get('/dispatch/shipments/v1/shipments', bearer(await rs256(keyA, { scope: 'shipments:read' })))).status).toBe(401);
  });

  it('follows JWKS key rotation, and forgets remembered tokens of a removed key', async () => {
    const rememberedA = bearer(await rs256(keyA, { scope: 'shipments:read', jti: 'remembered' }));
    expect((await get('/fleet/tracking/v1/shipments', rememberedA)).status).toBe(200);
    expect((await get('/fleet/tracking/v1/shipments', rememberedA)).status).toBe(200); // now answered from the token cache
    const hitsBefore = jwks.hits;
    jwks.keys = [keyB.publicJwk];
    const rotated = await get('/fleet/tracking/v1/shipments', bearer(await rs256(keyB, { scope: 'shipments:read' })));
    expect(rotated.status).toBe(200);
    expect(jwks.hits).toBe(hitsBefore + 1);
    const retired = await get('/fleet/tracking/v1/shipments', bearer(await rs256(keyA, { scope: 'shipments:read', jti: 'fresh' })));
    expect(retired.status).toBe(401);
    expect(retired.json.detail).toBe('no matching signing key');
    // The key set was refetched without key A: a token it verified earlier is checked again, and refused.
    const again = await get('/fleet/tracking/v1/shipments', rememberedA);
    expect(again.status).toBe(401);
    expect(again.json.detail).toBe('no matching signing key');
  });
});
