import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An application that calls the gateway (a carrier portal, the billing service, ...). */
@Entity('consumers')
export class ConsumerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
