import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { simpleParser, ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { AppConfig, AuthService, loadConfig, SqlStatementCounter } from '@app/core';
import { createApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from './database';

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; reason?: string; field?: string } }[];
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataDir: string;
  dataSource: DataSource;
  counter: SqlStatementCounter;
  /** Posts a GraphQL document over HTTP, as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** Emails written as .eml files (no SMTP_URL), parsed, oldest first. */
  mails(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecava-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'https://wg.ecava.test',
    // Production requires it; the tests also run one instance with NODE_ENV=production.
    SIGNING_SECRET: 'e2e-signing-secret-0123456789abcdef',
    // The worker consumes queues in the background; tests that need it turn it on, the others keep
    // their statement counts free of its queries.
    RUN_WORKER: 'false',
    // Factories write far faster than a person does; the per-person mutation limit has its own tests
    // (response-limits.e2e-spec.ts), which set it low.
    MUTATIONS_PER_MINUTE: '100000000',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await createApp(config, { schemaFile: join(dataDir, 'schema.gql') });
  await app.listen(Number(env.PORT ?? 0), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;

  return {
    app,
    url,
    config,
    dataDir,
    dataSource: app.get(DataSource),
    counter: app.get(SqlStatementCounter),
    async gql(query, variables, token, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GqlResponse;
    },
    async mails() {
      const dir = join(dataDir, 'mail');
      if (!existsSync(dir)) return [];
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort();
      return Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Issues an access token for a person directly through the service (test set-up, not under test). */
export async function tokenFor(t: TestApp, personId: string): Promise<string> {
  return (await t.app.get(AuthService).createAccessToken(personId, 'test')).secret;
}

/** Waits until every queued event has been expanded and every queued email handled (the worker is running). */
export async function queuesSettled(t: TestApp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('domain-events', 'email-send') AND state IN ('created', 'retry', 'active')`,
    );
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} jobs still queued`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first error's code, or undefined. */
export function errorCode(response: GqlResponse): string | undefined {
  return response.errors?.[0]?.extensions.code;
}

/** The data of a response that must have succeeded. */
export function ok<T = any>(response: GqlResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** A refused operation: no data for it, and the first error's code, reason and field (those present). */
export function refusal(response: GqlResponse): { code?: string; reason?: string; field?: string } {
  expect(response.data?.[Object.keys(response.data ?? {})[0]] ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions;
  return Object.fromEntries(
    Object.entries({ code: extensions?.code, reason: extensions?.reason, field: extensions?.field }).filter(([, v]) => v !== undefined),
  );
}
