/**
 * Rate limiter instances, owned by the gateway process rather than by one route
 * table: a hot reload that keeps a policy keeps its limiter (and so its counts),
 * a policy that disappears has its limiter dropped. In Redis mode the key prefix
 * is derived only from the API, major version, operation and dimension, so every
 * gateway node running the same table shares one budget. A memory limiter stands
 * in ("insurance") while Redis is unreachable, so an outage degrades to per-node
 * limits instead of failing requests.
 */
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitPlan } from '../../core/policy';
import { ReloadCache } from '../reload-cache';

export class LimiterRegistry {
  private readonly cache = new ReloadCache<RateLimiterAbstract>();

  constructor(private readonly redis?: Redis) {}

  /** The limiter for a policy, reused from the live table when its shape is unchanged. */
  acquire(keyPrefix: string, plan: RateLimitPlan): RateLimiterAbstract {
    return this.cache.acquire(`${keyPrefix}|${plan.limit}|${plan.windowSeconds}`, () => {
      const options = { keyPrefix, points: plan.limit, duration: plan.windowSeconds };
      return this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
    });
  }

  /** Called when the table being built is swapped in: limiters it did not acquire are dropped. */
  commit(): void {
    this.cache.commit();
  }

  /** Called when a build fails: the live table's limiters stay as they are. */
  rollback(): void {
    this.cache.rollback();
  }
}
