import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';
import { Locale, PlatformRole } from './person.enums';

@Entity('people')
// Emails are unique case-insensitively: expression index in the migration.
@Index('UQ_people_email_lower', { synchronize: false })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('IDX_people_organization')
  @ForeignKey('OrganizationEntity', { onDelete: 'RESTRICT' })
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { default: Locale.EN })
  locale: Locale;

  @Column('text', { default: 'Europe/Brussels' })
  timezone: string;

  @Column('text', { default: PlatformRole.MEMBER })
  role: PlatformRole;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
