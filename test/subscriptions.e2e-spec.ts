import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'graphql-ws';
import { AuthService } from '@app/core';
import { Actor, makeGroup, makePerson, makeProposal, moveProposal, seat } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { closeCodeOf, openSocket, subscribe, untilLive, wsClient } from './support/ws-client';

const NOTIFICATION_ADDED = `subscription { notificationAdded { id category type title link createdAt readAt emailStatus } }`;
const PROPOSAL_CHANGED = `subscription ($group: ID) {
  proposalChanged(workingGroupId: $group) {
    id title state supportCount
    workingGroup { id }
    author { id }
    supporters { id }
  }
}`;
const SUBMIT_APPLICATION = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const ADD_COMMENT = `mutation ($id: ID!, $body: String!) { addComment(proposalId: $id, body: $body) { id } }`;

describe('Subscriptions over graphql-ws (e2e)', () => {
  let t: TestApp;
  const clients: Client[] = [];
  const connect = (token?: string | null) => {
    const client = wsClient(t.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  async function ok(query: string, variables: Record<string, unknown>, actor: Actor) {
    const response = await t.gql(query, variables, actor.token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  }

  describe('connection', () => {
    it('refuses a connection without a token, or with an unknown one (4403)', async () => {
      expect(await closeCodeOf(connect())).toBe(4403);
      expect(await closeCodeOf(connect('ecp_not-a-real-token'))).toBe(4403);
      expect(await closeCodeOf(connect('nonsense'))).toBe(4403);
    }, 60_000);

    it('serves only subscriptions: a query over the socket is refused', async () => {
      const person = await makePerson(t);
      const sub = subscribe(connect(person.token), `{ __typename }`);
      await sub.ended();
      expect(sub.events).toEqual([]);
      expect(sub.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    }, 60_000);
  });

  describe('limits (the same as over HTTP)', () => {
    let person: Actor;
    beforeAll(async () => {
      person = await makePerson(t);
    });

    it('rejects an over-deep subscription', async () => {
      const deep = `subscription { proposalChanged { workingGroup { proposals { edges { node { workingGroup { proposals { edges { node {
        workingGroup { proposals { edges { node { id } } } } } } } } } } } } } }`;
      const sub = subscribe(connect(person.token), deep);
      await sub.ended();
      expect(sub.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/levels deep/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    }, 60_000);

    it('rejects an over-costly subscription', async () => {
      // 100 proposals × 50 supporters × 50 memberships each × 20 chairs of each group: over 2,000,000.
      const costly = `subscription { proposalChanged { workingGroup { proposals(first: 100) { edges { node {
        supporters { memberships { workingGroup { chairs { name } } } } } } } } } }`;
      const sub = subscribe(connect(person.token), costly);
      await sub.ended();
      expect(sub.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/may cost \d+/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    }, 60_000);

    it('rejects too many aliases, and malformed arguments with BAD_USER_INPUT', async () => {
      const aliased = `subscription { proposalChanged { ${Array.from({ length: 51 }, (_, i) => `a${i}: id`).join(' ')} } }`;
      const many = subscribe(connect(person.token), aliased);
      await many.ended();
      expect(many.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/aliases/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);

      const malformed = subscribe(connect(person.token), `subscription { proposalChanged(workingGroupId: "not-an-id") { id } }`);
      await malformed.ended();
      expect(malformed.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'workingGroupId' }) })]);
    }, 60_000);
  });

  describe('notificationAdded', () => {
    it("delivers a person's own notifications, caused by someone else's mutation, and nobody else's", async () => {
      const [groupA, groupB] = [await makeGroup(t), await makeGroup(t)];
      const [chairA, chairB] = [await makePerson(t), await makePerson(t)];
      await seat(t, groupA.id, chairA, 'CHAIR');
      await seat(t, groupB.id, chairB, 'CHAIR');
      const apply = async (groupId: string) => {
        const applicant = await makePerson(t);
        await ok(SUBMIT_APPLICATION, { input: { workingGroupId: groupId, organizationId: applicant.organizationId, motivation: 'We bring data.' } }, applicant);
      };
      const subA = subscribe(connect(chairA.token), NOTIFICATION_ADDED);
      const subB = subscribe(connect(chairB.token), NOTIFICATION_ADDED);
      const isApplication = (e: any) => e.notificationAdded.type === 'application.submitted';
      await untilLive(subA, () => apply(groupA.id), isApplication);
      await untilLive(subB, () => apply(groupB.id), isApplication);

      // Now both are live: one more application to each group, A's first.
      const countA = subA.events.length;
      const countB = subB.events.length;
      await apply(groupA.id);
      await subA.waitFor((events) => events.length > countA);
      await apply(groupB.id);
      await subB.waitFor((events) => events.length > countB);

      const own = async (personId: string) =>
        new Set((await t.dataSource.query(`SELECT id FROM notifications WHERE person_id = $1`, [personId])).map((r: { id: string }) => r.id));
      const [ownA, ownB] = [await own(chairA.id), await own(chairB.id)];
      const received = (events: any[]) => events.map((e) => e.notificationAdded.id as string);
      expect(received(subA.events).every((id) => ownA.has(id))).toBe(true);
      expect(received(subB.events).every((id) => ownB.has(id))).toBe(true);
      expect(new Set(received(subA.events)).size).toBe(subA.events.length);
      expect(subA.errors).toEqual([]);

      // The payload is the feed entry itself, as myNotifications shows it.
      const last = subA.events[subA.events.length - 1].notificationAdded;
      expect(last).toEqual({
        id: expect.any(String),
        category: 'APPLICATIONS',
        type: 'application.submitted',
        title: expect.any(String),
        link: expect.any(String),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        readAt: null,
        emailStatus: expect.stringMatching(/^(PENDING|SENT|SUPPRESSED)$/),
      });
      const [row] = await t.dataSource.query(`SELECT title, link FROM notifications WHERE id = $1`, [last.id]);
      expect(last).toMatchObject({ title: row.title, link: row.link });
    }, 60_000);
  });

  describe('proposalChanged', () => {
    it('delivers changes to proposals the viewer may read, never to others, filtered by group, with nested fields', async () => {
      const [groupG, groupH] = [await makeGroup(t), await makeGroup(t)];
      const [author, manager, viewer, supporter] = [await makePerson(t), await makePerson(t), await makePerson(t), await makePerson(t)];
      for (const group of [groupG, groupH]) {
        await seat(t, group.id, author, 'MEMBER');
        await seat(t, group.id, manager, 'CHAIR');
        await seat(t, group.id, viewer, 'MEMBER');
      }
      await seat(t, groupG.id, supporter, 'MEMBER');
      const submitted = async (groupId: string, confidentiality: string) => {
        const id = await makeProposal(t, author, groupId, { confidentiality });
        await moveProposal(t, id, 'SUBMITTED', { author, manager });
        return id;
      };
      const readableG = await submitted(groupG.id, 'WORKING_GROUP');
      const readableH = await submitted(groupH.id, 'WORKING_GROUP');
      // PARTIES: the author's organisation and the group's managers, not a plain member.
      const secret = await submitted(groupG.id, 'PARTIES');
      const draft = await makeProposal(t, author, groupG.id, { confidentiality: 'PUBLIC' });

      const all = subscribe(connect(viewer.token), PROPOSAL_CHANGED);
      const onlyH = subscribe(connect(viewer.token), PROPOSAL_CHANGED, { group: groupH.id });
      let n = 0;
      const comment = (id: string) => ok(ADD_COMMENT, { id, body: `probe ${(n += 1)}` }, author).then(() => undefined);
      await untilLive(all, () => comment(readableG), (e: any) => e.proposalChanged.id === readableG);
      await untilLive(onlyH, () => comment(readableH), (e: any) => e.proposalChanged.id === readableH);
      // The probes on H reach \`all\` too, maybe later: one more probe on G, delivered in order after them,
      // marks the point where nothing of theirs is still on its way.
      const probed = all.events.length;
      await comment(readableG);
      await all.waitFor((events) => events.slice(probed).some((e: any) => e.proposalChanged.id === readableG));

      // Changes the viewer may not see, then (after them, in order) ones it may: once the last has
      // arrived, anything unfiltered before it would have arrived too.
      const before = { all: all.events.length, onlyH: onlyH.events.length };
      await comment(secret);
      await ok(`mutation ($id: ID!) { updateProposal(id: $id, expectedVersion: 1, input: { title: "Still a draft" }) { id } }`, { id: draft }, author);
      await ok(`mutation ($id: ID!) { supportProposal(id: $id) { id } }`, { id: readableG }, supporter);
      await comment(readableH);

      const since = (events: any[], from: number) => events.slice(from).map((e) => e.proposalChanged);
      await all.waitFor((events) => since(events, before.all).some((p) => p.id === readableH));
      await onlyH.waitFor((events) => events.length > before.onlyH);
      expect(since(all.events, before.all).map((p) => [p.id, p.supportCount])).toEqual([
        [readableG, 1],
        [readableH, 0],
      ]);

      const ids = (events: any[]) => events.map((e) => e.proposalChanged.id as string);
      expect(ids(all.events)).not.toContain(secret);
      expect(ids(all.events)).not.toContain(draft);
      expect(new Set(ids(onlyH.events))).toEqual(new Set([readableH]));
      expect(all.errors).toEqual([]);
      expect(onlyH.errors).toEqual([]);

      // Nested fields resolve through the normal resolvers, fresh for every event: the probe events
      // showed no supporter, the support event shows the supporting organisation.
      const forG = all.events.map((e: any) => e.proposalChanged).filter((p: any) => p.id === readableG);
      expect(forG[0]).toMatchObject({ state: 'SUBMITTED', supportCount: 0, supporters: [], workingGroup: { id: groupG.id }, author: { id: author.id } });
      expect(forG[forG.length - 1]).toMatchObject({ supportCount: 1, supporters: [{ id: supporter.organizationId }] });
    }, 60_000);

    it("shows a draft's changes to its organisation only, and to everyone it may concern once submitted", async () => {
      const group = await makeGroup(t);
      const [author, chair, outsider] = [await makePerson(t), await makePerson(t), await makePerson(t)];
      const colleague = await makePerson(t, { organizationId: author.organizationId });
      await seat(t, group.id, author, 'MEMBER');
      await seat(t, group.id, chair, 'CHAIR');
      await seat(t, group.id, outsider, 'MEMBER');
      const published = await makeProposal(t, author, group.id, { confidentiality: 'PUBLIC' });
      await moveProposal(t, published, 'SUBMITTED', { author, manager: chair });
      const draft = await makeProposal(t, author, group.id, { confidentiality: 'PUBLIC' });

      const mine = subscribe(connect(colleague.token), PROPOSAL_CHANGED, { group: group.id });
      const theirs = subscribe(connect(outsider.token), PROPOSAL_CHANGED, { group: group.id });
      let n = 0;
      const comment = () => ok(ADD_COMMENT, { id: published, body: `probe ${(n += 1)}` }, author).then(() => undefined);
      await untilLive(theirs, comment, (e: any) => e.proposalChanged.id === published);
      let version = 1;
      const edit = async () => {
        const data = await ok(`mutation ($id: ID!, $v: Int!, $s: String!) { updateProposal(id: $id, expectedVersion: $v, input: { summary: $s }) { version } }`, { id: draft, v: version, s: `Edited ${version}` }, author);
        version = data.updateProposal.version;
      };
      await untilLive(mine, edit, (e: any) => e.proposalChanged.id === draft && e.proposalChanged.state === 'DRAFT');

      await moveProposal(t, draft, 'SUBMITTED', { author, manager: chair });
      await theirs.waitFor((events) => events.some((e: any) => e.proposalChanged.id === draft));
      const seen = theirs.events.map((e: any) => e.proposalChanged).filter((p: any) => p.id === draft);
      expect(seen.map((p: any) => p.state)).toEqual(['SUBMITTED']);
    }, 60_000);
  });

  describe('revoked credentials', () => {
    const open = (token: string) => openSocket(connect(token));

    it("closes the sockets of a signed-out session at once (4403), and none of the person's others", async () => {
      const person = await makePerson(t);
      const session = (await t.app.get(AuthService).createSession(person.id)).token;
      const [sessionSocket, tokenSocket] = [await open(session), await open(person.token)];
      expect((await t.gql(`mutation { signOut }`, {}, session)).data).toEqual({ signOut: true });
      // At once: the recheck of open sockets would take AUTH_CACHE_SECONDS (10 s here).
      expect(await sessionSocket.closeCode(3000)).toBe(4403);
      expect(await tokenSocket.closeCode(300)).toBe(0);
    }, 60_000);

    it('closes the sockets of a revoked access token at once (4403)', async () => {
      const person = await makePerson(t);
      const [first, second] = [await open(person.token), await open(person.token)];
      const tokens = await ok(`{ myAccessTokens { id } }`, {}, person);
      await ok(`mutation ($id: ID!) { revokeAccessToken(id: $id) }`, { id: tokens.myAccessTokens[0].id }, person);
      expect(await first.closeCode(3000)).toBe(4403);
      expect(await second.closeCode(3000)).toBe(4403);
    }, 60_000);

    it("closes every socket of a person whose credentials are invalidated as a whole (what erasure calls), nobody else's", async () => {
      const [person, other] = [await makePerson(t), await makePerson(t)];
      const session = (await t.app.get(AuthService).createSession(person.id)).token;
      const sockets = [await open(person.token), await open(session)];
      const othersSocket = await open(other.token);
      await t.dataSource.query(`DELETE FROM sessions WHERE person_id = $1`, [person.id]);
      await t.dataSource.query(`DELETE FROM access_tokens WHERE person_id = $1`, [person.id]);
      t.app.get(AuthService).credentialsRevoked(person.id);
      for (const socket of sockets) expect(await socket.closeCode(3000)).toBe(4403);
      expect(await othersSocket.closeCode(300)).toBe(0);
      expect(await closeCodeOf(connect(session))).toBe(4403);
    }, 60_000);

    it('closes a socket whose credential was revoked without an announcement (in SQL) at the next recheck', async () => {
      const person = await makePerson(t);
      const socket = await open(person.token);
      await t.dataSource.query(`UPDATE access_tokens SET revoked_at = now() WHERE person_id = $1`, [person.id]);
      // Rechecked every AUTH_CACHE_SECONDS (10 s by default).
      expect(await socket.closeCode(15_000)).toBe(4403);
    }, 60_000);
  });

  describe("the README's WebSocket client", () => {
    let dir: string;
    beforeAll(() => {
      // The snippet as printed under "Live updates and workers", pointed at this server. Written next to
      // a link to this repository's node_modules, as if saved in the repository's folder.
      const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Live updates and workers'));
      const snippet = /```js\n([\s\S]*?)```/.exec(section)![1];
      expect(snippet).toContain("url: 'ws://localhost:3000/graphql'");
      dir = mkdtempSync(join(tmpdir(), 'ecava-readme-'));
      symlinkSync(join(__dirname, '..', 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, 'live.mjs'), snippet.replace('ws://localhost:3000/graphql', `${t.url.replace(/^http/, 'ws')}/graphql`));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (token: string) => {
      const child = spawn(process.execPath, [join(dir, 'live.mjs')], { env: { ...process.env, TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk) => (output.stdout += chunk));
      child.stderr.on('data', (chunk) => (output.stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, output, exited };
    };

    it('receives the notifications of a valid token on Node 20 as written', async () => {
      const group = await makeGroup(t);
      const chair = await makePerson(t);
      await seat(t, group.id, chair, 'CHAIR');
      const script = run(chair.token);
      try {
        const deadline = Date.now() + 20_000;
        while (!script.output.stdout.includes('notificationAdded') && Date.now() < deadline && script.child.exitCode === null) {
          const applicant = await makePerson(t);
          await ok(SUBMIT_APPLICATION, { input: { workingGroupId: group.id, organizationId: applicant.organizationId, motivation: 'Data.' } }, applicant);
          await new Promise((r) => setTimeout(r, 500));
        }
        const line = script.output.stdout.split('\n').find((l) => l.includes('notificationAdded'));
        expect(line && JSON.parse(line)).toEqual({ data: { notificationAdded: { id: expect.any(String), title: expect.any(String), link: expect.any(String) } } });
        expect(script.output.stderr).toBe('');
      } finally {
        script.child.kill();
      }
    }, 60_000);

    it('exits with an error naming 4403 within seconds when the token is not valid', async () => {
      const script = run('ecp_not-a-real-token');
      const code = await Promise.race([script.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000).unref())]);
      script.child.kill();
      expect(code).toBe(1);
      expect(script.output.stderr).toMatch(/4403/);
    }, 30_000);
  });
});
