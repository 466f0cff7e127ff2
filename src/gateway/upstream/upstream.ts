/**
 * One upstream origin: its undici keep-alive Pool, circuit breaker and retry
 * budget. Owned by the UpstreamRegistry, not by a route table, so a reload keeps
 * warm connections and breaker state; closed gracefully once no table uses it.
 */
import { Pool } from 'undici';
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
  private live = new Map<string, Upstream>();
  private pending = new Map<string, Upstream>();
  private readonly retiring = new Set<Upstream>();

  constructor(
    private readonly options: UpstreamOptions,
    /** How long a retired upstream stays open for requests that captured an older table. */
    private readonly retireGraceMs: number,
  ) {}

  acquire(url: URL): Upstream {
    const key = url.href.replace(/\/+$/, '');
    const existing = this.pending.get(key) ?? this.live.get(key);
    if (existing) {
      this.pending.set(key, existing);
      return existing;
    }
    const upstream = new Upstream(url, this.options);
    this.pending.set(key, upstream);
    return upstream;
  }

  /** After the swap: upstreams the new table does not use are closed once their requests finish. */
  commit(): void {
    const retired = [...this.live.entries()].filter(([key]) => !this.pending.has(key)).map(([, u]) => u);
    this.live = this.pending;
    this.pending = new Map();
    if (retired.length === 0) {
      return;
    }
    const timer = setTimeout(() => {
      for (const upstream of retired) {
        this.retiring.delete(upstream);
        void upstream.close().catch(() => undefined);
      }
    }, this.retireGraceMs);
    timer.unref();
    for (const upstream of retired) {
      this.retiring.add(upstream);
    }
  }

  rollback(): void {
    for (const [key, upstream] of this.pending) {
      if (!this.live.has(key)) {
        void upstream.close().catch(() => undefined);
      }
    }
    this.pending = new Map();
  }

  all(): Upstream[] {
    return [...this.live.values()];
  }

  async close(): Promise<void> {
    const all = [...new Set([...this.live.values(), ...this.pending.values(), ...this.retiring])];
    this.retiring.clear();
    this.live = new Map();
    this.pending = new Map();
    await Promise.all(all.map((u) => u.pool.destroy().catch(() => undefined)));
  }
}
