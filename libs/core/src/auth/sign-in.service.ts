import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import { LocaleValue } from '../graphql/context';
import { MailService } from '../mail/mail.service';
import { AuthService } from './auth.service';
import { writeReturning } from '../database/sql';
import { newId } from '../validation/ids';
import { SessionEntity } from './session.entity';
import { renderSignInEmail } from './sign-in-email';
import { SignInLinkEntity, SignInRequestEntity } from './sign-in-link.entity';
import { generateToken, hashToken, TOKEN_PREFIX } from './tokens';

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
const RATE_WINDOW = '15 minutes';

/** Password-less sign-in: an emailed single-use link, exchanged for a session. */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records the request (known address or not, so the answer and the limits do not reveal which
   * addresses exist), enforces the per-address and per-IP limits, then emails a link if the address
   * belongs to someone.
   */
  async requestLink(email: string, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const [counts]: { byEmail: string; byIp: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1) AS "byEmail", count(*) FILTER (WHERE ip = $2) AS "byIp"
       FROM sign_in_requests WHERE created_at > now() - interval '${RATE_WINDOW}' AND (email = $1 OR ip = $2)`,
      [address, ip],
    );
    if (Number(counts.byEmail) >= this.config.signInLimitPerEmail || Number(counts.byIp) >= this.config.signInLimitPerIp) {
      throw new RateLimitedError('Too many sign-in requests; try again in 15 minutes', 15 * 60);
    }
    await this.dataSource.getRepository(SignInRequestEntity).insert({ id: newId(), email: address, ip, createdAt: new Date() });

    const [person]: { id: string; name: string; locale: LocaleValue }[] = await this.dataSource.query(
      `SELECT id, name, locale FROM people WHERE lower(email) = $1`,
      [address],
    );
    if (!person) return;
    await this.sendLink(person, address);
  }

  /** Issues a link for a known person and emails it (also used when an admin invites someone). */
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

  /** Consumes a link atomically (a second use, or an expired link, fails) and opens a session. */
  async signIn(token: string): Promise<{ token: string; session: SessionEntity }> {
    const [used] = await writeReturning<{ personId: string }>(
      this.dataSource,
      `UPDATE sign_in_links SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id AS "personId"`,
      [hashToken(token)],
    );
    if (!used) throw new UnauthenticatedError('The sign-in link is invalid, expired or already used', 'INVALID_SIGN_IN_TOKEN');
    return this.auth.createSession(used.personId);
  }
}
