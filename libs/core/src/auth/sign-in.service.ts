import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import { LocaleValue } from '../graphql/context';
import { MailService } from '../mail/mail.service';
import { AuthService } from './auth.service';
import { DomainEvent, DomainEvents } from '../events/domain-events';
import { writeReturning } from '../database/sql';
import { querySql, rawSql, sql } from '../database/sql-fragment';
import { newId } from '../validation/ids';
import { SessionEntity } from './session.entity';
import { QueueService } from '../queue/queue.service';
import { renderSignInEmail } from './sign-in-email';
import { QUEUE_SIGN_IN_EMAIL, SIGN_IN_LINK_TTL_MS, SignInEmailJob, SignInMailWorker } from './sign-in-mail.worker';
import { SignInLinkEntity } from './sign-in-link.entity';
import { generateToken, hashToken, TOKEN_PREFIX } from './tokens';

const RATE_WINDOW = '15 minutes';

/** Password-less sign-in: an emailed single-use link, exchanged for a session. */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly mailer: SignInMailWorker,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records the request (known address or not, so the answer and the limits do not reveal which
   * addresses exist), enforces the per-address and per-IP limits, and for an address that belongs to
   * someone creates a link and queues its email, which `SignInMailWorker` sends.
   *
   * Known and unknown addresses run the same two statements: one takes the limits' locks, one counts,
   * records and, only where a person matches, writes the link and its job. No mail server is waited
   * for, so the answer takes the same time either way.
   *
   * The limits hold under concurrency and across instances: the transaction first takes advisory locks
   * on the address and on the IP (in hash order, so two requests cannot deadlock), and the counting
   * statement starts after that, so it sees every request recorded before it.
   */
  async requestLink(email: string, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const linkId = newId();
    const job = this.queue.jobInsert(QUEUE_SIGN_IN_EMAIL, { linkId } satisfies SignInEmailJob, 'link');
    const window = rawSql(`interval '${RATE_WINDOW}'`);
    // Until the worker issues the real token, the hash is that of a token nobody ever sees.
    const placeholderHash = hashToken(generateToken(TOKEN_PREFIX.signInLink));
    const recorded = await this.dataSource.transaction(async (em) => {
      await em.query(
        `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest($1::text[]) AS key ORDER BY k) keys`,
        [[`sign-in-email:${address}`, `sign-in-ip:${ip}`]],
      );
      const [row] = await querySql<{ recorded: number }>(
        em,
        sql`WITH counts AS (
           SELECT count(*) FILTER (WHERE email = ${address}) AS by_email, count(*) FILTER (WHERE ip = ${ip}) AS by_ip
           FROM sign_in_requests WHERE created_at > now() - ${window} AND (email = ${address} OR ip = ${ip})
         ), request AS (
           INSERT INTO sign_in_requests (id, email, ip, created_at)
           SELECT ${newId()}::uuid, ${address}, ${ip}, now() FROM counts
           WHERE by_email < ${this.config.signInLimitPerEmail} AND by_ip < ${this.config.signInLimitPerIp} RETURNING id
         ), link AS (
           -- Placeholder hash and expiry: the worker writes the real ones when it sends the email.
           INSERT INTO sign_in_links (id, person_id, token_hash, created_at, expires_at, used_at)
           SELECT ${linkId}::uuid, p.id, ${placeholderHash}, now(), now() + ${window}, NULL
           FROM people p, request WHERE lower(p.email) = ${address}
           RETURNING id
         ), job AS (${job})
         SELECT count(*)::int AS recorded FROM request`,
      );
      return row.recorded;
    });
    if (recorded === 0) throw new RateLimitedError('Too many sign-in requests; try again in 15 minutes', 15 * 60);
    this.mailer.wake();
  }

  /**
   * Issues a link for a known person and emails it at once: used when an admin invites someone (no
   * address to hide there, and the admin's answer may wait for the mail).
   */
  async sendLink(person: { id: string; name: string; locale: LocaleValue }, address: string): Promise<void> {
    const token = generateToken(TOKEN_PREFIX.signInLink);
    await this.dataSource.getRepository(SignInLinkEntity).insert({
      id: newId(),
      personId: person.id,
      tokenHash: hashToken(token),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS),
      usedAt: null,
    });
    const url = `${this.config.publicUrl}/sign-in?token=${encodeURIComponent(token)}`;
    const content = renderSignInEmail(person.locale, person.name, url);
    try {
      await this.mail.send({ to: address, ...content });
    } catch (error) {
      // The caller's answer must not depend on mail delivery (it would reveal known addresses).
      this.logger.error(`Could not send the sign-in link to person ${person.id}: ${(error as Error).message}`);
    }
  }

  /**
   * Consumes a link atomically (a second use, or an expired link, fails) and opens a session. The session's
   * INSERT carries the SIGNED_IN event's writes (the audit log), so a sign-in stays two statements.
   */
  async signIn(token: string): Promise<{ token: string; session: SessionEntity }> {
    const [used] = await writeReturning<{ personId: string }>(
      this.dataSource,
      `UPDATE sign_in_links SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id AS "personId"`,
      [hashToken(token)],
    );
    if (!used) throw new UnauthenticatedError('The sign-in link is invalid, expired or already used', 'INVALID_SIGN_IN_TOKEN');
    const created = this.auth.newSession(used.personId);
    const { session } = created;
    const event: DomainEvent = { type: 'SIGNED_IN', actorId: session.personId, personId: session.personId, sessionId: session.id, method: 'SIGN_IN_LINK' };
    await this.events.writeWith(
      this.dataSource,
      sql`INSERT INTO sessions (id, person_id, token_hash, created_at, expires_at)
          VALUES (${session.id}, ${session.personId}, ${session.tokenHash}, ${session.createdAt}, ${session.expiresAt}) RETURNING id`,
      event,
    );
    return created;
  }
}
