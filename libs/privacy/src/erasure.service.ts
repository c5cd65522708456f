import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AuthService, ConflictError, DomainEvents, ForbiddenError, isId, NotFoundError, Viewer } from '@app/core';
import { erasedEmail, FORMER_MEMBER, sweepQuotations } from './erasure';
import { decodeEmailForSearch, quotationPattern, scrubQuotations } from './quotations';

interface ErasedPerson {
  id: string;
  name: string;
  email: string;
  organizationId: string;
  erasedAt: Date | null;
}

/**
 * Rows deleted outright when a person is erased: their credentials, sign-in traces, inbox, delivery
 * queue and preferences (decision 151), and every stored export that contains them (decision 153).
 */
const DELETIONS: readonly string[] = [
  `DELETE FROM sessions WHERE person_id = $1`,
  `DELETE FROM access_tokens WHERE person_id = $1`,
  `DELETE FROM sign_in_links WHERE person_id = $1`,
  `DELETE FROM sign_in_requests WHERE lower(email) = (SELECT lower(email) FROM people WHERE id = $1)`,
  `DELETE FROM notification_preferences WHERE person_id = $1`,
  `DELETE FROM notifications WHERE person_id = $1`,
  `DELETE FROM notification_digests WHERE person_id = $1`,
  // Their own exports, and briefs and pool documents that list them (attendee lists, signatories).
  `DELETE FROM export_files WHERE person_id = $1 OR requested_by_id = $1
     OR meeting_id IN (SELECT meeting_id FROM meeting_invitations WHERE person_id = $1
                       UNION SELECT id FROM meetings WHERE created_by_id = $1
                       UNION SELECT meeting_id FROM agenda_items WHERE presenter_id = $1
                       UNION SELECT meeting_id FROM action_items WHERE owner_id = $1 OR created_by_id = $1)
     OR data_pool_id IN (SELECT data_pool_id FROM data_pool_signatories WHERE signed_by_id = $1 OR invited_by_id = $1
                         UNION SELECT id FROM data_pools WHERE created_by_id = $1)`,
  // Invitations to meetings still to come: an erased person attends nothing; past attendance stays.
  `DELETE FROM meeting_invitations WHERE person_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE starts_at > now())`,
  // Seats end (kept as history: who sat where, attributed to "Former member").
  `UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1 AND ended_at IS NULL`,
];

/** All of them as one statement: data-modifying CTEs, which all see the rows as they were before it. */
const ERASE_ROWS = `WITH ${DELETIONS.map((statement, i) => `erase_${i + 1} AS (${statement})`).join(',\n')}\nSELECT 1`;

/**
 * The right to erasure (GDPR Art. 17), irreversible. In one transaction: the person's row keeps its id
 * (authored proposals, comments, votes and signatures stay, attributed to "Former member") but loses
 * name, email and title; credentials, inbox and preferences are deleted; seats end; every quotation of
 * the old name and email in any text or JSON column is rewritten (the append-only audit tables
 * included, through their erasure escape); the audit log's actor is cleared. After commit, every
 * instance drops the person's cached sign-ins and live sockets, and `.eml` files quoting them go.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async erase(viewer: Viewer, personId: string, reason: string): Promise<boolean> {
    if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only admins may erase a person', 'ADMIN_ONLY');
    if (!isId(personId)) throw new NotFoundError('person');
    // An admin cannot erase themselves: another admin must, so the platform is never left without
    // one (the erasing admin remains), and nobody erases their own account by a slip (decision 155).
    if (personId === viewer.id) throw new ForbiddenError('Another admin must erase you', 'CANNOT_ERASE_SELF');
    const old = await this.dataSource.transaction((em) => this.eraseIn(em, viewer, personId, reason));
    this.auth.credentialsRevoked(personId);
    await this.deleteMailFiles(old);
    return true;
  }

  private async eraseIn(em: EntityManager, viewer: Viewer, personId: string, reason: string): Promise<ErasedPerson> {
    const [person]: ErasedPerson[] = await em.query(
      `SELECT id, name, email, organization_id AS "organizationId", erased_at AS "erasedAt" FROM people WHERE id = $1 FOR UPDATE`,
      [personId],
    );
    if (!person) throw new NotFoundError('person');
    if (person.erasedAt) throw new ConflictError('PERSON_ALREADY_ERASED', 'This person has already been erased', 'personId');
    // The append-only tables (data_pool_events, audit_log) accept this transaction's rewrites.
    await em.query(`SET LOCAL ecava.erasure = 'on'`);
    await em.query(ERASE_ROWS, [personId]);
    await em.query(
      `UPDATE people SET name = $2, email = $3, title = NULL, role = 'MEMBER', erased_at = now(), updated_at = now() WHERE id = $1`,
      [personId, FORMER_MEMBER, erasedEmail(personId)],
    );
    // AuditEntry.actor is null once the actor has been erased (contract 07); the organisation stays.
    await em.query(`UPDATE audit_log SET actor_id = NULL WHERE actor_id = $1`, [personId]);
    const quoted = { name: person.name, email: person.email };
    await sweepQuotations(em, personId, quoted);
    await this.events.publish(em, {
      type: 'person.erased',
      personId,
      reason: scrubQuotations(reason, quoted, { name: FORMER_MEMBER, email: erasedEmail(personId) }),
      actorId: viewer.id,
      organizationId: person.organizationId,
    });
    return person;
  }

  /**
   * Emails written as `.eml` files (no SMTP server configured) that were sent to the person or quote
   * them are deleted. Messages already handed to an SMTP server are beyond the platform's reach.
   */
  private async deleteMailFiles(person: ErasedPerson): Promise<void> {
    const dir = join(this.config.dataDir, 'mail');
    const files = await readdir(dir).catch(() => [] as string[]);
    const patterns = [person.email, person.name].map(quotationPattern);
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const path = join(dir, file);
      const text = decodeEmailForSearch(await readFile(path));
      if (patterns.some((pattern) => text.search(pattern) >= 0)) {
        await unlink(path).catch((error: Error) => this.logger.warn(`Could not delete ${path}: ${error.message}`));
      }
    }
  }
}
