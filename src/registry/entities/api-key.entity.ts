import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsumerEntity } from './consumer.entity';

/** A consumer's API key: only its sha256 hash and a short display prefix are kept. */
@Entity('api_keys')
@Index('ix_api_keys_consumer', ['consumerId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  consumerId!: string;

  @ManyToOne(() => ConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'fk_api_keys_consumer' })
  consumer?: ConsumerEntity;

  @Column({ type: 'text', unique: true })
  keyHash!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  scopes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
