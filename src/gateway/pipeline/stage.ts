/**
 * A request passes through stages in order of PRIORITY (highest first), as
 * Kong's plugins do: correlation id, route match, auth, rate limit, request
 * validation, then dispatch (proxy with response validation, or mock). A stage
 * answers NEXT to continue or DONE when it has answered; it returns a promise
 * only when it must wait (JWT via JWKS, a Redis limiter, a request body), so
 * synchronous stages cost no microtask.
 */
import type { Logger } from 'pino';
import type { GatewayLimits } from '../gateway.limits';
import type { GatewayMetrics } from '../observability/gateway.metrics';
import type { RequestContext } from './request-context';

export const NEXT = 0;
export const DONE = 1;
export type StageOutcome = typeof NEXT | typeof DONE;

export const PRIORITY = {
  correlation: 1000,
  route: 900,
  auth: 800,
  rateLimit: 700,
  requestValidation: 600,
  dispatch: 100,
} as const;

export interface Stage {
  readonly name: keyof typeof PRIORITY;
  readonly priority: number;
  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome>;
}

/**
 * Work that must not delay an answer (monitor-mode response checks) waits until
 * the current answers are out and runs in batches: one setImmediate for all of
 * them, not one per response.
 */
export class DeferredWork {
  private pending: Array<() => void> = [];

  add(work: () => void): void {
    if (this.pending.length === 0) {
      setImmediate(() => this.run());
    }
    this.pending.push(work);
  }

  private run(): void {
    const batch = this.pending;
    this.pending = [];
    for (const work of batch) {
      work();
    }
  }
}

/** What stages share: bounds, metrics, the log. Built once per GatewayServer. */
export interface GatewayRuntime {
  limits: GatewayLimits;
  metrics: GatewayMetrics;
  logger: Logger;
  deferred: DeferredWork;
}
