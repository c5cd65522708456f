import {
  Inject,
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
} from "@nestjs/common";
import { DataSource } from "typeorm";
import { AppConfig } from "../config/config";
import { APP_CONFIG } from "../config/config.module";
import { Viewer } from "../graphql/context";
import { PubSubService } from "../pubsub/pubsub.service";
import { CREDENTIALS_CHANGED, CredentialsChanged } from "./credential-events";

/** An open connection (a WebSocket) that authenticated once and lives on. */
interface LiveConnection {
  personId: string;
  credentialId: string;
  close: () => void;
}

/**
 * The long-lived connections of this instance, by the credential they authenticated with, closed as
 * soon as that credential stops signing anyone in:
 * - at once, on every instance, when an instance announces it (AuthService.credentialsRevoked, through
 *   the pub/sub);
 * - at the latest after max(1, AUTH_CACHE_SECONDS) seconds, by a recheck of the open connections'
 *   credentials in one statement: for what no announcement carries (a session's expiry, a revocation
 *   in SQL, an announcement lost while Redis was away). The same bound as for cached viewers.
 */
@Injectable()
export class LiveConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveConnections.name);
  private readonly open = new Set<LiveConnection>();
  private stopListening?: () => void;
  private recheckTimer?: NodeJS.Timeout;
  private rechecking = false;

  constructor(
    private readonly pubsub: PubSubService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.pubsub.listen<CredentialsChanged>(
      CREDENTIALS_CHANGED,
      (change) => {
        if (!change.revoked) return;
        this.closeWhere(
          (c) =>
            c.personId === change.personId &&
            (change.credentialId === undefined ||
              c.credentialId === change.credentialId),
        );
      },
    );
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    clearInterval(this.recheckTimer);
  }

  /** Tracks a connection opened with `viewer`'s credential; returns what to call when it closes. */
  track(viewer: Viewer, close: () => void): () => void {
    const connection: LiveConnection = {
      personId: viewer.id,
      credentialId: viewer.credential.id,
      close,
    };
    this.open.add(connection);
    this.recheckTimer ??= setInterval(
      () => void this.recheck(),
      Math.max(1, this.config.authCacheSeconds) * 1000,
    ).unref();
    return () => {
      this.open.delete(connection);
      if (this.open.size === 0) {
        clearInterval(this.recheckTimer);
        this.recheckTimer = undefined;
      }
    };
  }

  /** Closes the connections whose credential is revoked, expired or gone. */
  async recheck(): Promise<void> {
    if (this.rechecking || this.open.size === 0) return;
    this.rechecking = true;
    try {
      const ids = [...new Set([...this.open].map((c) => c.credentialId))];
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM sessions WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > now()
         UNION ALL SELECT id FROM access_tokens WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`,
        [ids],
      );
      const checked = new Set(ids);
      const valid = new Set(rows.map((r) => r.id));
      // Connections opened while the statement ran were not checked: left for the next round.
      this.closeWhere(
        (c) => checked.has(c.credentialId) && !valid.has(c.credentialId),
      );
    } catch (error) {
      this.logger.warn(
        `Could not recheck the credentials of open connections: ${(error as Error).message}`,
      );
    } finally {
      this.rechecking = false;
    }
  }

  private closeWhere(matches: (connection: LiveConnection) => boolean): void {
    for (const connection of [...this.open]) {
      if (!matches(connection)) continue;
      this.open.delete(connection);
      connection.close();
    }
  }
}
