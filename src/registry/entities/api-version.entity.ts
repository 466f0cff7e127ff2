import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ApiEntity } from './api.entity';

export type Lifecycle = 'draft' | 'published' | 'deprecated' | 'retired';
export const LIFECYCLES: readonly Lifecycle[] = ['draft', 'published', 'deprecated', 'retired'];

/**
 * One version of an API. Content columns (raw, document, digest, version) never
 * change once the version is published: a database trigger refuses it too.
 */
@Entity('api_versions')
@Index('ix_api_versions_api_version', ['apiId', 'version'], { unique: true })
@Index('ix_api_versions_api_major', ['apiId', 'major', 'minor', 'patch'])
@Check('api_versions_lifecycle_check', `lifecycle IN ('draft', 'published', 'deprecated', 'retired')`)
@Check('api_versions_raw_format_check', `raw_format IN ('yaml', 'json')`)
export class ApiVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  apiId!: string;

  @ManyToOne(() => ApiEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_id', foreignKeyConstraintName: 'fk_api_versions_api' })
  api?: ApiEntity;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'integer' })
  major!: number;

  @Column({ type: 'integer' })
  minor!: number;

  @Column({ type: 'integer' })
  patch!: number;

  @Column({ type: 'text', nullable: true })
  prerelease!: string | null;

  @Column({ type: 'text' })
  lifecycle!: Lifecycle;

  @Column({ type: 'text' })
  specVersion!: string;

  @Column({ type: 'text' })
  title!: string;

  /** sha256 of the canonical JSON of the normalized document. */
  @Column({ type: 'text' })
  digest!: string;

  /**
   * The document exactly as submitted. Bodies must be valid UTF-8, so text keeps
   * them byte for byte (and PGlite stores text far faster than bytea).
   */
  @Column({ type: 'text', select: false })
  raw!: string;

  @Column({ type: 'text' })
  rawFormat!: 'yaml' | 'json';

  /** The normalized (bundled) document, for the gateway, diff and portal. */
  @Column({ type: 'jsonb', select: false })
  document!: Record<string, unknown>;

  /** Changes against the predecessor version (filled by the compatibility engine). */
  @Column({ type: 'jsonb', nullable: true })
  changelog!: unknown[] | null;

  @Column({ type: 'text' })
  publishedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deprecatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sunsetAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
