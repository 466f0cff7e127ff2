/**
 * Usage counters per operation and consumer, aggregated in memory and handed to
 * the sink in batches (on a timer, when too many keys pile up, and on close):
 * never one write per request. A batch the sink refuses is merged back and
 * retried with the next flush, up to the key cap, so a database blip loses
 * nothing; past the cap the oldest failed batch is dropped and logged.
 */
import type { Logger } from 'pino';
import type { UsageRecord } from '../route-table.input';
import type { RouteOperation } from '../route-table';

interface Counter {
  op: RouteOperation;
  consumerId: string | null;
  requests: number;
  clientErrors: number;
  serverErrors: number;
}

export type UsageSink = (batch: UsageRecord[]) => Promise<void>;

export class UsageAggregator {
  private counters = new Map<string, Counter>();
  private windowStart: Date;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly sink: UsageSink | undefined,
    private readonly intervalMs: number,
    private readonly maxKeys: number,
    private readonly logger: Logger,
  ) {
    this.windowStart = new Date();
    if (sink) {
      this.timer = setInterval(() => void this.flush(), intervalMs);
      this.timer.unref();
    }
  }

  record(op: RouteOperation, consumerId: string | undefined, status: number): void {
    if (!this.sink) {
      return;
    }
    const consumer = consumerId ?? null;
    const key = consumer === null ? op.usageKey : op.usageKey + '\n' + consumer;
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { op, consumerId: consumer, requests: 0, clientErrors: 0, serverErrors: 0 };
      this.counters.set(key, counter);
      if (this.counters.size >= this.maxKeys) {
        void this.flush();
      }
    }
    counter.requests++;
    if (status >= 500) {
      counter.serverErrors++;
    } else if (status >= 400) {
      counter.clientErrors++;
    }
  }

  /** Hands the current counters to the sink; concurrent calls share one flush. */
  flush(): Promise<void> {
    if (!this.sink || this.counters.size === 0) {
      return this.flushing ?? Promise.resolve();
    }
    if (this.flushing) {
      return this.flushing;
    }
    const sink = this.sink;
    const counters = this.counters;
    const windowStart = this.windowStart;
    const windowEnd = new Date();
    this.counters = new Map();
    this.windowStart = windowEnd;
    const batch = [...counters.values()].map((c) => toRecord(c, windowStart, windowEnd));
    this.flushing = sink(batch)
      .catch((error: unknown) => {
        this.logger.warn({ err: error, records: batch.length }, 'usage sink failed; counters kept for the next flush');
        this.mergeBack(counters, windowStart);
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.flushing;
    await this.flush();
  }

  private mergeBack(failed: Map<string, Counter>, windowStart: Date): void {
    // The retried counters cover the older window too.
    if (windowStart < this.windowStart) {
      this.windowStart = windowStart;
    }
    for (const [key, counter] of failed) {
      const current = this.counters.get(key);
      if (current) {
        current.requests += counter.requests;
        current.clientErrors += counter.clientErrors;
        current.serverErrors += counter.serverErrors;
      } else if (this.counters.size < this.maxKeys) {
        this.counters.set(key, counter);
      } else {
        this.logger.error({ operation: counter.op.label, consumer: counter.consumerId, requests: counter.requests }, 'usage counter dropped: sink down and key cap reached');
      }
    }
  }
}

function toRecord(c: Counter, windowStart: Date, windowEnd: Date): UsageRecord {
  return {
    domain: c.op.api.domain,
    api: c.op.api.api,
    version: c.op.api.version,
    major: c.op.api.major,
    operationId: c.op.id,
    method: c.op.method,
    path: c.op.template,
    consumerId: c.consumerId,
    windowStart,
    windowEnd,
    requests: c.requests,
    clientErrors: c.clientErrors,
    serverErrors: c.serverErrors,
  };
}
