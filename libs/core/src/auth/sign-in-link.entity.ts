import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';

/** A single-use emailed sign-in link. */
@Entity('sign_in_links')
export class SignInLinkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('IDX_sign_in_links_person')
  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Index('UQ_sign_in_links_token_hash', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'used_at', precision: 3, nullable: true })
  usedAt: Date | null;
}

/** Every sign-in link request, known address or not: the rate limits count these. */
@Entity('sign_in_requests')
@Index('IDX_sign_in_requests_email', ['email', 'createdAt'])
@Index('IDX_sign_in_requests_ip', ['ip', 'createdAt'])
export class SignInRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  ip: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
