import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) with its data under `dataDir/pg` and serves it
 * over the PostgreSQL wire protocol on a free loopback port, so the same `pg` driver, pool and
 * migrations work as against a real server. PGlite runs one transaction at a time across all
 * connections: code must never hold a transaction open while waiting for another connection.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  const dir = join(dataDir, 'pg');
  mkdirSync(dir, { recursive: true });
  const releaseLock = acquireLock(join(dataDir, 'pg.lock'));
  // Loaded on demand: the WebAssembly build is only needed when no DATABASE_URL is set.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // Search needs `unaccent` (migration 1795900500000): PGlite loads a contrib extension only when asked to.
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create(dir, { extensions: { unaccent } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 20 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  logger.log(`Embedded PostgreSQL (PGlite) serving ${dir} on ${host}:${port}`);
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/** Another living process holds the embedded database's data folder: a clear reason to stop, without a stack. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL to share a PostgreSQL server between processes.`);
    this.name = 'EmbeddedDatabaseInUseError';
  }
}

/**
 * PGlite is a single-process database: two processes on one data folder would overwrite each other.
 * A pid lock file turns that into a clear error (a stale lock of a dead process is taken over).
 */
function acquireLock(file: string): () => void {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new EmbeddedDatabaseInUseError(file.replace(/pg\.lock$/, ''), pid);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
