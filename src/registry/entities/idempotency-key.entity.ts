import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key a caller sent to a creating route, and (once it succeeded)
 * the answer it got, replayed to retries until `expiresAt`. The row is in flight
 * while `responseStatus` is null. Rows past `expiresAt` are purged lazily.
 */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_expires_at', ['expiresAt'])
export class IdempotencyKeyEntity {
  /** sha256 of (principal subject, method, path, key): bounded, whatever the caller sends. */
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  /** sha256 of the query string and body: a retry must send the same request. */
  @Column({ type: 'text' })
  requestDigest!: string;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  /** The JSON answer as sent, byte for byte (text, not jsonb, which would reorder keys). */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
