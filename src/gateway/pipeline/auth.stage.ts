/**
 * Auth from the contract's security requirements (see SecurityEvaluator):
 * 401 with WWW-Authenticate when credentials are missing or invalid, 403 when
 * they are valid but lack a scope. The verified identity goes on the context;
 * the proxy turns it into trusted headers for the upstream.
 */
import type { AuthRequest, AuthResult } from '../../policies';
import { parseCookies } from '../../policies/validation/param-parser';
import type { RequestContext } from './request-context';
import { DONE, NEXT, PRIORITY, type Stage, type StageOutcome } from './stage';

function authRequest(ctx: RequestContext): AuthRequest {
  const headers = ctx.req.headers;
  let cookies: Map<string, string[]> | undefined;
  return {
    authorization: headers.authorization,
    header: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    },
    query: (name) => ctx.query.get(name),
    cookie: (name) => (cookies ??= parseCookies(headers.cookie)).get(name)?.[0],
  };
}

export class AuthStage implements Stage {
  readonly name = 'auth';
  readonly priority = PRIORITY.auth;

  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
    const auth = ctx.op!.policies.auth;
    if (auth.isOpen) return NEXT;
    const result = auth.evaluate(authRequest(ctx));
    return result instanceof Promise ? result.then((r) => this.apply(ctx, r)) : this.apply(ctx, result);
  }

  private apply(ctx: RequestContext, result: AuthResult): StageOutcome {
    if (result.ok) {
      ctx.identity = result.identity;
      return NEXT;
    }
    ctx.reject(result.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', result.detail, { headers: ['www-authenticate', result.challenge] });
    return DONE;
  }
}
