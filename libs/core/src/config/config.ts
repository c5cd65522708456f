import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

/** Every setting the platform reads, typed. Only this file reads `process.env`. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  /** Unset: an embedded PostgreSQL (PGlite) is started with its data under `dataDir/pg`. */
  databaseUrl?: string;
  /**
   * Parameterised statements run as per-connection prepared statements (DATABASE_PREPARED_STATEMENTS,
   * default true). Turn off behind a pooler that does not keep them per client (PgBouncer in transaction
   * mode before 1.21). Always off on the embedded database.
   */
  preparedStatements: boolean;
  dataDir: string;
  /**
   * The directory the user ran the command from, for paths they type (the CLI's `--out`): npm's
   * INIT_CWD, since `npm run` runs scripts in the package root; the working directory otherwise.
   */
  invocationDir: string;
  /** Base of every link the platform writes (emails, download URLs), without a trailing slash. */
  publicUrl: string;
  /** Unset: emails are written as `.eml` files under `dataDir/mail` and logged. */
  smtpUrl?: string;
  mailFrom: string;
  sessionTtlSeconds: number;
  /**
   * How long an instance may reuse a bearer token's resolved viewer without asking the database
   * (AUTH_CACHE_SECONDS, default 10; 0 looks every request up). Revoking or changing a person through
   * an instance takes effect there at once, on the other instances within this time.
   */
  authCacheSeconds: number;
  /**
   * GraphQL operations (queries and mutations over HTTP) executing at once per instance; more wait their
   * turn (MAX_CONCURRENT_OPERATIONS, default 20: twice the database pool).
   */
  maxConcurrentOperations: number;
  /**
   * Items in lists that one GraphQL answer may hold (RESPONSE_ITEM_LIMIT, default 50,000): execution stops at the
   * list that passes it and the answer is the error RESPONSE_TOO_LARGE alone.
   */
  responseItemLimit: number;
  /**
   * Mutations one person may send per minute, per instance (MUTATIONS_PER_MINUTE, default 300); more are refused
   * with TOO_MANY_REQUESTS and `retryAfterSeconds`.
   */
  mutationsPerMinute: number;
  /**
   * How much V8 lets the heap grow past what survived its last full collection, in percent
   * (HEAP_GROWING_PERCENT, default 100: at most double; 0: V8's own factor, up to 4×). Bounds the
   * memory a busy process holds at a cost in throughput within measurement noise (docs/performance.md).
   */
  heapGrowingPercent: number;
  /** Fastify's `trustProxy`: set when the API runs behind a reverse proxy, so client IPs are right. */
  trustProxy: boolean;
  /** Apollo's sandbox and introspection; on by default outside production. */
  graphqlPlayground: boolean;
  /** The built browser client (scripts/build-web.js), served at `/`; nothing is served when it is absent. */
  webDir: string;
  /** Browser origins allowed by CORS; empty: no cross-origin browser access. `*` allows any. */
  corsOrigins: string[];
  /** Sign-in link requests allowed per address and per client IP within 15 minutes. */
  signInLimitPerEmail: number;
  signInLimitPerIp: number;
  /**
   * Key for signed links (export download URLs). Every instance of one deployment must share it.
   * Required in production; elsewhere derived from `dataDir` (see `loadConfig`).
   */
  signingSecret: string;
  /** Run the notification worker (queue consumers, scheduled digests) in this process. Default true. */
  runWorker: boolean;
  /** Set: live updates (subscriptions) fan out across API instances through Redis pub/sub. */
  redisUrl?: string;
  /** How long a generated export file (and its download URL) stays valid. */
  exportTtlSeconds: number;
  /**
   * Worker threads that render export files (EXPORT_RENDER_THREADS, default the available cores less
   * one, at least 1): the API's event loop keeps one core. More exports wait for a free thread.
   */
  exportRenderThreads: number;
  /**
   * Exports one person may have in flight at once on one instance (EXPORT_CONCURRENCY_PER_PERSON,
   * default 2); more are refused with RATE_LIMITED / EXPORT_LIMIT.
   */
  exportConcurrencyPerPerson: number;
  /** Notification jobs (event expansion, email sending): delay before the first retry, doubled on each next one. Default 10. */
  notifyRetryDelaySeconds: number;
  /** Retries of a transiently failing email before it is marked FAILED (NOTIFY_RETRY_LIMIT, default 5). */
  notifyRetryLimit: number;
  /**
   * How long a notification job may stay active before the queue treats it as failed and retries it: a
   * batch taken by a worker that died is sent again after this (plus up to `queueMaintenanceSeconds`).
   * Default 900 (pg-boss's own default).
   */
  notifyJobTimeoutSeconds: number;
  /** How often the queue's maintenance runs (expires timed-out jobs, archives finished ones). Default 120. */
  queueMaintenanceSeconds: number;
}

/** The shortest `SIGNING_SECRET` accepted: 32 characters (e.g. `openssl rand -base64 32` gives 44). */
export const MIN_SIGNING_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses `3600`, `90m`, `12h` or `30d` into seconds; null when malformed. */
export function parseDuration(value: string): number | null {
  const match = DURATION.exec(value.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] ?? 's'];
  return seconds > 0 ? seconds : null;
}

/**
 * Reads and validates the settings. A missing or malformed value stops start-up with a message that
 * names every offending setting at once.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      return undefined;
    }
  };

  const nodeEnvRaw = text('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as NodeEnv;
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port || 3000}`).replace(/\/+$/, '');

  const sessionTtlRaw = text('SESSION_TTL') ?? '30d';
  const sessionTtlSeconds = parseDuration(sessionTtlRaw);
  if (sessionTtlSeconds === null) {
    problems.push(`SESSION_TTL must be a duration such as 3600, 90m, 12h or 30d (got "${sessionTtlRaw}")`);
  }

  const mailFrom = text('MAIL_FROM') ?? 'ECAVA Working Groups <no-reply@ecava.localhost>';
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${mailFrom}")`);
  }

  const exportTtlRaw = text('EXPORT_TTL') ?? '15m';
  const exportTtlSeconds = parseDuration(exportTtlRaw);
  if (exportTtlSeconds === null || exportTtlSeconds > 7 * 86400) {
    problems.push(`EXPORT_TTL must be a duration of at most 7d such as 900, 15m or 1h (got "${exportTtlRaw}")`);
  }

  const dataDir = resolve(text('DATA_DIR') ?? 'data');
  // Several API instances (and the CLI) must agree on the key, so a random per-process default would
  // break downloads behind a load balancer. Outside production the default is derived from DATA_DIR:
  // stable for one machine's data folder, and never accepted in production.
  let signingSecret = text('SIGNING_SECRET');
  if (signingSecret !== undefined && signingSecret.length < MIN_SIGNING_SECRET_LENGTH) {
    problems.push(`SIGNING_SECRET must be at least ${MIN_SIGNING_SECRET_LENGTH} characters long`);
  } else if (signingSecret === undefined && nodeEnv === 'production') {
    problems.push('SIGNING_SECRET is required in production (a random string of at least 32 characters, e.g. `openssl rand -base64 32`)');
  }
  signingSecret ??= createHash('sha256').update(`ecava-development-signing-secret\0${dataDir}`).digest('base64url');

  const config: AppConfig = {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    preparedStatements: bool('DATABASE_PREPARED_STATEMENTS', true),
    dataDir,
    invocationDir: resolve(text('INIT_CWD') ?? process.cwd()),
    publicUrl,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    sessionTtlSeconds: sessionTtlSeconds ?? 0,
    authCacheSeconds: int('AUTH_CACHE_SECONDS', 10, 0, 300),
    maxConcurrentOperations: int('MAX_CONCURRENT_OPERATIONS', 20, 1, 10_000),
    responseItemLimit: int('RESPONSE_ITEM_LIMIT', 50_000, 100, 10_000_000),
    mutationsPerMinute: int('MUTATIONS_PER_MINUTE', 300, 1, 100_000_000),
    heapGrowingPercent: int('HEAP_GROWING_PERCENT', 100, 0, 1_000),
    trustProxy: bool('TRUST_PROXY', false),
    runWorker: bool('RUN_WORKER', true),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    corsOrigins: (text('CORS_ORIGINS') ?? (nodeEnv === 'production' ? '' : '*'))
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    graphqlPlayground: bool('GRAPHQL_PLAYGROUND', nodeEnv !== 'production'),
    webDir: resolve(text('WEB_DIR') ?? 'dist/web'),
    signInLimitPerEmail: int('SIGN_IN_LIMIT_PER_EMAIL', 5, 1, 1000),
    signInLimitPerIp: int('SIGN_IN_LIMIT_PER_IP', 30, 1, 100000),
    signingSecret,
    exportTtlSeconds: exportTtlSeconds ?? 0,
    exportRenderThreads: int('EXPORT_RENDER_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    exportConcurrencyPerPerson: int('EXPORT_CONCURRENCY_PER_PERSON', 2, 1, 100),
    notifyRetryDelaySeconds: int('NOTIFY_RETRY_DELAY_SECONDS', 10, 1, 3600),
    notifyRetryLimit: int('NOTIFY_RETRY_LIMIT', 5, 0, 50),
    notifyJobTimeoutSeconds: int('NOTIFY_JOB_TIMEOUT_SECONDS', 900, 1, 43200),
    queueMaintenanceSeconds: int('QUEUE_MAINTENANCE_SECONDS', 120, 1, 3600),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
