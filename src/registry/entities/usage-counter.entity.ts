import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Requests per day, operation and consumer, as flushed in batches by the gateway. */
@Entity('usage_counters')
export class UsageCounterEntity {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'text' })
  domain!: string;

  @PrimaryColumn({ type: 'text' })
  api!: string;

  @PrimaryColumn({ type: 'integer' })
  major!: number;

  @PrimaryColumn({ type: 'text' })
  operation!: string;

  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @Column({ type: 'bigint', default: 0 })
  requests!: string;

  @Column({ type: 'bigint', default: 0 })
  errors!: string;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;
}
