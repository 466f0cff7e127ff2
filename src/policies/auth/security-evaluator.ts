/**
 * Evaluates an operation's security requirements (alternatives OR'ed, schemes in
 * one requirement AND'ed) against a request. Outcome: the caller's identity, or a
 * 401 (credentials missing or invalid) with WWW-Authenticate challenges, or a 403
 * (authenticated, but no alternative grants the scopes). Synchronous unless a JWT
 * has to be verified; the JWT is verified at most once per request.
 */
import type { SecurityRequirementPlan, SecuritySchemePlan } from '../../core/policy';
import type { ApiKeyStore, ConsumerKey } from './api-key-store';
import type { JwtOutcome, JwtVerifier, VerifiedToken } from './jwt-verifier';

export interface Identity {
  method: 'anonymous' | 'jwt' | 'api-key' | 'jwt+api-key';
  /** Registered consumer (API key) or the token's client id: what metrics and usage count by. */
  consumerId?: string;
  consumerName?: string;
  subject?: string;
  scopes: readonly string[];
  /**
   * The identity as trusted upstream headers, filled in by the gateway the first
   * time it forwards this identity. Identities of remembered tokens and keys are
   * reused across requests, so this is built once per token, not per request.
   */
  forwardHeaders?: string[];
}

/** Shared by every unauthenticated request; not frozen because the gateway caches its forward headers on it. */
export const ANONYMOUS: Identity = { method: 'anonymous', scopes: [] };

export interface AuthRequest {
  authorization: string | undefined;
  header(name: string): string | undefined;
  query(name: string): string[] | undefined;
  cookie(name: string): string | undefined;
}

export type AuthResult = { ok: true; identity: Identity } | { ok: false; status: 401 | 403; detail: string; challenge: string };

export interface AuthContext {
  domain: string;
  jwt?: JwtVerifier;
  keys: ApiKeyStore;
}

type SchemeOutcome = { kind: 'ok'; token?: VerifiedToken; consumer?: ConsumerKey } | { kind: 'missing' } | { kind: 'invalid'; reason: string } | { kind: 'scope'; missing: string[] };

const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

export class SecurityEvaluator {
  private readonly anonymousAllowed: boolean;
  private readonly realm: string;
  private readonly needsJwt: boolean;

  constructor(
    private readonly requirements: SecurityRequirementPlan[],
    private readonly schemes: Record<string, SecuritySchemePlan>,
    private readonly ctx: AuthContext,
  ) {
    this.anonymousAllowed = requirements.length === 0;
    this.realm = ctx.domain.replace(/["\\]/g, '');
    this.needsJwt = requirements.some((r) => r.schemes.some((s) => this.schemes[s.scheme]?.type === 'jwt'));
  }

  get isOpen(): boolean {
    return this.anonymousAllowed;
  }

  evaluate(request: AuthRequest): AuthResult | Promise<AuthResult> {
    if (this.anonymousAllowed) {
      return { ok: true, identity: ANONYMOUS };
    }
    const match = this.needsJwt && request.authorization ? BEARER.exec(request.authorization) : null;
    if (match && this.ctx.jwt) {
      const outcome = this.ctx.jwt.verify(match[1]);
      return outcome instanceof Promise ? outcome.then((jwt) => this.decide(request, jwt)) : this.decide(request, outcome);
    }
    const jwt: JwtOutcome | undefined = match ? { ok: false, reason: 'no verifier configured for this domain' } : undefined;
    return this.decide(request, jwt);
  }

  private decide(request: AuthRequest, jwt: JwtOutcome | undefined): AuthResult {
    const outcomes: SchemeOutcome[] = [];
    for (const requirement of this.requirements) {
      if (requirement.schemes.length === 1) {
        // The common case: one scheme. Its identity is shared per token or key.
        const { scheme, scopes } = requirement.schemes[0];
        const outcome = this.check(scheme, scopes, request, jwt);
        outcomes.push(outcome);
        if (outcome.kind === 'ok') {
          return { ok: true, identity: sharedIdentity(outcome) };
        }
        continue;
      }
      let passed = true;
      const identity: Identity = { method: 'anonymous', scopes: [] };
      for (const { scheme, scopes } of requirement.schemes) {
        const outcome = this.check(scheme, scopes, request, jwt);
        outcomes.push(outcome);
        if (outcome.kind !== 'ok') {
          passed = false;
          break;
        }
        merge(identity, outcome);
      }
      if (passed) {
        return { ok: true, identity };
      }
    }
    return this.failure(outcomes);
  }

  private check(name: string, scopes: string[], request: AuthRequest, jwt: JwtOutcome | undefined): SchemeOutcome {
    const scheme = this.schemes[name];
    if (!scheme || scheme.type === 'unsupported') {
      return { kind: 'invalid', reason: `security scheme "${name}" cannot be satisfied` };
    }
    if (scheme.type === 'jwt') {
      if (!jwt) {
        return { kind: 'missing' };
      }
      if (!jwt.ok) {
        return { kind: 'invalid', reason: jwt.reason };
      }
      const missing = missingScopes(scopes, jwt.token.scopes);
      return missing ? { kind: 'scope', missing } : { kind: 'ok', token: jwt.token };
    }
    let presented: string | undefined;
    if (scheme.in === 'header') {
      presented = request.header(scheme.paramName);
    } else if (scheme.in === 'cookie') {
      presented = request.cookie(scheme.paramName);
    } else {
      const values = request.query(scheme.paramName);
      if (values && values.length > 1) {
        return { kind: 'invalid', reason: 'API key given more than once' };
      }
      presented = values?.[0];
    }
    if (presented === undefined || presented === '') {
      return { kind: 'missing' };
    }
    const consumer = this.ctx.keys.find(presented, this.ctx.domain);
    if (!consumer) {
      return { kind: 'invalid', reason: 'unknown API key' };
    }
    const missing = missingScopes(scopes, consumer.scopes);
    return missing ? { kind: 'scope', missing } : { kind: 'ok', consumer };
  }

  private failure(outcomes: SchemeOutcome[]): AuthResult {
    const invalid = outcomes.find((o): o is { kind: 'invalid'; reason: string } => o.kind === 'invalid');
    const scope = outcomes.find((o): o is { kind: 'scope'; missing: string[] } => o.kind === 'scope');
    if (scope && !invalid) {
      const wanted = scope.missing.join(' ');
      return {
        ok: false,
        status: 403,
        detail: `missing scope: ${wanted}`,
        challenge: `Bearer realm="${this.realm}", error="insufficient_scope", scope="${wanted.replace(/["\\]/g, '')}"`,
      };
    }
    const challenges = this.challenges(invalid?.reason);
    return { ok: false, status: 401, detail: invalid ? invalid.reason : 'credentials required', challenge: challenges };
  }

  private challenges(reason: string | undefined): string {
    const seen = new Set<string>();
    for (const requirement of this.requirements) {
      for (const { scheme } of requirement.schemes) {
        const plan = this.schemes[scheme];
        if (plan?.type === 'jwt') {
          seen.add(reason ? `Bearer realm="${this.realm}", error="invalid_token", error_description="${reason.replace(/["\\]/g, '')}"` : `Bearer realm="${this.realm}"`);
        } else if (plan?.type === 'apiKey') {
          seen.add(`ApiKey realm="${this.realm}", in="${plan.in}", name="${plan.paramName}"`);
        }
      }
    }
    return seen.size > 0 ? [...seen].join(', ') : `Bearer realm="${this.realm}"`;
  }
}

/** The required scopes not granted, or undefined when all are: no array is allocated on the (usual) granted path. */
function missingScopes(required: readonly string[], granted: ReadonlySet<string>): string[] | undefined {
  for (let i = 0; i < required.length; i++) {
    if (!granted.has(required[i])) {
      return required.filter((s) => !granted.has(s));
    }
  }
  return undefined;
}

const identities = new WeakMap<object, Identity>();

function sharedIdentity(outcome: { token?: VerifiedToken; consumer?: ConsumerKey }): Identity {
  const owner = (outcome.token ?? outcome.consumer) as object;
  let identity = identities.get(owner);
  if (!identity) {
    identity = { method: 'anonymous', scopes: [] };
    merge(identity, outcome);
    identities.set(owner, identity);
  }
  return identity;
}

function merge(identity: Identity, outcome: { token?: VerifiedToken; consumer?: ConsumerKey }): void {
  if (outcome.token) {
    identity.method = identity.method === 'api-key' ? 'jwt+api-key' : 'jwt';
    identity.subject = outcome.token.subject;
    identity.consumerId ??= outcome.token.clientId;
    identity.scopes = [...new Set([...identity.scopes, ...outcome.token.scopes])];
  }
  if (outcome.consumer) {
    identity.method = identity.method === 'jwt' ? 'jwt+api-key' : 'api-key';
    // A registered consumer is the better accounting key than a token's client id.
    identity.consumerId = outcome.consumer.consumerId;
    identity.consumerName = outcome.consumer.name;
    identity.scopes = [...new Set([...identity.scopes, ...outcome.consumer.scopes])];
  }
}
