import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REDIS_URL, reachable } from './support/instances';
import { insertAgenda, insertMeeting, makeGroup, makePerson, makeProposal, seat } from './support/factories';
import { startSmtpSink } from './support/smtp-sink';
import { ok, startTestApp } from './support/test-app';
import { subscribe, untilLive, wsClient } from './support/ws-client';

const EXPORT = `mutation ($id: ID!, $format: ExportFormat!) { exportMeetingBrief(meetingId: $id, format: $format) { id } }`;
const PROPOSAL_CHANGED = `subscription ($g: ID) { proposalChanged(workingGroupId: $g) { id } }`;
const ADD_COMMENT = `mutation ($id: ID!, $b: String!) { addComment(proposalId: $id, body: $b) { id } }`;
const SIGN_IN = `mutation ($email: String!) { requestSignInLink(email: $email) }`;

/**
 * What keeps a Node process alive (sockets, servers, threads, child processes, timers that are not
 * unref'd), counted by kind. Jest runs the e2e files in one process on a small machine, and a handle an
 * application leaves behind keeps it from exiting.
 */
function aliveByKind(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The kinds of which more are alive now than in `baseline`, with how many more. */
function beyond(baseline: Map<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of aliveByKind()) {
    if (count > (baseline.get(kind) ?? 0)) extra[kind] = count - (baseline.get(kind) ?? 0);
  }
  return extra;
}

describe('Application shutdown (e2e)', () => {
  it('leaves nothing that keeps the process alive once closed: connections, database pool, Redis, queue workers, timers', async () => {
    // The render threads load the compiled worker from dist/.
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.js'), '--if-stale']);
    const smtp = await startSmtpSink();
    const withRedis = await reachable(REDIS_URL);
    const baseline = aliveByKind();

    const t = await startTestApp({
      RUN_WORKER: 'true',
      SMTP_URL: smtp.url,
      ...(withRedis ? { REDIS_URL } : {}),
    });
    try {
      const admin = await makePerson(t, { admin: true });
      // An export, rendered on a worker thread.
      const meeting = await insertMeeting(t, admin, null, { title: 'Shutdown check', startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T10:00:00Z' });
      await insertAgenda(t, meeting, [{ title: 'Opening', durationMinutes: 10 }]);
      ok(await t.gql(EXPORT, { id: meeting, format: 'PDF' }, admin.token));
      // A live subscription (its socket, the recheck of its credential) and the events of a mutation. The
      // client stays connected: closing the application must close its socket.
      const group = await makeGroup(t);
      const author = await makePerson(t);
      await seat(t, group.id, author, 'MEMBER');
      const proposal = await makeProposal(t, author, group.id, { confidentiality: 'PUBLIC' });
      const client = wsClient(t.url, admin.token);
      const live = subscribe(client, PROPOSAL_CHANGED, { g: group.id });
      await untilLive(
        live,
        async () => void ok(await t.gql(ADD_COMMENT, { id: proposal, b: 'still there?' }, author.token)),
        (e: any) => e.proposalChanged.id === proposal,
      );
      // An email through the worker and SMTP.
      ok(await t.gql(SIGN_IN, { email: author.email }));
      await smtp.waitFor((messages) => messages.length > 0);
    } finally {
      await t.close();
      await smtp.close();
    }

    // Sockets and threads end a little after close() resolves; give them a moment, then compare.
    const deadline = Date.now() + 5000;
    while (Object.keys(beyond(baseline)).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(beyond(baseline)).toEqual({});
  }, 60_000);
});
