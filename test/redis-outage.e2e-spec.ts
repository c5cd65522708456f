import { createServer, Server } from "node:net";
import { ConsoleLogger } from "@nestjs/common";
import { Client } from "graphql-ws";
import { createTestDatabase, TestDatabase } from "./support/database";
import {
  Actor,
  makeGroup,
  makePerson,
  makeProposal,
  moveProposal,
  seat,
} from "./support/factories";
import {
  buildDist,
  deploymentView,
  freePort,
  gqlOn,
  Instance,
  reachable,
  REDIS_URL,
  startInstance,
  stopAll,
} from "./support/instances";
import { tcpProxy, TcpProxy } from "./support/tcp-proxy";
import { startTestApp, TestApp } from "./support/test-app";
import {
  LiveSubscription,
  subscribe,
  untilLive,
  wsClient,
} from "./support/ws-client";

const PROPOSAL_CHANGED = `subscription ($g: ID) { proposalChanged(workingGroupId: $g) { id } }`;
const ADD_COMMENT = `mutation ($id: ID!, $b: String!) { addComment(proposalId: $id, body: $b) { id } }`;
const OUTAGE_LOG = /Redis at 127\.0\.0\.1:\d+ is unreachable/g;

/** A submitted proposal in a new group, its author and a reader (the subscriber). */
async function proposalWithReader(t: TestApp) {
  const group = await makeGroup(t);
  const [author, chair, reader] = [
    await makePerson(t),
    await makePerson(t),
    await makePerson(t),
  ];
  await seat(t, group.id, author, "MEMBER");
  await seat(t, group.id, chair, "CHAIR");
  await seat(t, group.id, reader, "MEMBER");
  const proposal = await makeProposal(t, author, group.id, {
    confidentiality: "WORKING_GROUP",
  });
  await moveProposal(t, proposal, "SUBMITTED", { author, manager: chair });
  return { group, author, reader, proposal };
}

let probes = 0;
/** Comments on the proposal through `t`; the mutation must succeed without waiting for Redis. */
async function comment(
  t: TestApp,
  proposal: string,
  author: Actor,
): Promise<void> {
  const started = Date.now();
  const response = await t.gql(
    ADD_COMMENT,
    { id: proposal, b: `probe ${(probes += 1)}` },
    author.token,
  );
  expect(response.errors).toBeUndefined();
  // Generous: what is bounded is that nothing on the request path waits for Redis (ioredis's retries
  // take seconds, a publish queued for a dead connection forever).
  expect(Date.now() - started).toBeLessThan(3000);
}

const changed = (proposal: string) => (e: any) =>
  e.proposalChanged.id === proposal;

describe("Redis unreachable at start-up: the API serves, with live updates in process (e2e)", () => {
  let outageLogs: string[];
  let warn: jest.SpyInstance;
  let closeService: (() => Promise<void>) | undefined;
  let t: TestApp | undefined;
  const clients: Client[] = [];

  beforeEach(() => {
    outageLogs = [];
    const original = ConsoleLogger.prototype.warn;
    warn = jest
      .spyOn(ConsoleLogger.prototype, "warn")
      .mockImplementation(function (
        this: ConsoleLogger,
        message: unknown,
        ...rest: unknown[]
      ) {
        if (typeof message === "string" && message.match(OUTAGE_LOG))
          outageLogs.push(message);
        else original.call(this, message, ...rest);
      });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await t?.close();
    await closeService?.();
    warn.mockRestore();
  });

  /** A TCP service on loopback that is not Redis: `answer` says what it does with what it receives. */
  async function notRedis(answer: "http" | "silent"): Promise<number> {
    const server: Server = createServer((socket) => {
      socket.on("error", () => undefined);
      if (answer === "http")
        socket.once("data", () =>
          socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"),
        );
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    const sockets = new Set<import("node:net").Socket>();
    server.on("connection", (s) => sockets.add(s));
    closeService = () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    return (server.address() as { port: number }).port;
  }

  it.each([
    ["a closed port", async () => freePort()],
    ["a service that answers like a web server", async () => notRedis("http")],
    [
      "a service that accepts and never answers",
      async () => notRedis("silent"),
    ],
  ])(
    "REDIS_URL pointing at %s",
    async (_what, port) => {
      t = await startTestApp({
        REDIS_URL: `redis://127.0.0.1:${await port()}`,
      });
      const { author, reader, proposal, group } = await proposalWithReader(t);
      const client = wsClient(t.url, reader.token);
      clients.push(client);
      const live: LiveSubscription = subscribe(client, PROPOSAL_CHANGED, {
        g: group.id,
      });
      await untilLive(
        live,
        () => comment(t!, proposal, author),
        changed(proposal),
      );
      const before = live.events.length;
      await comment(t, proposal, author);
      await live.waitFor((events) => events.length > before);
      expect(live.errors).toEqual([]);

      // Reported once, not per reconnect attempt (those come every 0.2–1 s here); a silent service is
      // reported after the grace period for becoming ready (5 s).
      const deadline = Date.now() + 10_000;
      while (outageLogs.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 2000));
      expect(outageLogs).toHaveLength(1);
    },
    60_000,
  );
});

describe("Redis lost while running, and back (two instances behind a TCP proxy, e2e)", () => {
  let database: TestDatabase;
  let proxy: TcpProxy | undefined;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let viaB: TestApp & { close(): Promise<void> };
  let viaA: TestApp;
  let usable = false;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    usable = (await reachable(REDIS_URL)) && database.url !== undefined;
    if (!usable) return;
    const target = new URL(REDIS_URL);
    proxy = await tcpProxy({
      host: target.hostname,
      port: Number(target.port || 6379),
    });
    buildDist();
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      RUN_WORKER: "false",
    };
    a = await startInstance("a", env);
    b = await startInstance("b", env);
    viaB = await deploymentView(database.url!, b);
    viaA = {
      ...viaB,
      gql: (query, variables, token) => gqlOn(a!, query, variables, token),
    } as TestApp;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await viaB?.close();
    // Redis back, so that the instances' shutdown does not wait for it.
    await proxy?.start().catch(() => undefined);
    const codes = await stopAll([a, b]);
    await proxy?.stop();
    await database?.drop();
    expect(codes.every((code) => code === 0)).toBe(true);
  }, 60_000);

  it("keeps serving HTTP and local subscriptions, reports the outage once, and fans out across instances again once Redis is back", async () => {
    if (!usable) {
      console.warn(
        `SKIPPED Redis outage test: ${database.url ? `Redis is not reachable at ${REDIS_URL}` : "no PostgreSQL server"}`,
      );
      return;
    }
    const { author, reader, proposal, group } = await proposalWithReader(viaB);
    const client = wsClient(a!.url, reader.token);
    clients.push(client);
    const live = subscribe(client, PROPOSAL_CHANGED, { g: group.id });
    // Through Redis: changed through B, received on A.
    await untilLive(
      live,
      () => comment(viaB, proposal, author),
      changed(proposal),
    );

    await proxy!.stop();
    // During the outage: HTTP on both, and A's subscriber gets what is changed through A.
    let count = live.events.length;
    await comment(viaA, proposal, author);
    await live.waitFor((events) => events.length > count);
    await comment(viaB, proposal, author);
    // Several reconnect attempts later: each instance reported it once and is still running.
    await new Promise((r) => setTimeout(r, 3000));
    for (const instance of [a!, b!]) {
      expect(instance.child.exitCode).toBeNull();
      expect(instance.output().match(OUTAGE_LOG)).toHaveLength(1);
      expect(instance.output()).not.toMatch(/MaxRetriesPerRequest|Unhandled/i);
    }
    count = live.events.length;
    await comment(viaA, proposal, author);
    await live.waitFor((events) => events.length > count);

    await proxy!.start();
    // Back: changes through B reach A's subscriber again (the reconnect backs off by 0.2 s an attempt).
    const since = live.events.length;
    await untilLive(
      {
        ...live,
        waitFor: (predicate, timeoutMs) =>
          live.waitFor((events) => predicate(events.slice(since)), timeoutMs),
      },
      () => comment(viaB, proposal, author),
      changed(proposal),
      20_000,
    );
    // A's own events arrive once (in process), not again through Redis: B's event, relayed after the
    // copy of A's that Redis would have relayed, closes the count.
    const from = live.events.length;
    await comment(viaA, proposal, author);
    await live.waitFor((events) => events.length > from);
    await comment(viaB, proposal, author);
    await live.waitFor((events) => events.length >= from + 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events.length - from).toBe(2);
    expect(live.errors).toEqual([]);
  }, 90_000);
});
