/**
 * JWT verifiers per domain auth config, kept across route tables while the
 * config is unchanged so the JWKS cache (and its rotation state) survives
 * reloads. The HS256 secret is read from the env map given with the table.
 */
import { createHash } from 'node:crypto';
import { JwtVerifier, ReloadCache } from '../policies';
import type { GatewayLimits } from './gateway.limits';
import type { DomainJwtInput } from './route-table.input';

export type VerifierOutcome = { ok: true; verifier: JwtVerifier } | { ok: false; reason: string };

export class VerifierRegistry {
  private readonly cache = new ReloadCache<JwtVerifier>();

  constructor(private readonly limits: GatewayLimits) {}

  acquire(domain: string, jwt: DomainJwtInput, env: Record<string, string | undefined>): VerifierOutcome {
    const secret = jwt.secretEnv ? env[jwt.secretEnv] : undefined;
    if (!jwt.jwksUri && !jwt.secretEnv) {
      return { ok: false, reason: `domain "${domain}": auth.jwt needs jwksUri or secretEnv` };
    }
    if (!jwt.jwksUri && !secret) {
      return { ok: false, reason: `domain "${domain}": env ${jwt.secretEnv} is not set` };
    }
    if (jwt.jwksUri) {
      try {
        const url = new URL(jwt.jwksUri);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
          throw new Error();
        }
      } catch {
        return { ok: false, reason: `domain "${domain}": jwksUri is not an http(s) URL` };
      }
    }
    const signature = JSON.stringify([
      jwt.issuer,
      jwt.audience,
      jwt.jwksUri,
      secret && createHash('sha256').update(secret).digest('hex'),
      jwt.clockSkewSeconds,
    ]);
    const verifier = this.cache.acquire(
      signature,
      () =>
        new JwtVerifier({
          issuer: jwt.issuer,
          audience: jwt.audience,
          jwksUri: jwt.jwksUri,
          secret: jwt.jwksUri ? undefined : secret,
          clockSkewSeconds: jwt.clockSkewSeconds ?? this.limits.clockSkewSeconds,
          maxTokenBytes: this.limits.maxTokenBytes,
          jwksCooldownMs: this.limits.jwksCooldownMs,
          jwksCacheMaxAgeMs: this.limits.jwksCacheMaxAgeMs,
          jwksTimeoutMs: this.limits.jwksTimeoutMs,
          cacheTtlMs: this.limits.jwtCacheTtlMs,
        }),
    );
    return { ok: true, verifier };
  }

  commit(): void {
    this.cache.commit();
  }

  rollback(): void {
    this.cache.rollback();
  }
}
