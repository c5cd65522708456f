import { Client } from 'graphql-ws';
import { AuthService } from '@app/core';
import { createTestDatabase, TestDatabase } from './support/database';
import { makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { buildDist, deploymentView, gqlOn, Instance, reachable, REDIS_URL, startInstance, stopAll } from './support/instances';
import { TestApp } from './support/test-app';
import { openSocket, subscribe, untilLive, wsClient } from './support/ws-client';

describe('Two API instances on one database and Redis (e2e)', () => {
  let redisUp = false;
  let database: TestDatabase;
  let a: Instance | undefined;
  let b: Instance | undefined;
  /** Factories' view of the deployment: set-up through the services, GraphQL through instance B. */
  let viaB: TestApp & { close(): Promise<void> };
  const clients: Client[] = [];

  beforeAll(async () => {
    redisUp = await reachable(REDIS_URL);
    database = await createTestDatabase();
    if (!redisUp || !database.url) return;
    buildDist();
    // A first: it applies the migrations to the fresh database. A serves subscriptions only and
    // leaves the queues to B (RUN_WORKER=false), as API instances next to workers do. A long auth cache
    // (and so a long recheck of open sockets) on both: what a revocation changes on A within seconds
    // came through the broadcast.
    a = await startInstance('a', { DATABASE_URL: database.url, REDIS_URL, RUN_WORKER: 'false', AUTH_CACHE_SECONDS: '120' });
    b = await startInstance('b', { DATABASE_URL: database.url, REDIS_URL, RUN_WORKER: 'true', AUTH_CACHE_SECONDS: '120' });
    viaB = await deploymentView(database.url, b);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await viaB?.close();
    const codes = await stopAll([a, b]);
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

  it('revoking a token or signing out through B closes the sockets opened with it on A at once (4403), and A stops accepting it', async () => {
    if (skipped()) return;
    const person = await makePerson(viaB);
    const auth = viaB.app.get(AuthService);
    const kept = (await auth.createAccessToken(person.id, 'kept')).secret;
    const session = (await auth.createSession(person.id)).token;
    const onA = (query: string, token: string) => gqlOn(a!, query, {}, token);
    // A has resolved (and cached, for 120 s) the token, and has sockets open with each credential.
    expect((await onA('{ me { id } }', person.token)).data?.me?.id).toBe(person.id);
    const connect = (token: string) => {
      const client = wsClient(a!.url, token);
      clients.push(client);
      return openSocket(client);
    };
    const [revokedSocket, keptSocket, sessionSocket] = [await connect(person.token), await connect(kept), await connect(session)];

    const tokens = await viaB.gql(`{ myAccessTokens { id name } }`, {}, kept);
    const revokedId = tokens.data.myAccessTokens.find((t: { name: string }) => t.name === 'test').id;
    expect((await viaB.gql(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: revokedId }, kept)).data).toEqual({ revokeAccessToken: true });
    // Open sockets are otherwise rechecked only every 120 s here: this is the broadcast.
    expect(await revokedSocket.closeCode(5000)).toBe(4403);
    expect((await onA('{ me { id } }', person.token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    expect((await viaB.gql(`mutation { signOut }`, {}, session)).data).toEqual({ signOut: true });
    expect(await sessionSocket.closeCode(5000)).toBe(4403);
    // The person's other token is untouched.
    expect(await keptSocket.closeCode(500)).toBe(0);
    expect((await onA('{ me { id } }', kept)).data?.me?.id).toBe(person.id);
  }, 60_000);
});
