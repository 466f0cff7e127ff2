/**
 * Registry auth against an identity provider's JWKS (served on loopback): RS256
 * tokens with the right issuer and audience pass; HS/RS confusion (a token signed
 * HS256 with the public key as secret), unknown keys and other issuers fail.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as http from 'node:http';
import * as jwt from 'jsonwebtoken';
import { startTestApp, type TestApp } from '../support/test-app';
import { bearer, send } from '../support/http';

describe('registry auth with a JWKS URL', () => {
  let t: TestApp;
  let jwks: http.Server;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (privateKey: KeyObject, kid: string, claims: object = { role: 'admin' }, opts: jwt.SignOptions = {}) =>
    jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: kid, issuer: 'https://id.example', audience: 'charter', expiresIn: '5m', subject: 'idp-user', ...opts });

  beforeAll(async () => {
    const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as { port: number }).port;
    t = await startTestApp('pglite', {
      CHARTER_JWT_SECRET: '',
      CHARTER_JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      CHARTER_JWT_ISSUER: 'https://id.example',
      CHARTER_JWT_AUDIENCE: 'charter',
    });
  });
  afterAll(async () => {
    await t.close();
    jwks.close();
  });

  const domains = (token: string) => send('GET', `${t.url}/api/domains`, { headers: bearer(token) });

  it('accepts an RS256 token from the identity provider', async () => {
    const res = await domains(sign(key.privateKey, 'k1', { role: 'reader' }));
    expect(res.status).toBe(200);
  });

  it('refuses a token signed by a key the JWKS does not have', async () => {
    expect((await domains(sign(stranger.privateKey, 'k1'))).status).toBe(401);
    expect((await domains(sign(stranger.privateKey, 'unknown-kid'))).status).toBe(401);
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const pem = key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const forged = jwt.sign({ role: 'admin' }, pem, { algorithm: 'HS256', keyid: 'k1', issuer: 'https://id.example', audience: 'charter' });
    const res = await domains(forged);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('refuses another issuer or audience', async () => {
    expect((await domains(sign(key.privateKey, 'k1', { role: 'admin' }, { issuer: 'https://evil.example' }))).status).toBe(401);
    expect((await domains(sign(key.privateKey, 'k1', { role: 'admin' }, { audience: 'other' }))).status).toBe(401);
  });
});
