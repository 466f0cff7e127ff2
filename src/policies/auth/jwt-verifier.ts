/**
 * Verifies a domain's bearer JWTs, built once per domain auth config and reused
 * across route tables (so a JWKS cache survives hot reloads).
 * - JWKS (`jwksUri`): jose's remote key set caches keys, refetches on an unknown
 *   `kid` (key rotation) at most once per cooldown, and times out slow endpoints.
 *   Only asymmetric algorithms are accepted, which is what defeats HS/RS confusion.
 * - Secret (`secretEnv`): HS256 only, with the secret read by the caller.
 * Always: `alg: none` refused, `exp` required, issuer/audience checked when
 * configured, clock skew tolerated, tokens above a size cap refused unparsed.
 *
 * Verified tokens are remembered (bounded, by their exact text, so a changed
 * signature is a different entry) for at most `cacheTtlMs` and never past their
 * own `exp`: clients reuse a token for many calls, and re-checking the same
 * signature on every request is the largest per-request cost of the gateway.
 * Only successes are cached; the time checks are redone on every hit. With a
 * JWKS, an entry is also bound to the key set it was verified against: once
 * that set is refetched (rotation) or has outlived `jwksCacheMaxAgeMs`, the
 * token is verified again, so remembering never keeps a removed key alive
 * longer than jose's own key cache would.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwksCache, jwtVerify, type JWKSCacheInput, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface JwtVerifierOptions {
  issuer?: string;
  audience?: string | string[];
  jwksUri?: string;
  /** The HS256 secret itself (the caller resolved `secretEnv`). */
  secret?: string;
  clockSkewSeconds: number;
  maxTokenBytes: number;
  jwksCooldownMs: number;
  jwksCacheMaxAgeMs: number;
  jwksTimeoutMs: number;
  /** How long a verified token is remembered (0: never); never past its key set's freshness. */
  cacheTtlMs: number;
}

export interface VerifiedToken {
  claims: JWTPayload;
  scopes: ReadonlySet<string>;
  /** The calling application: `azp`, then `client_id`, then `sub`. */
  clientId?: string;
  subject?: string;
}

export type JwtOutcome = { ok: true; token: VerifiedToken } | { ok: false; reason: string };

const CACHE_MAX_ENTRIES = 10_000;

interface CachedToken {
  outcome: { ok: true; token: VerifiedToken };
  /** Last instant (ms) the entry may be used: min(exp + skew, verified + TTL). */
  until: number;
  /** First instant (ms) the token is valid: nbf - skew. */
  from: number;
  /** JWKS only: when the key set that verified it was fetched. */
  keysFetchedAt?: number;
}

export class JwtVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly cache = new Map<string, CachedToken>();
  /** jose records in here when it last fetched the key set (`uat`). */
  private readonly keySet?: { uat?: number };

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.jwksUri) {
      this.keySet = {};
      this.key = createRemoteJWKSet(new URL(options.jwksUri), {
        cooldownDuration: options.jwksCooldownMs,
        cacheMaxAge: options.jwksCacheMaxAgeMs,
        timeoutDuration: options.jwksTimeoutMs,
        [jwksCache]: this.keySet as JWKSCacheInput,
      });
      this.algorithms = ASYMMETRIC_ALGORITHMS;
    } else if (options.secret) {
      this.key = createSecretKey(Buffer.from(options.secret, 'utf8'));
      this.algorithms = ['HS256'];
    } else {
      throw new Error('a JWT verifier needs a jwksUri or a secret');
    }
  }

  /** Synchronous for a remembered token; a promise when the signature must be checked. */
  verify(token: string): JwtOutcome | Promise<JwtOutcome> {
    if (token.length > this.options.maxTokenBytes) {
      return { ok: false, reason: 'token too large' };
    }
    const cached = this.cache.get(token);
    if (cached) {
      const now = Date.now();
      if (now <= cached.until && now >= cached.from && this.sameKeySet(cached, now)) {
        return cached.outcome;
      }
      this.cache.delete(token);
    }
    return this.verifySignature(token);
  }

  private async verifySignature(token: string): Promise<JwtOutcome> {
    try {
      const verifyOptions = {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockSkewSeconds,
        requiredClaims: ['exp'],
      };
      // Two call shapes because jose types the key-getter and key-object overloads apart.
      const { payload } =
        typeof this.key === 'function' ? await jwtVerify(token, this.key, verifyOptions) : await jwtVerify(token, this.key, verifyOptions);
      const outcome = { ok: true as const, token: describe(payload) };
      this.remember(token, outcome, payload);
      return outcome;
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }

  /** A JWKS entry stays usable only while the key set that verified it is the live, fresh one. */
  private sameKeySet(cached: CachedToken, now: number): boolean {
    const set = this.keySet;
    return set === undefined || (set.uat === cached.keysFetchedAt && now - (set.uat ?? 0) < this.options.jwksCacheMaxAgeMs);
  }

  private remember(token: string, outcome: CachedToken['outcome'], payload: JWTPayload): void {
    const skewMs = this.options.clockSkewSeconds * 1000;
    if (this.options.cacheTtlMs <= 0) {
      return;
    }
    const until = Math.min((payload.exp ?? 0) * 1000 + skewMs, Date.now() + this.options.cacheTtlMs);
    const from = typeof payload.nbf === 'number' ? payload.nbf * 1000 - skewMs : 0;
    if (this.cache.size >= CACHE_MAX_ENTRIES) {
      // Oldest first: Map iteration follows insertion order.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
      }
    }
    this.cache.set(token, { outcome, until, from, keysFetchedAt: this.keySet?.uat });
  }
}

function describe(claims: JWTPayload): VerifiedToken {
  const scopes = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      value.split(' ').forEach((s) => s && scopes.add(s));
    } else if (Array.isArray(value)) {
      value.forEach((s) => typeof s === 'string' && scopes.add(s));
    }
  };
  add(claims.scope);
  add(claims.scp);
  const pick = (key: string): string | undefined => (typeof claims[key] === 'string' ? (claims[key]) : undefined);
  return { claims, scopes, clientId: pick('azp') ?? pick('client_id') ?? claims.sub, subject: claims.sub };
}

/** A short, non-leaking reason for WWW-Authenticate and the problem detail. */
function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) {
    return 'token expired';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `claim ${error.claim} is ${error.reason === 'missing' ? 'missing' : 'invalid'}`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return 'token algorithm not allowed';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'signature verification failed';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'no matching signing key';
  }
  if (error instanceof joseErrors.JWKSTimeout) {
    return 'signing keys unavailable';
  }
  if (error instanceof joseErrors.JOSEError) {
    return 'malformed token';
  }
  return 'token could not be verified';
}
