import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PartnerConsent } from '../proposal.enums';

/** A partner organisation invited by the lead; it answers for itself. */
@Entity('proposal_partners')
export class PartnerEntity {
  @PrimaryColumn('uuid', { name: 'proposal_id' })
  @ForeignKey('ProposalEntity', { onDelete: 'CASCADE' })
  proposalId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  @Index('IDX_proposal_partners_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('text', { default: PartnerConsent.INVITED })
  consent: PartnerConsent;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'invited_by_id' })
  invitedById: string;

  @Column({ type: 'timestamptz', name: 'invited_at', precision: 3, default: () => 'now()' })
  invitedAt: Date;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'responded_by_id', nullable: true })
  respondedById: string | null;

  @Column({ type: 'timestamptz', name: 'responded_at', precision: 3, nullable: true })
  respondedAt: Date | null;
}
