/**
 * Starts a real GatewayServer on 127.0.0.1 (a free port) with a log captured in
 * memory, a private metrics registry and a usage sink that records batches.
 * Contracts are small documents built in each spec with `openapi()`.
 */
import pino from 'pino';
import { Registry } from 'prom-client';
import { GatewayServer, type GatewayServerOptions } from '../../../../src/gateway/gateway.server';
import type { ApplyTableResult, DomainInput, PublishedApiInput, RouteTableInput, UsageRecord } from '../../../../src/gateway/route-table.input';

export interface Harness {
  gateway: GatewayServer;
  port: number;
  logs: Array<Record<string, unknown>>;
  registry: Registry;
  usage: UsageRecord[][];
  applied: ApplyTableResult;
  apply(input: Partial<RouteTableInput>): Promise<ApplyTableResult>;
  close(): Promise<void>;
}

export function openapi(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 'Test', version: '1.0.0' }, paths, ...extra };
}

export function published(document: Record<string, unknown>, over: Partial<PublishedApiInput> = {}): PublishedApiInput {
  const version = (document.info as { version?: string } | undefined)?.version ?? '1.0.0';
  return {
    domain: 'dispatch',
    api: 'shipments',
    version,
    major: Number(version.split('.')[0]),
    kind: 'openapi',
    lifecycle: 'published',
    document,
    ...over,
  };
}

export function domain(upstream?: string, over: Partial<DomainInput> = {}): DomainInput {
  return { key: 'dispatch', upstream, ...over };
}

export function tableInput(input: Partial<RouteTableInput>): RouteTableInput {
  return { apis: input.apis ?? [], domains: input.domains ?? [], consumers: input.consumers ?? [], env: input.env ?? {} };
}

export async function startGateway(input: Partial<RouteTableInput>, options: Partial<GatewayServerOptions> = {}): Promise<Harness> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const registry = new Registry();
  const usage: UsageRecord[][] = [];
  const gateway = new GatewayServer({
    logger,
    metricsRegistry: registry,
    usageSink: async (batch) => {
      usage.push(batch);
    },
    ...options,
    limits: { usageFlushIntervalMs: 60_000, ...options.limits },
  });
  const applied = await gateway.applyTable(tableInput(input));
  const { port } = await gateway.listen(0, '127.0.0.1');
  return {
    gateway,
    port,
    logs,
    registry,
    usage,
    applied,
    apply: (next) => gateway.applyTable(tableInput(next)),
    close: () => gateway.close(500),
  };
}

/** Access-log lines only. */
export function accessLines(logs: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return logs.filter((l) => l.msg === 'request');
}
