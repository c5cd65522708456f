import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { searchDocumentExpression } from '@app/core';
import { Confidentiality, PartnerConsent, ProposalKind, ProposalState } from './proposal.enums';

/** What search (and `proposals(filter: { search })`) finds a proposal by: the title (A), summary (B) and body (C). */
const SEARCH_DOCUMENT = searchDocumentExpression([[`"title"`, 'A'], [`"summary"`, 'B'], [`"body"`, 'C']]);

@Entity('cooperation_proposals')
@Index('IDX_proposals_search', { synchronize: false })
@Index('IDX_proposals_order_created', { synchronize: false })
@Index('IDX_proposals_order_updated', { synchronize: false })
@Index('IDX_proposals_order_support', { synchronize: false })
@Index('IDX_proposals_order_title', { synchronize: false })
@Index('IDX_proposals_group_created_id', ['workingGroupId', 'createdAt', 'id'])
export class ProposalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('WorkingGroupEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'working_group_id' })
  workingGroupId: string;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text')
  body: string;

  @Column('text')
  kind: ProposalKind;

  @Column('text', { default: ProposalState.DRAFT })
  state: ProposalState;

  @Column('text', { default: Confidentiality.WORKING_GROUP })
  confidentiality: Confidentiality;

  @Index('IDX_proposals_lead')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'lead_organization_id' })
  leadOrganizationId: string;

  /**
   * The lead organisation's answer: CONSENTED when it is the author's own organisation (drafting is its
   * consent), INVITED while another organisation named as lead has not accepted. Never DECLINED: declining
   * hands the lead back to the author's organisation (decision 71).
   */
  @Column('text', { name: 'lead_consent', default: PartnerConsent.CONSENTED })
  leadConsent: PartnerConsent;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'author_id' })
  authorId: string;

  /** The author's organisation when the proposal was created: it alone sees and edits the draft. */
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'author_organization_id' })
  authorOrganizationId: string;

  @Column('int', { default: 1 })
  version: number;

  /** Kept in step with proposal_supports in the same transaction; ordering by support is indexed. */
  @Column('int', { name: 'support_count', default: 0 })
  supportCount: number;

  /** Kept by PostgreSQL (a stored generated column, GIN-indexed) for search; never selected by the API. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false, insert: false, update: false, generatedType: 'STORED', asExpression: SEARCH_DOCUMENT })
  searchDocument?: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', name: 'submitted_at', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'decided_at', precision: 3, nullable: true })
  decidedAt: Date | null;
}

@Entity('proposal_priorities')
export class ProposalPriorityEntity {
  @PrimaryColumn('uuid', { name: 'proposal_id' })
  @ForeignKey('ProposalEntity', { onDelete: 'CASCADE' })
  proposalId: string;

  @PrimaryColumn('uuid', { name: 'priority_id' })
  @Index('IDX_proposal_priorities_priority')
  @ForeignKey('PriorityEntity', { onDelete: 'CASCADE' })
  priorityId: string;
}
