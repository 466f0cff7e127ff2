/**
 * One operation's rate limit at run time: which key a request counts against
 * (consumer, else IP for anonymous callers; IP; or one global key), and the
 * RateLimit / RateLimit-Policy header values (draft-ietf-httpapi-ratelimit-headers,
 * structured-field form), whose constant parts are prepared here once.
 */
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitPlan } from '../../core/policy';
import { numberText } from '../../platform/text/number-text';

export interface RateLimitOutcome {
  allowed: boolean;
  /** Value of the RateLimit header. */
  header: string;
  /** Seconds until a request may succeed again (Retry-After on 429). */
  retryAfter: number;
}

export class RateLimitPolicy {
  readonly policyHeader: string;
  private readonly headerPrefix: string;

  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly plan: RateLimitPlan,
  ) {
    const name = `${plan.scope}-${plan.by}`;
    this.policyHeader = `"${name}";q=${plan.limit};w=${plan.windowSeconds}`;
    this.headerPrefix = `"${name}";r=`;
  }

  /**
   * The key of the global or the consumer's budget; undefined when the request
   * counts against its client IP (`ipKey`), so the IP is only worked out when used.
   */
  keyFor(consumerId: string | undefined): string | undefined {
    if (this.plan.by === 'global') {
      return 'global';
    }
    if (this.plan.by === 'consumer' && consumerId !== undefined) {
      return `c:${consumerId}`;
    }
    return undefined;
  }

  ipKey(ip: string): string {
    return `ip:${ip}`;
  }

  consume(key: string): Promise<RateLimitOutcome> {
    return this.limiter.consume(key, 1).then(
      (res) => this.outcome(true, res),
      (rejection: unknown) => {
        // Without insurance a store error rejects with an Error: fail open on the
        // limiter (the request still passes auth and validation), never on the request.
        if (rejection instanceof Error) {
          return { allowed: true, header: `${this.headerPrefix}${this.plan.limit};t=${this.plan.windowSeconds}`, retryAfter: 0 };
        }
        return this.outcome(false, rejection as RateLimiterRes);
      },
    );
  }

  /** The remaining count differs on every request: numberText keeps it out of V8's number-string cache. */
  private outcome(allowed: boolean, res: RateLimiterRes): RateLimitOutcome {
    const reset = Math.max(0, Math.ceil(res.msBeforeNext / 1000));
    return { allowed, header: `${this.headerPrefix}${numberText(Math.max(0, res.remainingPoints))};t=${reset}`, retryAfter: Math.max(1, reset) };
  }
}
