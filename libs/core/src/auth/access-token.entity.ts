import { Column, ForeignKey, Entity, Index, PrimaryColumn } from 'typeorm';

/** A personal access token for scripts and other systems; only the hash of its secret is kept. */
@Entity('access_tokens')
export class AccessTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('IDX_access_tokens_person')
  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  name: string;

  @Index('UQ_access_tokens_token_hash', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', precision: 3, nullable: true })
  revokedAt: Date | null;
}
