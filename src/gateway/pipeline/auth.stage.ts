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

/** The request as auth sees it: one small object per request, methods on the prototype (no closures). */
class RequestAuthView implements AuthRequest {
  readonly authorization: string | undefined;
  private cookies?: Map<string, string[]>;

  constructor(private readonly ctx: RequestContext) {
    this.authorization = ctx.req.headers.authorization;
  }

  header(name: string): string | undefined {
    const value = this.ctx.req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }

  query(name: string): string[] | undefined {
    return this.ctx.query.get(name);
  }

  cookie(name: string): string | undefined {
    return (this.cookies ??= parseCookies(this.ctx.req.headers.cookie)).get(name)?.[0];
  }
}

export class AuthStage implements Stage {
  readonly name = 'auth';
  readonly priority = PRIORITY.auth;

  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
    const auth = ctx.op!.policies.auth;
    if (auth.isOpen) {
      return NEXT;
    }
    const result = auth.evaluate(new RequestAuthView(ctx));
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
