import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records of the registry's creating routes: the request's digest
 * and, once it succeeded, the answer replayed to retries for 24 hours. The body
 * may hold an issued API key in plaintext, so rows are kept only until expires_at
 * (the index serves the purge).
 */
export class CreateIdempotencyKeys1763800200000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text PRIMARY KEY,
        request_digest text NOT NULL,
        response_status integer,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
