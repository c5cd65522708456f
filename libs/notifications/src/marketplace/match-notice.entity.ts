import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * A need and a capability whose match its owner has been told of, or has seen when publishing the need:
 * a new or changed capability announces a match to the need's owner once per pair, ever (decision 88).
 */
@Entity('marketplace_match_notices')
export class MatchNoticeEntity {
  @PrimaryColumn('uuid', { name: 'need_id' })
  @ForeignKey('ResourceNeedEntity', { onDelete: 'CASCADE' })
  needId: string;

  @PrimaryColumn('uuid', { name: 'capability_id' })
  @ForeignKey('CapabilityEntity', { onDelete: 'CASCADE' })
  capabilityId: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
