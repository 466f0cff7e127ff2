/**
 * The data plane: its own node:http listener (no Nest, no framework per request),
 * a route table swapped in one assignment, and the stage pipeline. The control
 * plane feeds it with applyTable(RouteTableInput) whenever published versions,
 * domains or consumers change; see README.md for the hot-path rules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { LimiterRegistry } from '../policies';
import './regexp-guard';
import { DEFAULT_LIMITS, type GatewayLimits } from './gateway.limits';
import { type AccessLog, type LineSink, pinoAccessLog, streamAccessLog } from './observability/access-log';
import { GatewayMetrics } from './observability/gateway.metrics';
import { AuthStage } from './pipeline/auth.stage';
import { CorrelationStage } from './pipeline/correlation.stage';
import { DispatchStage } from './pipeline/dispatch.stage';
import { RateLimitStage } from './pipeline/rate-limit.stage';
import { RequestContext } from './pipeline/request-context';
import { RequestValidationStage } from './pipeline/request-validation.stage';
import { RouteStage } from './pipeline/route.stage';
import { DeferredWork, NEXT, type GatewayRuntime, type Stage } from './pipeline/stage';
import { problem, rawProblemResponse } from './problems/gateway-problems';
import { RouteTable } from './route-table';
import { RouteTableBuilder } from './route-table.builder';
import type { ApplyTableIssue, ApplyTableResult, RouteTableInput } from './route-table.input';
import { UpstreamRegistry } from './upstream/upstream';
import { UsageAggregator, type UsageSink } from './usage/usage-aggregator';

export interface GatewayServerOptions {
  logger: Logger;
  /** Shared rate-limit budgets across gateway nodes; in memory without it. */
  redisUrl?: string;
  /** Where the gateway's metrics go (the app's /metrics registry); a private one without it. */
  metricsRegistry?: Registry;
  limits?: Partial<GatewayLimits>;
  /** Receives aggregated usage counters in batches. */
  usageSink?: UsageSink;
  /**
   * Where the one-line-per-request access log goes (default: through `logger`). The
   * line is the largest per-request cost after the proxying itself: a batching
   * sink (platform/logging BatchedLineSink) takes the same line written without
   * pino's per-call work and without a write per line.
   */
  accessStream?: LineSink;
}

const noop = (): void => undefined;

export class GatewayServer {
  private table = RouteTable.empty();
  private readonly server: Server;
  private readonly stages: Stage[];
  private readonly runtime: GatewayRuntime;
  private readonly log: Logger;
  private readonly accessLog: AccessLog;
  private readonly redis?: Redis;
  private readonly limiters: LimiterRegistry;
  private readonly upstreams: UpstreamRegistry;
  private readonly builder: RouteTableBuilder;
  private readonly usage: UsageAggregator;
  private building: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** While closing: one pending sweep of idle connections, however many answers finish in a tick. */
  private idleSweep?: NodeJS.Immediate;
  readonly limits: GatewayLimits;

  constructor(options: GatewayServerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.log = options.logger.child({ component: 'gateway' });
    this.accessLog = options.accessStream
      ? streamAccessLog(options.accessStream, { service: 'charter', log: 'access', component: 'gateway' })
      : pinoAccessLog(this.log);
    const metrics = new GatewayMetrics(options.metricsRegistry ?? new Registry(), this.limits.metricsMaxConsumers);
    this.runtime = { limits: this.limits, metrics, logger: this.log, deferred: new DeferredWork() };
    if (options.redisUrl) {
      // No offline queue: while Redis is away, limiters fall back to memory at once instead of queueing.
      this.redis = new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: this.limits.connectTimeoutMs,
        // Keep trying while the gateway runs (at most every 2 s); stop once it closes.
        retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 2_000)),
        // ioredis waits this long for a dead socket to close on disconnect; keep shutdown quick.
        disconnectTimeout: 200,
      });
      let lastLogged = 0;
      this.redis.on('error', (error: Error) => {
        if (Date.now() - lastLogged > 10_000) {
          this.log.warn({ err: error }, 'redis unavailable; rate limits are per node meanwhile');
        }
        lastLogged = Date.now();
      });
    }
    this.limiters = new LimiterRegistry(this.redis);
    this.upstreams = new UpstreamRegistry({
      connections: this.limits.upstreamConnections,
      connectTimeoutMs: this.limits.connectTimeoutMs,
      headersTimeoutMs: this.limits.upstreamHeadersTimeoutMs,
      bodyTimeoutMs: this.limits.upstreamBodyTimeoutMs,
      keepAliveTimeoutMs: this.limits.upstreamKeepAliveTimeoutMs,
      breakerThreshold: this.limits.breakerThreshold,
      breakerOpenMs: this.limits.breakerOpenMs,
      retryRatio: this.limits.retryRatio,
      retryMinPerSecond: this.limits.retryMinPerSecond,
    }, this.limits.requestTimeoutMs);
    this.builder = new RouteTableBuilder(this.limiters, this.upstreams, this.limits, this.log);
    this.usage = new UsageAggregator(options.usageSink, this.limits.usageFlushIntervalMs, this.limits.usageMaxKeys, this.log);
    this.stages = [
      new CorrelationStage(),
      new RouteStage(this.runtime),
      new AuthStage(),
      new RateLimitStage(this.limits.trustProxy),
      new RequestValidationStage(this.runtime),
      new DispatchStage(this.runtime),
    ].sort((a, b) => b.priority - a.priority);
    this.server = createServer(
      {
        maxHeaderSize: this.limits.maxHeaderBytes,
        requestTimeout: this.limits.requestTimeoutMs,
        headersTimeout: Math.min(this.limits.requestTimeoutMs, 20_000),
        keepAliveTimeout: this.limits.clientKeepAliveTimeoutMs,
        noDelay: true,
      },
      (req, res) => this.handle(req, res),
    );
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => this.clientError(error, socket));
  }

  /**
   * Starts listening; answers the bound address (port 0 picks a free one). With
   * Redis, waits (up to its connect timeout) for it first, so the node joins the
   * shared budgets from its first request; if Redis is away it starts anyway.
   */
  async listen(port: number, host = '0.0.0.0'): Promise<AddressInfo> {
    await this.redisReady();
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        this.log.info({ port: address.port, host }, 'gateway listening');
        resolve(address);
      });
    });
  }

  private async redisReady(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => redis.once('ready', () => resolve())),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.limits.connectTimeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Builds a new route table from `input` and swaps it in with one assignment.
   * Builds run one at a time, in call order. On a thrown build the live table
   * stays; a version that fails to compile is reported and its route keeps its
   * last good version (see RouteTableBuilder).
   */
  applyTable(input: RouteTableInput): Promise<ApplyTableResult> {
    const run = this.building.then(() => this.build(input));
    this.building = run.catch(noop);
    return run;
  }

  /** Route prefixes served now: `domain/api/v{major}` -> version. */
  routes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, api] of this.table.apis) {
      out[key] = api.version;
    }
    return out;
  }

  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), flushes usage, closes pools and Redis. */
  async close(graceMs = 5_000): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
    timer.unref();
    await stopped;
    clearTimeout(timer);
    await this.usage.close();
    await this.upstreams.close();
    if (this.redis?.status === 'ready') {
      await this.redis.quit().catch(() => this.redis?.disconnect());
    } else {
      this.redis?.disconnect(); // stops its reconnect loop
    }
    this.log.info('gateway closed');
  }

  private async build(input: RouteTableInput): Promise<ApplyTableResult> {
    try {
      const { table, errors, warnings } = await this.builder.build(input, new Date());
      this.table = table; // the swap: requests that started earlier keep the table they captured
      this.limiters.commit();
      this.upstreams.commit();
      this.builder.verifiers.commit();
      const routes = this.routes();
      this.runtime.metrics.tableBuilt(errors.length > 0 ? 'partial' : 'ok', table.apis.size);
      if (errors.length > 0) {
        this.log.error({ errors }, 'route table applied with errors');
      } else {
        this.log.info({ routes: table.apis.size, warnings: warnings.length }, 'route table applied');
      }
      return { ok: errors.length === 0, applied: true, errors, warnings, routes };
    } catch (error) {
      this.limiters.rollback();
      this.upstreams.rollback();
      this.builder.verifiers.rollback();
      this.runtime.metrics.tableBuilt('failed');
      this.log.error({ err: error }, 'route table build failed; the last good table stays live');
      const issue: ApplyTableIssue = { severity: 'error', code: 'BUILD_FAILED', message: (error as Error).message };
      return { ok: false, applied: false, errors: [issue], warnings: [], routes: this.routes() };
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', noop);
    res.on('error', noop);
    if (this.closed) {
      res.shouldKeepAlive = false; // closing: this answer says `Connection: close`
    }
    const ctx = new RequestContext(req, res, this.table);
    // `on`, not `once`: 'close' is emitted once per response, and once() wraps the listener in another closure.
    res.on('close', () => this.finish(ctx));
    this.runFrom(ctx, 0);
  }

  private runFrom(ctx: RequestContext, from: number): void {
    const stages = this.stages;
    for (let i = from; i < stages.length; i++) {
      let outcome;
      try {
        outcome = stages[i].run(ctx);
      } catch (error) {
        this.crash(ctx, error);
        return;
      }
      if (outcome === NEXT) {
        continue;
      }
      if (typeof outcome === 'number') {
        return;
      }
      const next = i + 1;
      outcome.then(
        (result) => {
          if (result === NEXT) {
            this.runFrom(ctx, next);
          }
        },
        (error: unknown) => this.crash(ctx, error),
      );
      return;
    }
  }

  private crash(ctx: RequestContext, error: unknown): void {
    this.log.error({ err: error, correlationId: ctx.correlationId, route: ctx.op?.label }, 'gateway stage failed');
    ctx.reject('INTERNAL_ERROR', 'an unexpected error occurred; it has been logged with this correlation id');
  }

  private finish(ctx: RequestContext): void {
    if (this.closed) {
      // Closing: the connection is idle once this answer is out; don't keep it for the keep-alive timeout.
      this.idleSweep ??= setImmediate(() => {
        this.idleSweep = undefined;
        this.server.closeIdleConnections();
      });
    }
    const done = ctx.res.writableFinished;
    if (!done) {
      ctx.upstreamAbort?.abort();
    }
    const status = done ? ctx.res.statusCode : 499;
    const ms = performance.now() - ctx.start;
    const method = ctx.req.method ?? 'GET';
    const consumer = ctx.identity.consumerId;
    this.runtime.metrics.request(ctx.op?.label ?? 'unmatched', method, status, consumer, ms / 1000);
    if (ctx.op) {
      this.usage.record(ctx.op, consumer, status);
    }
    this.accessLog.record(ctx, status, ms);
  }

  private clientError(error: NodeJS.ErrnoException, socket: Socket): void {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'MALFORMED_REQUEST';
    const detail =
      code === 'HEADERS_TOO_LARGE'
        ? `request headers exceed ${this.limits.maxHeaderBytes} bytes`
        : code === 'REQUEST_TIMEOUT'
          ? 'the request was not received in time'
          : 'the request is not valid HTTP/1.1 (bad request line, header name or value)';
    this.runtime.metrics.request('unparsed', 'UNKNOWN', problem(code).status, undefined, 0);
    this.log.info({ code: error.code, status: problem(code).status }, 'request refused by the HTTP parser');
    socket.end(rawProblemResponse(problem(code), detail));
  }
}
