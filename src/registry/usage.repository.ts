/**
 * Gateway usage, per day, operation and consumer. The gateway aggregates in
 * memory and hands over batches; one upsert statement per batch adds them up, so
 * a request never costs a database write of its own.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface UsageDelta {
  day: string;
  domain: string;
  api: string;
  major: number;
  operation: string;
  consumer: string;
  requests: number;
  errors: number;
  lastSeenAt: Date;
}

@Injectable()
export class UsageRepository {
  async add(manager: EntityManager, deltas: UsageDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const params: unknown[] = [];
    const rows = deltas.map((d) => {
      const at = params.length;
      params.push(d.day, d.domain, d.api, d.major, d.operation, d.consumer, d.requests, d.errors, d.lastSeenAt);
      return `($${at + 1}::date, $${at + 2}, $${at + 3}, $${at + 4}::int, $${at + 5}, $${at + 6}, $${at + 7}::bigint, $${at + 8}::bigint, $${at + 9}::timestamptz)`;
    });
    await manager.query(
      `INSERT INTO usage_counters (day, domain, api, major, operation, consumer, requests, errors, last_seen_at)
       VALUES ${rows.join(', ')}
       ON CONFLICT (day, domain, api, major, operation, consumer) DO UPDATE SET
         requests = usage_counters.requests + EXCLUDED.requests,
         errors = usage_counters.errors + EXCLUDED.errors,
         last_seen_at = GREATEST(usage_counters.last_seen_at, EXCLUDED.last_seen_at)`,
      params,
    );
  }

  /** Totals per operation and consumer of one API major since a day: who would a breaking change hit? */
  async summary(manager: EntityManager, filter: { domain: string; api: string; major?: number; since: string }) {
    const rows: Array<{ major: number; operation: string; consumer: string; requests: string; errors: string; last_seen_at: Date }> =
      await manager.query(
        `SELECT major, operation, consumer, sum(requests)::bigint AS requests, sum(errors)::bigint AS errors, max(last_seen_at) AS last_seen_at
         FROM usage_counters
         WHERE domain = $1 AND api = $2 AND day >= $3::date AND ($4::int IS NULL OR major = $4::int)
         GROUP BY major, operation, consumer
         ORDER BY major DESC, operation, consumer`,
        [filter.domain, filter.api, filter.since, filter.major ?? null],
      );
    return rows.map((r) => ({
      major: Number(r.major),
      operation: r.operation,
      consumer: r.consumer,
      requests: Number(r.requests),
      errors: Number(r.errors),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    }));
  }

  /** Totals per API major and operation one consumer called since a day: what it depends on. */
  async byConsumer(manager: EntityManager, filter: { consumer: string; since: string }) {
    const rows: Array<{ domain: string; api: string; major: number; operation: string; requests: string; errors: string; last_seen_at: Date }> =
      await manager.query(
        `SELECT domain, api, major, operation, sum(requests)::bigint AS requests, sum(errors)::bigint AS errors, max(last_seen_at) AS last_seen_at
         FROM usage_counters
         WHERE consumer = $1 AND day >= $2::date
         GROUP BY domain, api, major, operation
         ORDER BY domain, api, major DESC, operation`,
        [filter.consumer, filter.since],
      );
    return rows.map((r) => ({
      domain: r.domain,
      api: r.api,
      major: Number(r.major),
      operation: r.operation,
      requests: Number(r.requests),
      errors: Number(r.errors),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    }));
  }
}
