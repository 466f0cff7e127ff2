/**
 * Every bound the gateway enforces, with defaults. Passed in by the caller (the
 * Nest module maps config onto it); nothing here reads the environment.
 */
export interface GatewayLimits {
  /** Largest request head (request line + headers); above: 431. Node's own default is 16 KiB. */
  maxHeaderBytes: number;
  /** Largest request body; above: 413. */
  maxBodyBytes: number;
  /** Largest upstream response body buffered for validation; larger ones pass unvalidated (counted). */
  maxResponseValidationBytes: number;
  /** Largest bearer token looked at; above: 401 without parsing. */
  maxTokenBytes: number;
  /** Most query parameters in one request; above: 400. */
  maxQueryParams: number;
  /** Client must send the whole request within this time. */
  requestTimeoutMs: number;
  /**
   * How long an idle client connection is kept open. Longer than the idle timeout
   * of the balancers usually in front (60 s on AWS ALB): a gateway that closes a
   * connection first races the balancer's next request on it, which then fails
   * (a 502 at the balancer). Node's own 5 s also costs clients reconnects after
   * every quiet spell, a TCP handshake added to the next request's latency.
   */
  clientKeepAliveTimeoutMs: number;
  connectTimeoutMs: number;
  /**
   * Upstream must start answering within this time; else 504. Equal to the body
   * timeout by default: undici then refreshes a connection's one timer when the
   * body starts instead of creating another, a timer object per request that
   * otherwise lives until undici's 0.5 s timer sweep and is promoted by the GC.
   */
  upstreamHeadersTimeoutMs: number;
  /** Longest pause between upstream body chunks. */
  upstreamBodyTimeoutMs: number;
  upstreamKeepAliveTimeoutMs: number;
  /** Sockets per upstream origin. */
  upstreamConnections: number;
  /** Consecutive upstream failures that open its circuit. */
  breakerThreshold: number;
  breakerOpenMs: number;
  /** Retries allowed per request seen (idempotent methods only, one retry each). */
  retryRatio: number;
  retryMinPerSecond: number;
  jwksCooldownMs: number;
  jwksCacheMaxAgeMs: number;
  jwksTimeoutMs: number;
  clockSkewSeconds: number;
  /** Verified JWTs are remembered this long (never past exp); 0 re-verifies every request. */
  jwtCacheTtlMs: number;
  usageFlushIntervalMs: number;
  /** Distinct usage counters held before an early flush. */
  usageMaxKeys: number;
  /** Distinct consumer label values in metrics before the rest count as `other`. */
  metricsMaxConsumers: number;
  /** Trust X-Forwarded-For/Proto/Host from the client (only behind a trusted proxy). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: Readonly<GatewayLimits> = Object.freeze({
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 1024 * 1024,
  maxResponseValidationBytes: 1024 * 1024,
  maxTokenBytes: 8 * 1024,
  maxQueryParams: 256,
  requestTimeoutMs: 30_000,
  clientKeepAliveTimeoutMs: 75_000,
  connectTimeoutMs: 2_000,
  upstreamHeadersTimeoutMs: 30_000,
  upstreamBodyTimeoutMs: 30_000,
  upstreamKeepAliveTimeoutMs: 4_000,
  upstreamConnections: 128,
  breakerThreshold: 5,
  breakerOpenMs: 5_000,
  retryRatio: 0.2,
  retryMinPerSecond: 5,
  jwksCooldownMs: 30_000,
  jwksCacheMaxAgeMs: 10 * 60_000,
  jwksTimeoutMs: 3_000,
  clockSkewSeconds: 30,
  jwtCacheTtlMs: 60_000,
  usageFlushIntervalMs: 10_000,
  usageMaxKeys: 10_000,
  metricsMaxConsumers: 500,
  trustProxy: false,
});
