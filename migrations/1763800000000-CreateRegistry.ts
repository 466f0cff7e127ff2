import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry schema: domains, apis, api_versions, audit_entries.
 * SQL both engines accept (gen_random_uuid() is core PostgreSQL 13+, no
 * uuid-ossp), so PGlite and PostgreSQL run the very same migration.
 */
export class CreateRegistry1763800000000 implements MigrationInterface {
  name = 'CreateRegistry1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domains (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT uq_domains_key UNIQUE,
        name text NOT NULL,
        description text,
        owners jsonb NOT NULL DEFAULT '[]'::jsonb,
        compatibility text NOT NULL DEFAULT 'BACKWARD',
        upstream text,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE apis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        domain_id uuid NOT NULL CONSTRAINT fk_apis_domain REFERENCES domains(id) ON DELETE RESTRICT,
        key text NOT NULL,
        kind text NOT NULL CONSTRAINT apis_kind_check CHECK (kind IN ('openapi', 'asyncapi')),
        title text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ix_apis_domain_key ON apis (domain_id, key)`);
    await q.query(`
      CREATE TABLE api_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        api_id uuid NOT NULL CONSTRAINT fk_api_versions_api REFERENCES apis(id) ON DELETE RESTRICT,
        version text NOT NULL,
        major integer NOT NULL,
        minor integer NOT NULL,
        patch integer NOT NULL,
        prerelease text,
        lifecycle text NOT NULL CONSTRAINT api_versions_lifecycle_check CHECK (lifecycle IN ('draft', 'published', 'deprecated', 'retired')),
        spec_version text NOT NULL,
        title text NOT NULL,
        digest text NOT NULL,
        raw text NOT NULL,
        raw_format text NOT NULL CONSTRAINT api_versions_raw_format_check CHECK (raw_format IN ('yaml', 'json')),
        document jsonb NOT NULL,
        changelog jsonb,
        published_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        deprecated_at timestamptz,
        sunset_at timestamptz,
        retired_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ix_api_versions_api_version ON api_versions (api_id, version)`);
    await q.query(`CREATE INDEX ix_api_versions_api_major ON api_versions (api_id, major, minor, patch)`);
    await q.query(`
      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_audit_entries_target ON audit_entries (target_type, target)`);

    // Published content is immutable in the database as well as in code: only a
    // draft may change its content; lifecycle and dates may always move.
    await q.query(`
      CREATE FUNCTION charter_api_versions_immutable() RETURNS trigger AS $$
      BEGIN
        IF OLD.lifecycle <> 'draft' AND (
             NEW.raw IS DISTINCT FROM OLD.raw OR NEW.document IS DISTINCT FROM OLD.document
          OR NEW.digest IS DISTINCT FROM OLD.digest OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.api_id IS DISTINCT FROM OLD.api_id) THEN
          RAISE EXCEPTION 'published version % is immutable', OLD.version USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER api_versions_immutable BEFORE UPDATE ON api_versions
      FOR EACH ROW EXECUTE FUNCTION charter_api_versions_immutable()`);
    await q.query(`
      CREATE FUNCTION charter_audit_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'integrity_constraint_violation';
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION charter_audit_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION charter_audit_append_only`);
    await q.query(`DROP TABLE api_versions`);
    await q.query(`DROP FUNCTION charter_api_versions_immutable`);
    await q.query(`DROP TABLE apis`);
    await q.query(`DROP TABLE domains`);
  }
}
