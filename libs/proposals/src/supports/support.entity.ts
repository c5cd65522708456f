import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** One support per organisation and proposal (the primary key). */
@Entity('proposal_supports')
export class SupportEntity {
  @PrimaryColumn('uuid', { name: 'proposal_id' })
  @ForeignKey('ProposalEntity', { onDelete: 'CASCADE' })
  proposalId: string;

  @PrimaryColumn('uuid', { name: 'organization_id' })
  @Index('IDX_proposal_supports_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  organizationId: string;

  @ForeignKey('PersonEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'supported_by_id' })
  supportedById: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
