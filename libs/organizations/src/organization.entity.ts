import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind.enum';

@Entity('organizations')
// Names are unique case-insensitively; TypeORM cannot express the expression index (see the migration).
@Index('UQ_organizations_name_lower', { synchronize: false })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'short_name', nullable: true })
  shortName: string | null;

  @Column('text')
  kind: OrganizationKind;

  @Column('char', { length: 2 })
  country: string;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
