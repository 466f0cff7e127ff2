/**
 * Nest wiring around the data plane: builds the GatewayServer once, feeds it the
 * route table from the registry, and keeps that table current. Nothing here runs
 * per request; the server has its own listener on GATEWAY_PORT.
 *
 * Freshness: a publish in this process reloads at once (in-process event); other
 * processes learn it through PostgreSQL LISTEN/NOTIFY, and gateway-only nodes also
 * poll, so a lost notification costs at most one poll interval. A reload that
 * cannot read the database keeps the last good table serving.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { MetricsService } from '../platform/health/metrics.service';
import { createAccessStream } from '../platform/logging/logger';
import { LOGGER } from '../platform/logging/logger.provider';
import { RegistryFeed } from '../registry/registry-feed';
import { REGISTRY_CHANNEL, RegistryEvents } from '../registry/registry.events';
import type { UsageDelta } from '../registry/usage.repository';
import { GatewayServer, type UsageRecord } from './index';

const POLL_INTERVAL_MS = 30_000;
const LISTEN_RETRY_MS = 2_000;

export function toUsageDelta(r: UsageRecord): UsageDelta {
  return {
    day: r.windowStart.toISOString().slice(0, 10),
    domain: r.domain,
    api: r.api,
    major: r.major,
    operation: r.operationId || `${r.method} ${r.path}`,
    consumer: r.consumerId ?? 'anonymous',
    requests: r.requests,
    errors: r.clientErrors + r.serverErrors,
    lastSeenAt: r.windowEnd,
  };
}

@Injectable()
export class GatewayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private server?: GatewayServer;
  private bound?: AddressInfo;
  private reloading?: Promise<void>;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;
  private poll?: NodeJS.Timeout;
  private listener?: Client;
  private listenRetry?: NodeJS.Timeout;
  private access?: { flush(): void; stream: { write(line: string): unknown } };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) logger: Logger,
    private readonly metrics: MetricsService,
    private readonly feed: RegistryFeed,
    private readonly events: RegistryEvents,
  ) {
    this.log = logger.child({ context: 'GatewayHost' });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Access lines follow LOG_LEVEL like the rest: `silent`/`warn` and above drop them.
    this.access = ['trace', 'debug', 'info'].includes(this.config.logLevel) ? createAccessStream() : undefined;
    this.server = new GatewayServer({
      logger: this.log,
      ...(this.access ? { accessStream: this.access.stream } : {}),
      redisUrl: this.config.redisUrl,
      metricsRegistry: this.metrics.registry,
      usageSink: (batch) => this.feed.recordUsage(batch.map(toUsageDelta)),
      limits: { clientKeepAliveTimeoutMs: this.config.gateway.keepAliveTimeoutMs, trustProxy: this.config.gateway.trustProxy },
    });
    await this.reload();
    this.bound = await this.server.listen(this.config.http.gatewayPort, this.config.http.host);
    this.log.info({ port: this.bound.port }, 'gateway listening');
    this.unsubscribe = this.events.onChange(() => void this.requestReload());
    if (this.config.database.url) {
      this.startListening(this.config.database.url);
    }
    if (this.config.role === 'gateway') {
      this.poll = setInterval(() => void this.requestReload(), POLL_INTERVAL_MS).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.poll);
    clearTimeout(this.listenRetry);
    await this.listener?.end().catch(() => undefined);
    await this.reloading;
    await this.server?.close(2_000);
    this.access?.flush();
  }

  /** Where the gateway listens (GATEWAY_PORT=0 picks a free port). */
  address(): AddressInfo | undefined {
    return this.bound;
  }

  /** Route prefixes served now, `domain/api/v{major}` -> version. */
  routes(): Record<string, string> {
    return this.server?.routes() ?? {};
  }

  /** Coalesces bursts: one reload runs at a time, and one more follows if anything changed meanwhile. */
  requestReload(): Promise<void> {
    if (this.stopped) {
      return Promise.resolve();
    }
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        await this.reload();
      } while (this.again && !this.stopped);
    })().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private async reload(): Promise<void> {
    let snapshot;
    try {
      snapshot = await this.feed.snapshot();
    } catch (err) {
      this.log.warn({ err }, 'registry unreachable: the gateway keeps serving its last good route table');
      return;
    }
    const result = await this.server!.applyTable({ ...snapshot, env: this.config.rawEnv });
    for (const issue of result.errors) {
      this.log.error(issue, 'route not (re)built');
    }
    for (const issue of result.warnings) {
      this.log.warn(issue, 'route built with a fallback');
    }
    this.log.info({ routes: result.routes, applied: result.applied }, 'gateway route table applied');
  }

  private startListening(url: string): void {
    const client = new Client({ connectionString: url });
    client.on('notification', () => void this.requestReload());
    client.on('error', (err) => {
      this.log.warn({ err }, 'LISTEN connection lost; retrying');
      void client.end().catch(() => undefined);
      this.scheduleListen(url);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${REGISTRY_CHANNEL}`))
      .then(() => {
        this.listener = client;
        // Anything published while we were not listening:
        void this.requestReload();
      })
      .catch((err: unknown) => {
        this.log.warn({ err }, 'cannot LISTEN for registry changes yet; retrying');
        void client.end().catch(() => undefined);
        this.scheduleListen(url);
      });
  }

  private scheduleListen(url: string): void {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.listenRetry);
    this.listenRetry = setTimeout(() => this.startListening(url), LISTEN_RETRY_MS).unref();
  }
}
