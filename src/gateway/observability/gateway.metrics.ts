/**
 * Prometheus metrics of the data plane, registered once per registry (two
 * gateways in one process share them). Labels stay bounded: `route` is the
 * operation's template (never the raw path), `consumer` is capped to a number of
 * distinct values after which the rest count as `other`.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

type Labels<T extends string> = Record<T, string>;

function getOrCreate<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

export class GatewayMetrics {
  private readonly requests: Counter<'route' | 'method' | 'status' | 'consumer'>;
  private readonly duration: Histogram<'route' | 'method'>;
  private readonly validations: Counter<'route' | 'direction' | 'result'>;
  private readonly upstreamErrors: Counter<'upstream' | 'kind'>;
  private readonly tableBuilds: Counter<'result'>;
  private readonly routes: Gauge;
  private readonly consumers = new Set<string>();

  constructor(
    registry: Registry,
    private readonly maxConsumers: number,
  ) {
    const registers = [registry];
    this.requests = getOrCreate(registry, 'charter_gateway_requests_total', () =>
      new Counter({ name: 'charter_gateway_requests_total', help: 'Gateway answers by route, method, status and consumer', labelNames: ['route', 'method', 'status', 'consumer'], registers }),
    );
    this.duration = getOrCreate(registry, 'charter_gateway_request_duration_seconds', () =>
      new Histogram({
        name: 'charter_gateway_request_duration_seconds',
        help: 'Time from request to the end of the answer',
        labelNames: ['route', 'method'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
    );
    this.validations = getOrCreate(registry, 'charter_gateway_validation_total', () =>
      new Counter({
        name: 'charter_gateway_validation_total',
        help: 'Requests or upstream responses that violated the contract (failed) or were too large to check (skipped)',
        labelNames: ['route', 'direction', 'result'],
        registers,
      }),
    );
    this.upstreamErrors = getOrCreate(registry, 'charter_gateway_upstream_errors_total', () =>
      new Counter({ name: 'charter_gateway_upstream_errors_total', help: 'Upstream failures by kind (connect, timeout, reset, circuit-open)', labelNames: ['upstream', 'kind'], registers }),
    );
    this.tableBuilds = getOrCreate(registry, 'charter_gateway_route_table_builds_total', () =>
      new Counter({ name: 'charter_gateway_route_table_builds_total', help: 'Route table builds by result', labelNames: ['result'], registers }),
    );
    this.routes = getOrCreate(registry, 'charter_gateway_routes', () => new Gauge({ name: 'charter_gateway_routes', help: 'API major versions served by the live route table', registers }));
  }

  request(route: string, method: string, status: number, consumer: string | undefined, seconds: number): void {
    const labels: Labels<'route' | 'method' | 'status' | 'consumer'> = { route, method, status: String(status), consumer: this.consumerLabel(consumer) };
    this.requests.inc(labels);
    this.duration.observe({ route, method }, seconds);
  }

  validation(route: string, direction: 'request' | 'response', result: 'failed' | 'skipped'): void {
    this.validations.inc({ route, direction, result });
  }

  upstreamError(upstream: string, kind: string): void {
    this.upstreamErrors.inc({ upstream, kind });
  }

  tableBuilt(result: 'ok' | 'partial' | 'failed', routes?: number): void {
    this.tableBuilds.inc({ result });
    if (routes !== undefined) {
      this.routes.set(routes);
    }
  }

  private consumerLabel(consumer: string | undefined): string {
    if (consumer === undefined) {
      return 'anonymous';
    }
    if (this.consumers.has(consumer)) {
      return consumer;
    }
    if (this.consumers.size >= this.maxConsumers) {
      return 'other';
    }
    this.consumers.add(consumer);
    return consumer;
  }
}
