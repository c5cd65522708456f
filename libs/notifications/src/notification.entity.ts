import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { DeliveryMode, DeliveryStatus, NotificationCategory } from './notification.enums';

/**
 * One thing that happened, for one person: the in-app feed entry and its email delivery. The unique
 * (event, recipient) key makes expanding an event idempotent; the id is the email's Message-ID, so a
 * retried send is recognisably the same message.
 */
@Entity('notifications')
@Index('UQ_notifications_event_person', ['eventId', 'personId'], { unique: true })
@Index('IDX_notifications_person_created', ['personId', 'createdAt'])
@Index('IDX_notifications_email_due', ['emailStatus', 'emailDueAt'])
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  category: NotificationCategory;

  /** e.g. proposal.submitted, meeting.scheduled */
  @Column('text')
  type: string;

  /** Rendered in the recipient's locale when the event was expanded. */
  @Column('text')
  title: string;

  /** Where in the platform it happened, e.g. /proposals/<id>. */
  @Column('text', { nullable: true })
  link: string | null;

  /** What the email needs beyond the title (ids, names, states), kept with the notification. */
  @Column('jsonb', { default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'read_at', precision: 3, nullable: true })
  readAt: Date | null;

  @Column('text', { name: 'email_mode' })
  emailMode: DeliveryMode;

  @Column('text', { name: 'email_status' })
  emailStatus: DeliveryStatus;

  /** IMMEDIATE: now; digests: the slot (08:00 in the recipient's time zone) it goes out in. */
  @Column({ type: 'timestamptz', name: 'email_due_at', precision: 3, nullable: true })
  emailDueAt: Date | null;

  @Column('int', { name: 'email_attempts', default: 0 })
  emailAttempts: number;

  @Column('text', { name: 'email_error', nullable: true })
  emailError: string | null;

  @Column({ type: 'timestamptz', name: 'email_sent_at', precision: 3, nullable: true })
  emailSentAt: Date | null;

  /** The digest that carried it, for digest deliveries. */
  @ForeignKey('DigestEntity', { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'digest_id', nullable: true })
  digestId: string | null;
}

/** One preference per person and category; absent rows mean the defaults (DEFAULT_MODES). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  personId: string;

  @PrimaryColumn('text')
  category: NotificationCategory;

  @Column('text')
  mode: DeliveryMode;

  @Column({ type: 'timestamptz', name: 'updated_at', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** A digest email for one person and one slot; unique, so a slot is sent once even with several workers. */
@Entity('notification_digests')
@Index('UQ_digests_person_slot', ['personId', 'mode', 'slot'], { unique: true })
export class DigestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ForeignKey('PersonEntity', { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  mode: DeliveryMode;

  @Column({ type: 'timestamptz', precision: 3 })
  slot: Date;

  @Column('text', { default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
