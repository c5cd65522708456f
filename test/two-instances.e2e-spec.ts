import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/core';
import { CliModule } from '../apps/cli/src/cli.module';
import { createTestDatabase, TestDatabase } from './support/database';
import { makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { GqlResponse, TestApp } from './support/test-app';
import { subscribe, untilLive, wsClient } from './support/ws-client';

const root = join(__dirname, '..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  dataDir: string;
}

/** Starts `dist/apps/api/src/main.js` as `npm start` would, and waits until it is ready. */
async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `ecava-${name}-`));
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), DATA_DIR: dataDir, SIGNING_SECRET: 'e2e-signing-secret-0123456789abcdef', ...env },
    cwd: dataDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return { name, url, child, dataDir };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`instance ${name} exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`instance ${name} did not answer in 30 s: ${stderr}`);
}

function stop(instance: Instance): Promise<number | null> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null) return resolve(instance.child.exitCode);
    instance.child.once('exit', (code) => resolve(code));
    instance.child.kill('SIGTERM');
  });
}

describe('Two API instances on one database and Redis (e2e)', () => {
  let redisUp = false;
  let database: TestDatabase;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let context: INestApplicationContext | undefined;
  /** Factories' view of the deployment: set-up through the services, GraphQL through instance B. */
  let viaB: TestApp;
  const clients: Client[] = [];

  beforeAll(async () => {
    redisUp = await reachable(REDIS_URL);
    database = await createTestDatabase();
    if (!redisUp || !database.url) return;
    execFileSync(process.execPath, [join(root, 'scripts/build.js'), '--if-stale']);
    // A first: it applies the migrations to the fresh database. A serves subscriptions only and
    // leaves the queues to B (RUN_WORKER=false), as API instances next to workers do.
    a = await startInstance('a', { DATABASE_URL: database.url, REDIS_URL, RUN_WORKER: 'false' });
    b = await startInstance('b', { DATABASE_URL: database.url, REDIS_URL, RUN_WORKER: 'true' });
    const dataDir = mkdtempSync(join(tmpdir(), 'ecava-setup-'));
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot({ ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: database.url }), runWorker: false }),
      { logger: ['error'] },
    );
    const instanceB = b;
    viaB = {
      app: context,
      dataSource: context.get(DataSource),
      async gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse> {
        const response = await fetch(`${instanceB.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GqlResponse;
      },
    } as unknown as TestApp;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await context?.close();
    const codes = await Promise.all([a, b].filter((i): i is Instance => i !== undefined).map(stop));
    for (const instance of [a, b]) if (instance) rmSync(instance.dataDir, { recursive: true, force: true });
    await database?.drop();
    // Both shut down cleanly (Redis connections closed, queue stopped).
    expect(codes.every((code) => code === 0)).toBe(true);
  }, 60_000);

  const skipped = () => {
    if (redisUp && database.url) return false;
    console.warn(`SKIPPED two-instance test: ${!redisUp ? `Redis is not reachable at ${REDIS_URL}` : 'no PostgreSQL server (two processes cannot share the embedded one)'}`);
    return true;
  };

  it('a subscriber on instance A receives a proposal change made through instance B', async () => {
    if (skipped()) return;
    const group = await makeGroup(viaB);
    const [author, chair, viewer] = [await makePerson(viaB), await makePerson(viaB), await makePerson(viaB)];
    await seat(viaB, group.id, author, 'MEMBER');
    await seat(viaB, group.id, chair, 'CHAIR');
    await seat(viaB, group.id, viewer, 'MEMBER');
    const proposal = await makeProposal(viaB, author, group.id, { confidentiality: 'WORKING_GROUP' });
    await moveProposal(viaB, proposal, 'SUBMITTED', { author, manager: chair });

    const client = wsClient(a!.url, viewer.token);
    clients.push(client);
    const live = subscribe(client, `subscription ($g: ID) { proposalChanged(workingGroupId: $g) { id title version workingGroup { id } } }`, { g: group.id });
    let n = 0;
    const comment = async () => {
      const response = await viaB.gql(`mutation ($id: ID!, $b: String!) { addComment(proposalId: $id, body: $b) { id } }`, { id: proposal, b: `probe ${(n += 1)}` }, author.token);
      expect(response.errors).toBeUndefined();
    };
    await untilLive(live, comment, (e: any) => e.proposalChanged.id === proposal);

    const current = await viaB.gql(`query ($id: ID!) { proposal(id: $id) { version } }`, { id: proposal }, author.token);
    const updated = await viaB.gql(
      `mutation ($id: ID!, $v: Int!) { updateProposal(id: $id, expectedVersion: $v, input: { title: "Changed through B" }) { version } }`,
      { id: proposal, v: current.data.proposal.version },
      author.token,
    );
    expect(updated.errors).toBeUndefined();
    const events = await live.waitFor((all) => all.some((e: any) => e.proposalChanged.title === 'Changed through B'));
    expect(events[events.length - 1].proposalChanged).toEqual({
      id: proposal,
      title: 'Changed through B',
      version: updated.data.updateProposal.version,
      workingGroup: { id: group.id },
    });
    expect(live.errors).toEqual([]);
  }, 60_000);

  it("a subscriber on instance A receives the notification B's worker created", async () => {
    if (skipped()) return;
    const group = await makeGroup(viaB);
    const chair = await makePerson(viaB);
    await seat(viaB, group.id, chair, 'CHAIR');
    const client = wsClient(a!.url, chair.token);
    clients.push(client);
    const live = subscribe(client, `subscription { notificationAdded { id type } }`);
    const apply = async () => {
      const applicant = await makePerson(viaB);
      const response = await viaB.gql(
        `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
        { input: { workingGroupId: group.id, organizationId: applicant.organizationId, motivation: 'Compute for the pool.' } },
        applicant.token,
      );
      expect(response.errors).toBeUndefined();
    };
    // A runs no worker: what arrives was expanded by B and published through Redis.
    await untilLive(live, apply, (e: any) => e.notificationAdded.type === 'application.submitted', 30_000);
    const ids = live.events.map((e: any) => e.notificationAdded.id);
    const own = await viaB.dataSource.query(`SELECT id FROM notifications WHERE id = ANY($1) AND person_id = $2`, [ids, chair.id]);
    expect(own).toHaveLength(ids.length);
  }, 60_000);
});
