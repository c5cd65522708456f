import { EntityManager } from 'typeorm';
import { querySql, rawSql, sql } from '@app/core';
import { dataPoolReadableBy, personReader } from '@app/data-pools';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';
import { formatDay } from './meeting.rules';
import { PlannedNotification, RecipientRule } from './recipient-rules';
import { RECIPIENT_COLUMNS, RecipientPerson } from './recipient-viewer';

/** What every data-pool notification says about its pool. */
export interface DataPoolFacts {
  id: string;
  title: string;
  state: string;
  workingGroupId: string;
  groupName: string;
  stewardOrganizationId: string;
  stewardName: string;
  termsVersion: number;
  termsDigest: string;
  validUntil: Date | null;
}

export async function dataPoolFacts(em: EntityManager, poolId: unknown): Promise<DataPoolFacts | undefined> {
  const [row] = await querySql<DataPoolFacts>(
    em,
    sql`SELECT dp.id, dp.title, dp.state, dp.working_group_id AS "workingGroupId", g.name AS "groupName",
               dp.steward_organization_id AS "stewardOrganizationId", s.name AS "stewardName",
               dp.terms_version AS "termsVersion", dp.terms_digest AS "termsDigest", dp.valid_until AS "validUntil"
        FROM data_pools dp JOIN working_groups g ON g.id = dp.working_group_id JOIN organizations s ON s.id = dp.steward_organization_id
        WHERE dp.id = ${String(poolId)}::uuid`,
  );
  return row;
}

/** The columns every data-pool notification carries (the digest groups by `groupName`). */
function poolData(pool: DataPoolFacts): Record<string, unknown> {
  return {
    poolId: pool.id,
    poolTitle: pool.title,
    workingGroupId: pool.workingGroupId,
    groupName: pool.groupName,
    stewardName: pool.stewardName,
    termsVersion: pool.termsVersion,
    termsDigest: pool.termsDigest,
  };
}

const link = (pool: DataPoolFacts) => `/data-pools/${pool.id}`;

/** A SQL condition: the person `p` may read the pool `dp`, by the pools' own read rule (the one every query uses). */
const readsPool = dataPoolReadableBy(personReader(rawSql('p.id'), rawSql('p.organization_id'), rawSql(`p.role = 'ADMIN'`)), 'dp');

/**
 * People who may read the pool now (`dataPoolReadableBy`, with each of them as the reader), chosen by
 * `who`: the people of the organisations named, of its signatories that have not withdrawn, or by id.
 * One statement: the read rule is a condition over `p` and `dp`, so it judges every candidate at once.
 */
export function poolReaders(
  em: EntityManager,
  poolId: string,
  who: { organizationIds: string[] } | { signatories: true } | { personIds: string[] },
): Promise<RecipientPerson[]> {
  const candidates =
    'organizationIds' in who
      ? sql`p.organization_id = ANY(${who.organizationIds}::uuid[])`
      : 'personIds' in who
        ? sql`p.id = ANY(${who.personIds}::uuid[])`
        : sql`EXISTS (SELECT 1 FROM data_pool_signatories ns WHERE ns.pool_id = dp.id AND ns.organization_id = p.organization_id AND ns.state <> 'WITHDRAWN')`;
  return querySql<RecipientPerson>(
    em,
    sql`SELECT ${rawSql(RECIPIENT_COLUMNS)} FROM data_pools dp JOIN people p ON ${candidates}
        WHERE dp.id = ${poolId}::uuid AND ${readsPool}`,
  );
}

/** Per recipient: the values that differ by person (their language, their time zone). */
export function perRecipient(people: RecipientPerson[], values: (person: RecipientPerson) => Record<string, unknown>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(people.map((p) => [p.id, values(p)]));
}

/** The note given with a change, as a line in the recipient's language, or nothing. */
export const noteLine = (locale: string, note: unknown) => (typeof note === 'string' && note.trim() !== '' ? translate(locale, 'common.note', { note }) : '');

/** One DATA_POOLS notification of `type` about `pool` for `people` (none when nobody is left), linked to the pool. */
export function plan(
  type: string,
  pool: DataPoolFacts,
  people: RecipientPerson[],
  data: Record<string, unknown>,
  each?: (p: RecipientPerson) => Record<string, unknown>,
): PlannedNotification[] {
  if (people.length === 0) return [];
  return [
    {
      category: NotificationCategory.DATA_POOLS,
      type,
      recipientIds: people.map((p) => p.id),
      link: link(pool),
      data: { ...poolData(pool), ...data },
      perRecipient: each ? perRecipient(people, each) : undefined,
    },
  ];
}

/**
 * Invited: the invited organisation's people — they sign or withdraw for it. A new contributor or host sends an
 * ACTIVE pool back to OPEN_FOR_SIGNATURE (the event names the move): the other parties' people hear that it
 * takes no access requests until the newcomer signed, as a second plan of the event.
 */
export const dataPoolInvited: RecipientRule = async (event, em) => {
  const pool = await dataPoolFacts(em, event.poolId);
  if (!pool || typeof event.organizationId !== 'string') return [];
  const [organization] = await querySql<{ name: string; role: string }>(
    em,
    sql`SELECT o.name, s.role FROM data_pool_signatories s JOIN organizations o ON o.id = s.organization_id
        WHERE s.pool_id = ${pool.id}::uuid AND s.organization_id = ${event.organizationId}::uuid AND s.state <> 'WITHDRAWN'`,
  );
  // Withdrawn (or gone) before this was expanded: there is nothing left to ask of them.
  if (!organization) return [];
  const people = await poolReaders(em, pool.id, {
    organizationIds: [event.organizationId],
  });
  const data = { organizationId: event.organizationId, organizationName: organization.name, roleCode: organization.role };
  const role = (p: RecipientPerson) => translate(p.locale, `dataPoolRole.${organization.role}`);
  const invited = plan('data_pool.invited', pool, people, data, (p) => ({
    role: role(p),
    // A draft's terms cannot be signed yet: they hear again when it opens (`data_pool.opened`).
    nextStep: translate(p.locale, pool.state === 'DRAFT' ? 'dataPool.signLater' : 'dataPool.signNow', { termsVersion: pool.termsVersion }),
  }));
  if (event.fromState !== 'ACTIVE' || event.toState !== 'OPEN_FOR_SIGNATURE') return invited;
  const others = (await poolReaders(em, pool.id, { signatories: true })).filter((p) => p.organizationId !== event.organizationId);
  const reopened = plan('data_pool.reopened', pool, others, data, (p) => ({ role: role(p) }));
  return [...invited, ...reopened.map((notice) => ({ ...notice, key: 'reopened' }))];
};

/**
 * New terms: every signatory that has not withdrawn signs again, so all their people hear it. Only when the
 * event names the version still current: two quick changes ask once, for the last version.
 */
export const dataPoolTermsChanged: RecipientRule = async (event, em) => {
  const pool = await dataPoolFacts(em, event.poolId);
  if (!pool || pool.termsVersion !== event.termsVersion) return [];
  return plan('data_pool.terms_changed', pool, await poolReaders(em, pool.id, { signatories: true }), {});
};

const STATE_TYPES: Record<string, string> = {
  OPEN_FOR_SIGNATURE: 'data_pool.opened',
  ACTIVE: 'data_pool.activated',
  SUSPENDED: 'data_pool.suspended',
  CLOSED: 'data_pool.closed',
  EXPIRED: 'data_pool.expired',
};

/** Open for signature (out of DRAFT), active, suspended, closed, expired: the signatories that have not withdrawn. */
export const dataPoolStateChanged: RecipientRule = async (event, em) => {
  const type = typeof event.toState === 'string' ? STATE_TYPES[event.toState] : undefined;
  if (!type) return [];
  const pool = await dataPoolFacts(em, event.poolId);
  if (!pool) return [];
  const people = await poolReaders(em, pool.id, { signatories: true });
  return plan(type, pool, people, { fromState: event.fromState, state: event.toState }, (p) => ({
    note: noteLine(p.locale, event.note),
    validUntil: pool.validUntil ? formatDay(pool.validUntil, p.timezone, p.locale) : '',
  }));
};

export const DATA_POOL_RULES: Record<string, RecipientRule> = {
  DATA_POOL_INVITED: dataPoolInvited,
  DATA_POOL_TERMS_CHANGED: dataPoolTermsChanged,
  DATA_POOL_STATE_CHANGED: dataPoolStateChanged,
};
