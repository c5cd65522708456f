import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { writeReturning } from '../database/sql';
import { newId } from '../validation/ids';
import { NotFoundError } from '../errors';
import { Viewer } from '../graphql/context';
import { PubSubService } from '../pubsub/pubsub.service';
import { AccessTokenEntity } from './access-token.entity';
import { CREDENTIALS_CHANGED, CredentialsChanged } from './credential-events';
import { SessionEntity } from './session.entity';
import { generateToken, hashToken, TOKEN_PREFIX } from './tokens';

/** The bound of `myAccessTokens` (`@MaxItems`): the oldest active tokens first, so the forgotten ones show. */
export const LISTED_ACCESS_TOKENS = 100;
/** The bound of `mySessions`: the newest first (a person signs in from a few browsers, not hundreds). */
export const LISTED_SESSIONS = 100;

const VIEWER_COLUMNS = `p.id, p.organization_id AS "organizationId", p.name, p.email, p.role, p.locale, p.timezone`;

/** `last_used_at` is written at most once a minute per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ViewerResolution = { viewer: Viewer } | { viewer: null; problem: string };

/** Resolved viewers kept per token hash; the oldest are dropped beyond this many. */
const AUTH_CACHE_ENTRIES = 10_000;

/** Sessions and personal access tokens: issuing, resolving a bearer token to a viewer, revoking. */
@Injectable()
export class AuthService implements OnModuleInit {
  /**
   * Valid tokens' viewers for AUTH_CACHE_SECONDS (never past a session's expiry), so a client's
   * requests do not each cost a lookup. Unknown or revoked tokens are not cached. Every instance drops
   * a person's entries when told so through the pub/sub (CREDENTIALS_CHANGED).
   */
  private readonly cache = new Map<string, { viewer: Viewer; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pubsub: PubSubService,
  ) {}

  onModuleInit(): void {
    this.pubsub.listen<CredentialsChanged>(CREDENTIALS_CHANGED, ({ personId }) => {
      for (const [hash, entry] of this.cache) if (entry.viewer.id === personId) this.cache.delete(hash);
    });
  }

  /** A cached viewer, or one indexed lookup on the table the token's prefix names. */
  async resolveBearer(token: string): Promise<ViewerResolution> {
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return { viewer: cached.viewer };
    if (cached) this.cache.delete(hash);
    const resolution = await this.lookUp(token, hash);
    if (resolution.viewer && this.config.authCacheSeconds > 0) {
      const until = Math.min(Date.now() + this.config.authCacheSeconds * 1000, resolution.expiresAt?.getTime() ?? Infinity);
      if (this.cache.size >= AUTH_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(hash, { viewer: resolution.viewer, until });
    }
    return resolution.viewer ? { viewer: resolution.viewer } : resolution;
  }

  /** Every instance forgets the cached viewers of a person (changed role or profile): their next request reads them afresh. */
  forgetPerson(personId: string): void {
    const message: CredentialsChanged = { personId, revoked: false };
    this.pubsub.publish(CREDENTIALS_CHANGED, message);
  }

  /**
   * Credentials that no longer sign anyone in, announced to every instance once the change is stored
   * (committed): each drops its cached viewers of the person and closes, with 4403, the sockets opened
   * with them (LiveConnections). One session or token with `credentialId`, else every credential of the
   * person: what erasing a person calls after deleting their sessions and tokens.
   */
  credentialsRevoked(personId: string, credentialId?: string): void {
    const message: CredentialsChanged = { personId, credentialId, revoked: true };
    this.pubsub.publish(CREDENTIALS_CHANGED, message);
  }

  private async lookUp(token: string, hash: string): Promise<{ viewer: Viewer; expiresAt?: Date } | { viewer: null; problem: string }> {
    if (token.startsWith(`${TOKEN_PREFIX.session}_`)) {
      const rows = await this.dataSource.query(
        `SELECT ${VIEWER_COLUMNS}, s.id AS "credentialId", s.expires_at AS "expiresAt" FROM sessions s JOIN people p ON p.id = s.person_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [hash],
      );
      return rows[0] ? { viewer: toViewer(rows[0], 'session'), expiresAt: rows[0].expiresAt } : { viewer: null, problem: 'The session has expired or was revoked' };
    }
    if (token.startsWith(`${TOKEN_PREFIX.accessToken}_`)) {
      const rows = await this.dataSource.query(
        `SELECT ${VIEWER_COLUMNS}, t.id AS "credentialId", t.last_used_at AS "lastUsedAt"
         FROM access_tokens t JOIN people p ON p.id = t.person_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
        [hash],
      );
      if (!rows[0]) return { viewer: null, problem: 'The access token is unknown or was revoked' };
      const lastUsedAt: Date | null = rows[0].lastUsedAt;
      if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await this.dataSource.query(`UPDATE access_tokens SET last_used_at = now() WHERE id = $1`, [rows[0].credentialId]);
      }
      return { viewer: toViewer(rows[0], 'access-token') };
    }
    return { viewer: null, problem: 'Unrecognised token' };
  }

  async createSession(personId: string): Promise<{ token: string; session: SessionEntity }> {
    const created = this.newSession(personId);
    await this.dataSource.getRepository(SessionEntity).insert(created.session);
    return created;
  }

  /** A session for `personId` and its token, not yet stored. */
  newSession(personId: string): { token: string; session: SessionEntity } {
    const token = generateToken(TOKEN_PREFIX.session);
    const session: SessionEntity = {
      id: newId(),
      personId,
      tokenHash: hashToken(token),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + this.config.sessionTtlSeconds * 1000),
      revokedAt: null,
    };
    return { token, session };
  }

  /** Revokes the session the viewer signed in with; false when they used an access token. */
  async signOut(viewer: Viewer): Promise<boolean> {
    if (viewer.credential.kind !== 'session') return false;
    const revoked = await writeReturning(
      this.dataSource,
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [viewer.credential.id],
    );
    this.credentialsRevoked(viewer.id, viewer.credential.id);
    return revoked.length > 0;
  }

  async createAccessToken(personId: string, name: string): Promise<{ secret: string; token: AccessTokenEntity }> {
    const secret = generateToken(TOKEN_PREFIX.accessToken);
    const token: AccessTokenEntity = {
      id: newId(),
      personId,
      name,
      tokenHash: hashToken(secret),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.dataSource.getRepository(AccessTokenEntity).insert(token);
    return { secret, token };
  }

  /** A person revokes their own tokens; admins may revoke anyone's. */
  async revokeAccessToken(viewer: Viewer, id: string): Promise<boolean> {
    const revoked = await writeReturning<{ id: string; personId: string }>(
      this.dataSource,
      `UPDATE access_tokens SET revoked_at = now()
       WHERE id::text = $1 AND revoked_at IS NULL AND (person_id = $2 OR $3) RETURNING id, person_id AS "personId"`,
      [id, viewer.id, viewer.role === 'ADMIN'],
    );
    if (revoked.length === 0) throw new NotFoundError('access token');
    this.credentialsRevoked(revoked[0].personId, revoked[0].id);
    return true;
  }

  /** The person's sessions that still sign in (not revoked, not expired), newest first; `current` marks the viewer's own. */
  async listSessions(viewer: Viewer): Promise<{ id: string; createdAt: Date; expiresAt: Date; current: boolean }[]> {
    return this.dataSource.query(
      `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", id IS NOT DISTINCT FROM $2::uuid AS current
       FROM sessions WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC, id LIMIT $3`,
      [viewer.id, viewer.credential.kind === 'session' ? viewer.credential.id : null, LISTED_SESSIONS],
    );
  }

  /** A person ends one of their own sessions (another browser, a lost laptop); unknown, revoked or others' ids are NOT_FOUND. */
  async revokeSession(viewer: Viewer, id: string): Promise<boolean> {
    const revoked = await writeReturning(
      this.dataSource,
      `UPDATE sessions SET revoked_at = now() WHERE id::text = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id`,
      [id, viewer.id],
    );
    if (revoked.length === 0) throw new NotFoundError('session');
    this.credentialsRevoked(viewer.id, id);
    return true;
  }

  async listAccessTokens(personId: string): Promise<AccessTokenEntity[]> {
    return this.dataSource.query(
      `SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
       FROM access_tokens WHERE person_id = $1 AND revoked_at IS NULL ORDER BY created_at, id LIMIT $2`,
      [personId, LISTED_ACCESS_TOKENS],
    );
  }
}

function toViewer(row: Record<string, string>, kind: 'session' | 'access-token'): Viewer {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    email: row.email,
    role: row.role as Viewer['role'],
    locale: row.locale as Viewer['locale'],
    timezone: row.timezone,
    credential: { kind, id: row.credentialId },
  };
}
