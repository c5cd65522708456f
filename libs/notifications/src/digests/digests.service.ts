import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueueService, writeReturning, newId } from '@app/core';
import { DeliveryMode, DeliveryStatus } from '../notification.enums';
import { DigestSender } from './digest-sender.service';
import { currentDigestSlot } from './digest-slot';

export const QUEUE_DIGESTS = 'digests';
export const QUEUE_DIGEST_SEND = 'digest-send';

/** How long the fallback send job waits: the pass sends right away; the job only covers a crash. */
export const DIGEST_FALLBACK_DELAY_SECONDS = 15 * 60;

export interface DigestRunResult {
  /** Digests planned by this pass (rows created or completed, notifications attached). */
  planned: number;
  /** Digest emails this pass sent. */
  sent: number;
}

interface DuePerson {
  personId: string;
  mode: DeliveryMode;
  timezone: string;
}

/**
 * The digest pass. For every person with digest notifications due, it plans the digest of the current
 * slot in one transaction — the (person, mode, slot) row first, then the due notifications attached to
 * it (only unattached ones: each notification lands in exactly one digest, whatever the number of
 * workers), then a fallback send job — and sends it. A slot already SENT is skipped; its late items wait
 * for the next slot.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger(DigestsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly sender: DigestSender,
  ) {}

  /** One pass as if the clock said `now` (the scheduler passes the real time; tests choose one). */
  async runDigests(now: Date = new Date()): Promise<DigestRunResult> {
    const due: DuePerson[] = await this.dataSource.query(
      `SELECT DISTINCT n.person_id AS "personId", n.email_mode AS mode, p.timezone
       FROM notifications n JOIN people p ON p.id = n.person_id
       WHERE n.email_status = 'PENDING' AND n.email_due_at <= $1 AND n.digest_id IS NULL
         AND n.email_mode = ANY($2::text[])`,
      [now, [DeliveryMode.DAILY_DIGEST, DeliveryMode.WEEKLY_DIGEST]],
    );
    const result: DigestRunResult = { planned: 0, sent: 0 };
    for (const person of due) {
      const digestId = await this.dataSource.transaction((em) => this.plan(em, person, now));
      if (!digestId) continue;
      result.planned += 1;
      try {
        if ((await this.sender.send(digestId)) === 'SENT') result.sent += 1;
      } catch (error) {
        // Transient: the fallback job retries it with backoff.
        this.logger.warn(`Digest ${digestId} will be retried: ${(error as Error).message}`);
      }
    }
    return result;
  }

  /** The digest for the person's current slot with their due notifications attached, or null if there is nothing to send. */
  private async plan(em: EntityManager, person: DuePerson, now: Date): Promise<string | null> {
    const slot = currentDigestSlot(person.mode, person.timezone, now);
    await em.query(
      `INSERT INTO notification_digests (id, person_id, mode, slot) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id, mode, slot) DO NOTHING`,
      [newId(), person.personId, person.mode, slot],
    );
    // Locked until commit: the sender settles a digest under the same lock, so nothing joins a sent one.
    const [digest]: { id: string; status: DeliveryStatus }[] = await em.query(
      `SELECT id, status FROM notification_digests WHERE person_id = $1 AND mode = $2 AND slot = $3 FOR UPDATE`,
      [person.personId, person.mode, slot],
    );
    if (digest.status !== DeliveryStatus.PENDING) return null;
    const attached = await writeReturning<{ id: string }>(
      em,
      `UPDATE notifications SET digest_id = $1
       WHERE person_id = $2 AND email_mode = $3 AND email_status = 'PENDING' AND digest_id IS NULL AND email_due_at <= $4
       RETURNING id`,
      [digest.id, person.personId, person.mode, now],
    );
    // Another worker took them first (it sends them).
    if (attached.length === 0) return null;
    await this.queue.sendInTransaction(em, QUEUE_DIGEST_SEND, { digestId: digest.id }, { startAfter: DIGEST_FALLBACK_DELAY_SECONDS });
    return digest.id;
  }
}
