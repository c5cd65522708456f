import { seed } from '../apps/cli/src/commands/seed.command';
import { SEED_PROPOSAL } from '../apps/cli/src/commands/seed-proposals';
import { ok, startTestApp, TestApp, tokenFor } from './support/test-app';

const PROPOSALS = `{ proposals(first: 10) { totalCount edges { node { id title state kind leadConsent leadOrganization { shortName }
  partners { consent organization { shortName } } supporters { shortName } supportCount viewerHasSupported
  comments(first: 10) { totalCount edges { node { body author { organization { shortName } } } } }
  history { type toState } viewerCan { support comment edit withdraw } } } } }`;

/** `npm run seed`'s proposal, read back through the API by the people it concerns and one it does not. */
describe('Seeded proposal (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seed(t.app)).toMatchObject({ proposals: 1 });
    expect(await seed(t.app)).toMatchObject({ proposals: 0 });
  });
  afterAll(() => t.close());

  const tokenOf = async (shortName: string) => {
    const [row] = await t.dataSource.query(`SELECT p.id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE o.short_name = $1 ORDER BY p.created_at LIMIT 1`, [shortName]);
    return tokenFor(t, row.id);
  };

  it('is SUBMITTED by HammerHAI with HLRS consenting, supporting and commenting, and its trail', async () => {
    const [proposal] = ok(await t.gql(PROPOSALS, {}, await tokenOf('HLRS'))).proposals.edges.map((e: { node: unknown }) => e.node);
    expect(proposal).toMatchObject({
      title: SEED_PROPOSAL.title,
      state: 'SUBMITTED',
      kind: 'FOUNDATION_MODEL',
      leadOrganization: { shortName: 'HammerHAI' },
      partners: [{ consent: 'CONSENTED', organization: { shortName: 'HLRS' } }],
      supporters: [{ shortName: 'HLRS' }],
      supportCount: 1,
      viewerHasSupported: true,
      comments: { totalCount: 1, edges: [{ node: { body: SEED_PROPOSAL.comment.body, author: { organization: { shortName: 'HLRS' } } } }] },
      viewerCan: { support: false, comment: true, edit: false },
    });
    expect(proposal.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['CREATED', 'PARTNER_INVITED', 'PARTNER_RESPONDED', 'STATE_CHANGED', 'SUPPORTED', 'COMMENTED']));
  });

  it('lets its author withdraw it, and keeps it from organisations outside the group', async () => {
    const [mine] = ok(await t.gql(PROPOSALS, {}, await tokenOf('HammerHAI'))).proposals.edges.map((e: { node: unknown }) => e.node);
    expect(mine.viewerCan).toMatchObject({ edit: true, withdraw: true, support: false });
    const outside = ok(await t.gql(PROPOSALS, {}, await tokenOf('SilAlp'))).proposals;
    expect(outside.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain(SEED_PROPOSAL.title);
  });
});
