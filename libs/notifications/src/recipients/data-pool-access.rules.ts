import { EntityManager } from 'typeorm';
import { querySql, sql } from '@app/core';
import { translate } from '../i18n/translate';
import { dataPoolFacts, noteLine, plan, poolReaders } from './data-pool.rules';
import { formatDay } from './meeting.rules';
import { RecipientRule } from './recipient-rules';

interface AccessRequestFacts {
  id: string;
  poolId: string;
  organizationId: string;
  organizationName: string;
  requestedById: string;
  requesterName: string;
  purpose: string;
  justification: string;
  state: string;
  note: string | null;
  expiresAt: Date | null;
}

async function accessRequestFacts(em: EntityManager, requestId: unknown): Promise<AccessRequestFacts | undefined> {
  if (typeof requestId !== 'string') return undefined;
  const [row] = await querySql<AccessRequestFacts>(
    em,
    sql`SELECT r.id, r.pool_id AS "poolId", r.organization_id AS "organizationId", o.name AS "organizationName",
               r.requested_by_id AS "requestedById", rp.name AS "requesterName", r.purpose, r.justification, r.state, r.note,
               r.expires_at AS "expiresAt"
        FROM data_access_requests r JOIN organizations o ON o.id = r.organization_id JOIN people rp ON rp.id = r.requested_by_id
        WHERE r.id = ${requestId}::uuid`,
  );
  return row;
}

function requestData(request: AccessRequestFacts): Record<string, unknown> {
  return {
    accessRequestId: request.id,
    organizationId: request.organizationId,
    organizationName: request.organizationName,
    purposeCode: request.purpose,
  };
}

/** Access requested: the steward's people, who decide. Not once it has been decided already. */
export const dataAccessRequested: RecipientRule = async (event, em) => {
  const request = await accessRequestFacts(em, event.subjectId);
  const pool = request && (await dataPoolFacts(em, request.poolId));
  if (!request || !pool || request.state !== 'REQUESTED') return [];
  const people = await poolReaders(em, pool.id, {
    organizationIds: [pool.stewardOrganizationId],
  });
  return plan(
    'data_pool.access_requested',
    pool,
    people,
    {
      ...requestData(request),
      requesterName: request.requesterName,
      justification: request.justification,
    },
    (p) => ({
      purpose: translate(p.locale, `usagePurpose.${request.purpose}`),
    }),
  );
};

const DECISION_TYPES: Record<string, string> = {
  APPROVED: 'data_pool.access_approved',
  REJECTED: 'data_pool.access_rejected',
  REVOKED: 'data_pool.access_revoked',
};

/** Approved, rejected, revoked: the person who asked, while they may still read the pool. */
export const dataAccessDecided: RecipientRule = async (event, em) => {
  const type = typeof event.toState === 'string' ? DECISION_TYPES[event.toState] : undefined;
  if (!type) return [];
  const request = await accessRequestFacts(em, event.subjectId);
  const pool = request && (await dataPoolFacts(em, request.poolId));
  if (!request || !pool) return [];
  const people = await poolReaders(em, pool.id, {
    personIds: [request.requestedById],
  });
  // The decision as it was made (the event's), not as it may stand by now (a later revocation has its own).
  const note = event.note;
  const expiresAt = event.toState === 'APPROVED' ? request.expiresAt : null;
  return plan(type, pool, people, { ...requestData(request), state: event.toState }, (p) => ({
    purpose: translate(p.locale, `usagePurpose.${request.purpose}`),
    note: noteLine(p.locale, note),
    until: expiresAt
      ? translate(p.locale, 'dataPool.until', {
          date: formatDay(expiresAt, p.timezone, p.locale),
        })
      : '',
  }));
};

/**
 * An approval reached its own `expiresAt` (the platform marked it EXPIRED): the person who asked. Not when the
 * pool itself ended — its signatories hear that, and every approval ends with it.
 */
export const dataAccessExpired: RecipientRule = async (event, em) => {
  const request = await accessRequestFacts(em, event.subjectId);
  const pool = request && (await dataPoolFacts(em, request.poolId));
  if (!request || !pool || !request.expiresAt || pool.state === 'EXPIRED' || pool.state === 'CLOSED') return [];
  const expiresAt = request.expiresAt;
  const people = await poolReaders(em, pool.id, { personIds: [request.requestedById] });
  return plan('data_pool.access_expired', pool, people, { ...requestData(request), state: 'EXPIRED' }, (p) => ({
    purpose: translate(p.locale, `usagePurpose.${request.purpose}`),
    expiredOn: formatDay(expiresAt, p.timezone, p.locale),
  }));
};

export const DATA_ACCESS_RULES: Record<string, RecipientRule> = {
  DATA_POOL_ACCESS_REQUESTED: dataAccessRequested,
  DATA_POOL_ACCESS_DECIDED: dataAccessDecided,
  DATA_POOL_ACCESS_EXPIRED: dataAccessExpired,
};
