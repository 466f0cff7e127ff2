import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DomainEntity } from './domain.entity';

export const API_KINDS = ['openapi', 'asyncapi'] as const;
export type ApiKind = (typeof API_KINDS)[number];

/** One API (or event stream) of a domain; its versions hang below it. */
@Entity('apis')
@Index('ix_apis_domain_key', ['domainId', 'key'], { unique: true })
@Check('apis_kind_check', `kind IN ('openapi', 'asyncapi')`)
export class ApiEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  domainId!: string;

  @ManyToOne(() => DomainEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_id', foreignKeyConstraintName: 'fk_apis_domain' })
  domain?: DomainEntity;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  kind!: ApiKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
