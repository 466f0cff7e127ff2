/**
 * JWTs for specs: HS256 with a shared secret, RS256 with generated key pairs
 * served as a JWKS from a local http server (rotatable), and the hostile ones
 * (alg none, HS256 signed with the RSA public key, oversized).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

export const ISSUER = 'https://id.test';
export const AUDIENCE = 'dispatch-api';
export const SECRET = 'test-secret-of-at-least-32-bytes-length!';

export interface Claims {
  scope?: string;
  scp?: string[];
  sub?: string;
  azp?: string;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  [claim: string]: unknown;
}

function builder(claims: Claims): SignJWT {
  const { expiresIn = '5m', iss = ISSUER, aud = AUDIENCE, ...rest } = claims;
  const jwt = new SignJWT({ sub: 'user-1', ...rest }).setIssuedAt().setIssuer(iss).setAudience(aud);
  if (expiresIn !== 0) {
    jwt.setExpirationTime(expiresIn);
  }
  return jwt;
}

export function hs256(claims: Claims = {}, secret = SECRET): Promise<string> {
  return builder(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

export function unsigned(claims: Claims = {}): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'user-1', iss: ISSUER, aud: AUDIENCE, exp: now + 300, ...claims })}.`;
}

export interface RsaKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
  publicPem: string;
}

export async function rsaKey(kid: string): Promise<RsaKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

export function rs256(key: RsaKey, claims: Claims = {}): Promise<string> {
  return builder(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}

/** The key-confusion attack: HS256 whose HMAC secret is the RSA public key (PEM). */
export function hsSignedWithPublicKey(key: RsaKey, claims: Claims = {}): Promise<string> {
  return builder(claims).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(new TextEncoder().encode(key.publicPem));
}

export class JwksServer {
  keys: JWK[] = [];
  hits = 0;
  private server?: Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/.well-known/jwks.json`;
  }

  async start(): Promise<this> {
    this.server = createServer((_req, res) => {
      this.hits++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
