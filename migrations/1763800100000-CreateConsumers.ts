import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumers of the gateway and their API keys (stored as sha256 hashes only: the
 * plaintext is shown once, at creation), and per-operation usage counters the
 * gateway flushes in batches (the data a breaking-change impact report reads).
 */
export class CreateConsumers1763800100000 implements MigrationInterface {
  name = 'CreateConsumers1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consumers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT uq_consumers_key UNIQUE,
        name text NOT NULL,
        contact text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consumer_id uuid NOT NULL CONSTRAINT fk_api_keys_consumer REFERENCES consumers(id) ON DELETE CASCADE,
        key_hash text NOT NULL CONSTRAINT uq_api_keys_hash UNIQUE,
        prefix text NOT NULL,
        scopes jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_api_keys_consumer ON api_keys (consumer_id)`);
    await q.query(`
      CREATE TABLE usage_counters (
        day date NOT NULL,
        domain text NOT NULL,
        api text NOT NULL,
        major integer NOT NULL,
        operation text NOT NULL,
        consumer text NOT NULL,
        requests bigint NOT NULL DEFAULT 0,
        errors bigint NOT NULL DEFAULT 0,
        last_seen_at timestamptz NOT NULL,
        PRIMARY KEY (day, domain, api, major, operation, consumer)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE usage_counters`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE consumers`);
  }
}
