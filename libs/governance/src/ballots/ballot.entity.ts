import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { BallotKind, BallotState } from './ballots.enums';
import { BallotOutcome } from './ballot-tally';

/**
 * A ballot of a working group (alliance-wide when `workingGroupId` is null). Its electorate is fixed when
 * it opens (`ballot_electorate`); its result is computed once, when it closes, and kept in `result`.
 */
@Entity('ballots')
@Index('IDX_ballots_order_created', ['createdAt', 'id'])
@Index('IDX_ballots_group_created', ['workingGroupId', 'createdAt', 'id'])
// The close pass reads the OPEN ballots by their closing time.
@Index('IDX_ballots_open_closes_at', ['closesAt'], { where: `"state" = 'OPEN'` })
@Check('CHK_ballots_quorum', '"quorum_percent" BETWEEN 1 AND 100')
@Check('CHK_ballots_majority', '"majority_percent" BETWEEN 1 AND 99')
export class BallotEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id', nullable: true })
  workingGroupId: string | null;

  @Column('text')
  title: string;

  @Column('text')
  motion: string;

  @Column('text')
  kind: BallotKind;

  @Column('text', { default: BallotState.DRAFT })
  state: BallotState;

  @Column({ type: 'timestamptz', name: 'opens_at', precision: 3, nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closes_at', precision: 3 })
  closesAt: Date;

  @Column('int', { name: 'quorum_percent' })
  quorumPercent: number;

  @Column('int', { name: 'majority_percent' })
  majorityPercent: number;

  @Column('boolean')
  secret: boolean;

  @Index('IDX_ballots_proposal')
  @ForeignKey('ProposalEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @Column('boolean', { name: 'decides_proposal' })
  decidesProposal: boolean;

  /** Set when the ballot opens: how many organisations may vote. */
  @Column('int', { name: 'eligible_count', nullable: true })
  eligibleCount: number | null;

  /** Set when it closes. */
  @Column('jsonb', { nullable: true })
  result: BallotOutcome | null;

  /** The note given when it was cancelled. */
  @Column('text', { nullable: true })
  note: string | null;

  /** When the closing-soon reminder was raised (once per ballot). */
  @Column({ type: 'timestamptz', name: 'reminded_at', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', precision: 3, nullable: true })
  closedAt: Date | null;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** A RANKING ballot's priorities, in the order they were given. */
@Entity('ballot_priorities')
export class BallotPriorityEntity {
  @PrimaryColumn('uuid', { name: 'ballot_id' })
  @ForeignKey('BallotEntity', { onDelete: 'CASCADE' })
  ballotId: string;

  @PrimaryColumn('uuid', { name: 'priority_id' })
  @ForeignKey('PriorityEntity', { onDelete: 'RESTRICT' })
  priorityId: string;

  @Column('int')
  position: number;
}

/**
 * The organisations a ballot concerns, fixed when it opens: the eligible ones (`recused` false) and the
 * proposal's parties that may not vote (`recused` true).
 */
@Entity('ballot_electorate')
@Index('IDX_ballot_electorate_organization', ['organizationId', 'ballotId'])
export class BallotElectorEntity {
  @PrimaryColumn('uuid', { name: 'ballot_id' })
  @ForeignKey('BallotEntity', { onDelete: 'CASCADE' })
  ballotId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column('boolean')
  recused: boolean;
}
