/**
 * One upstream origin: its undici keep-alive Pool, circuit breaker and retry
 * budget. Owned by the UpstreamRegistry, not by a route table, so a reload keeps
 * warm connections and breaker state; closed gracefully once no table uses it.
 */
import { Pool } from 'undici';
import { ReloadCache } from '../../policies';
import { CircuitBreaker } from './circuit-breaker';
import { RetryBudget } from './retry-budget';

export interface UpstreamOptions {
  connections: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  keepAliveTimeoutMs: number;
  breakerThreshold: number;
  breakerOpenMs: number;
  retryRatio: number;
  retryMinPerSecond: number;
}

export class Upstream {
  readonly pool: Pool;
  readonly breaker: CircuitBreaker;
  readonly budget: RetryBudget;
  /** Base path of the upstream URL without trailing slash ('' for the root). */
  readonly basePath: string;
  readonly origin: string;
  /** Host header value for X-Forwarded-Host decisions and logs. */
  readonly label: string;

  constructor(url: URL, options: UpstreamOptions) {
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.label = url.host;
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      pipelining: 1,
      connectTimeout: options.connectTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
    });
    this.breaker = new CircuitBreaker(options.breakerThreshold, options.breakerOpenMs);
    this.budget = new RetryBudget(options.retryRatio, options.retryMinPerSecond);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Upstreams by base URL, shared across route tables. */
export class UpstreamRegistry {
  private readonly cache: ReloadCache<Upstream>;
  private readonly retiring = new Set<Upstream>();

  constructor(
    private readonly options: UpstreamOptions,
    /** How long a retired upstream stays open for requests that captured an older table. */
    retireGraceMs: number,
  ) {
    this.cache = new ReloadCache<Upstream>({
      // Upstreams the new table does not use are closed once their requests finish.
      retire: (retired) => {
        for (const upstream of retired) {
          this.retiring.add(upstream);
        }
        const timer = setTimeout(() => {
          for (const upstream of retired) {
            this.retiring.delete(upstream);
            void upstream.close().catch(() => undefined);
          }
        }, retireGraceMs);
        timer.unref();
      },
      discard: (upstream) => void upstream.close().catch(() => undefined),
    });
  }

  acquire(url: URL): Upstream {
    return this.cache.acquire(url.href.replace(/\/+$/, ''), () => new Upstream(url, this.options));
  }

  commit(): void {
    this.cache.commit();
  }

  rollback(): void {
    this.cache.rollback();
  }

  async close(): Promise<void> {
    const all = [...new Set([...this.cache.drain(), ...this.retiring])];
    this.retiring.clear();
    await Promise.all(all.map((u) => u.pool.destroy().catch(() => undefined)));
  }
}
