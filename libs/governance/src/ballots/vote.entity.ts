import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { VoteChoice } from './ballots.enums';

/**
 * One vote per organisation and ballot (the primary key): a new cast replaces it. For a SECRET ballot
 * `choice` and `ranking` are cleared when the ballot closes, once they are counted (decision 133).
 */
@Entity('ballot_votes')
export class VoteEntity {
  @PrimaryColumn('uuid', { name: 'ballot_id' })
  @ForeignKey('BallotEntity', { onDelete: 'CASCADE' })
  ballotId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column('text', { nullable: true })
  choice: VoteChoice | null;

  /** RANKING: priority ids, most preferred first. */
  @Column('uuid', { array: true, nullable: true })
  ranking: string[] | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'cast_by_id' })
  castById: string;

  @Column({ type: 'timestamptz', name: 'cast_at', precision: 3 })
  castAt: Date;
}
