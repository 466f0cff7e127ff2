import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyKeyEntity } from './entities/idempotency-key.entity';

/** A live row as the interceptor reads it; `responseStatus` is null while the first request is still in flight. */
export type IdempotencyRecord = Pick<IdempotencyKeyEntity, 'requestDigest' | 'responseStatus' | 'responseBody'>;

/**
 * The idempotency_keys table. Every statement runs on its own, outside the
 * transaction of the write it guards: the in-flight row must be visible to a
 * concurrent retry at once, and expiry uses the database clock so that every
 * control-plane node agrees on it.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Purges expired rows (lazily, here rather than on a timer), then records an
   * in-flight request for `scope`; false when the scope already has a live row.
   */
  async claim(scope: string, requestDigest: string, leaseSeconds: number): Promise<boolean> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at <= now()`);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, request_digest, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 second')
       ON CONFLICT (scope) DO NOTHING RETURNING scope`,
      [scope, requestDigest, leaseSeconds],
    );
    return rows.length === 1;
  }

  async find(scope: string): Promise<IdempotencyRecord | undefined> {
    const rows: Array<{ request_digest: string; response_status: number | null; response_body: string | null }> = await this.dataSource.query(
      `SELECT request_digest, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND expires_at > now()`,
      [scope],
    );
    const [row] = rows;
    return row && { requestDigest: row.request_digest, responseStatus: row.response_status, responseBody: row.response_body };
  }

  async complete(scope: string, status: number, body: string, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET response_status = $2, response_body = $3, expires_at = now() + $4 * interval '1 second'
       WHERE scope = $1`,
      [scope, status, body, ttlSeconds],
    );
  }

  /** Forgets an in-flight request that failed, so a retry runs again. */
  async release(scope: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND response_status IS NULL`, [scope]);
  }
}
