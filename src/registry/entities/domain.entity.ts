import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface DomainOwner {
  team?: string;
  email?: string;
  name?: string;
}

/** A business domain (erp, dispatch, crm): owners, compatibility mode, upstream, policy defaults. */
@Entity('domains')
export class DomainEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  owners!: DomainOwner[];

  @Column({ type: 'text', default: 'BACKWARD' })
  compatibility!: string;

  @Column({ type: 'text', nullable: true })
  upstream!: string | null;

  /** The rest of domain.yaml (auth, correlation, lint, policies), kept as written. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
