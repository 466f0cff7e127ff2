/**
 * x-charter-rate-limit: counts the request against its key (consumer, IP or
 * global), adds RateLimit and RateLimit-Policy to the answer, and answers 429
 * with Retry-After once the window's budget is spent.
 */
import type { RateLimitOutcome } from '../../policies';
import { clientAddress } from './client-address';
import type { RequestContext } from './request-context';
import { DONE, NEXT, PRIORITY, type Stage, type StageOutcome } from './stage';

export class RateLimitStage implements Stage {
  readonly name = 'rateLimit';
  readonly priority = PRIORITY.rateLimit;

  constructor(private readonly trustProxy: boolean) {}

  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
    const policy = ctx.op!.policies.rateLimit;
    if (!policy) {
      return NEXT;
    }
    const key = policy.keyFor(ctx.identity.consumerId) ?? policy.ipKey(clientAddress(ctx.req, this.trustProxy));
    return policy.consume(key).then((outcome) => this.apply(ctx, policy.policyHeader, outcome));
  }

  private apply(ctx: RequestContext, policyHeader: string, outcome: RateLimitOutcome): StageOutcome {
    ctx.answerHeaders.push('ratelimit-policy', policyHeader, 'ratelimit', outcome.header);
    if (outcome.allowed) {
      return NEXT;
    }
    ctx.reject('RATE_LIMITED', `rate limit exceeded; retry in ${outcome.retryAfter} s`, { headers: ['retry-after', String(outcome.retryAfter)] });
    return DONE;
  }
}
