import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { DataPoolState } from '../data-pools.enums';

/**
 * A pool's history: appended in the transaction of every change (`DataPoolHistory.record`). A trigger
 * refuses UPDATE, DELETE and TRUNCATE, except inside a transaction that ran `SET LOCAL ecava.erasure = 'on'`
 * (GDPR erasure clears a person from it).
 */
@Entity('data_pool_events')
@Index('IDX_data_pool_events_pool', ['poolId', 'at', 'id'])
export class DataPoolEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('DataPoolEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'pool_id' })
  poolId: string;

  /** Null for the platform (expiry). */
  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** `DataPoolEventType`. */
  @Column('text')
  type: string;

  /** The terms version current when it happened (the new one, for TERMS_CHANGED). */
  @Column('int', { name: 'terms_version' })
  termsVersion: number;

  /** The organisation it concerns: invited, signed, withdrew, contributed, asked. */
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  /** The dataset or access request it concerns. */
  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId: string | null;

  @Column('text', { name: 'from_state', nullable: true })
  fromState: DataPoolState | string | null;

  @Column('text', { name: 'to_state', nullable: true })
  toState: DataPoolState | string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;
}
