import { EntityManager } from 'typeorm';
import { newId, querySql, sql } from '@app/core';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seeded proposal: HammerHAI's foundation-model training offer in the AI group, HLRS its consenting partner. */
export const SEED_PROPOSAL = {
  group: 'ai-model-development-and-data',
  title: 'Shared foundation-model training on HLRS and HammerHAI compute',
  summary: 'Pool GPU and HPC hours of the two AI factories for a driving foundation model the members train together.',
  body:
    'HammerHAI and HLRS offer a joint allocation of GPU and HPC compute for 2027 so that the members of the group can ' +
    'train and evaluate a shared foundation model for automated driving on pooled, signed-for data.\n\n' +
    'Scope: data preparation on the corner-case pool, pre-training on HammerHAI GPUs, large-scale evaluation and ' +
    'simulation on HLRS systems, and a benchmark that every member can run against its own models.',
  kind: 'FOUNDATION_MODEL',
  author: 'HammerHAI',
  partner: { organization: 'HLRS', role: 'Compute provider and evaluation' },
  comment: { by: 'HLRS', body: 'HLRS can reserve 200,000 node hours on Hunter for the evaluation phase; details at the plenary.' },
  /** Submitted this many days before the seed ran. */
  submittedDaysAgo: 3,
} as const;

/**
 * One SUBMITTED proposal of the AI group with its trail (created, partner invited and consented, submitted),
 * HLRS's support and comment, so a newcomer finds a proposal to read, support and discuss. Idempotent: a
 * proposal of that title in the group is left alone.
 */
export async function seedProposals(em: EntityManager, groupIds: ReadonlyMap<string, string>): Promise<{ proposals: number }> {
  const p = SEED_PROPOSAL;
  const groupId = groupIds.get(p.group)!;
  const people = await querySql<{ shortName: string; organizationId: string; personId: string }>(
    em,
    sql`SELECT DISTINCT ON (o.short_name) o.short_name AS "shortName", o.id AS "organizationId", p.id AS "personId"
        FROM organizations o JOIN people p ON p.organization_id = o.id ORDER BY o.short_name, p.created_at, p.id`,
  );
  const of = (shortName: string) => {
    const found = people.find((row) => row.shortName === shortName);
    if (!found) throw new Error(`seed: no organisation ${shortName}`);
    return found;
  };
  const author = of(p.author);
  const partner = of(p.partner.organization);
  const commenter = of(p.comment.by);
  const submittedAt = new Date(Date.now() - p.submittedDaysAgo * DAY_MS);
  const createdAt = new Date(submittedAt.getTime() - 2 * DAY_MS);
  const id = newId();
  const inserted = await querySql(
    em,
    sql`INSERT INTO cooperation_proposals (id, working_group_id, title, summary, body, kind, state, confidentiality, lead_organization_id,
          author_id, author_organization_id, support_count, submitted_at, created_at, updated_at, version)
        SELECT ${id}, ${groupId}, ${p.title}, ${p.summary}, ${p.body}, ${p.kind}, 'SUBMITTED', 'WORKING_GROUP', ${author.organizationId},
               ${author.personId}, ${author.organizationId}, 1, ${submittedAt}, ${createdAt}, ${submittedAt}, 2
        WHERE NOT EXISTS (SELECT 1 FROM cooperation_proposals WHERE working_group_id = ${groupId}::uuid AND title = ${p.title})
        RETURNING id`,
  );
  if (inserted.length === 0) return { proposals: 0 };
  await querySql(
    em,
    sql`INSERT INTO proposal_partners (proposal_id, organization_id, role, consent, invited_by_id, responded_at)
        VALUES (${id}, ${partner.organizationId}, ${p.partner.role}, 'CONSENTED', ${author.personId}, ${createdAt})`,
  );
  await querySql(em, sql`INSERT INTO proposal_supports (proposal_id, organization_id, supported_by_id) VALUES (${id}, ${partner.organizationId}, ${partner.personId})`);
  await querySql(
    em,
    sql`INSERT INTO proposal_comments (id, proposal_id, author_id, body, created_at) VALUES (${newId()}, ${id}, ${commenter.personId}, ${p.comment.body}, ${submittedAt})`,
  );
  const trail: [string, string, string | null, string | null, Date][] = [
    ['CREATED', author.personId, null, 'DRAFT', createdAt],
    ['PARTNER_INVITED', author.personId, null, null, createdAt],
    ['PARTNER_RESPONDED', partner.personId, null, null, createdAt],
    ['STATE_CHANGED', author.personId, 'DRAFT', 'SUBMITTED', submittedAt],
    ['SUPPORTED', partner.personId, null, null, submittedAt],
    ['COMMENTED', commenter.personId, null, null, submittedAt],
  ];
  for (const [type, actor, from, to, at] of trail) {
    await querySql(em, sql`INSERT INTO proposal_events (id, proposal_id, actor_id, type, from_state, to_state, at) VALUES (${newId()}, ${id}, ${actor}, ${type}, ${from}, ${to}, ${at})`);
  }
  return { proposals: 1 };
}
