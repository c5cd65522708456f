import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Connection, fetchCount, fetchPage, ForbiddenError, InvalidInputError, lazyConnection, newId, PageArgs, querySql, sql, Viewer } from '@app/core';
import { canReadProposal, Confidentiality, ProposalKind } from '@app/proposals';
import { DataPoolRoles } from '../data-pool-roles';
import { DataPoolRole, DataPoolState, SignatureState } from '../data-pools.enums';
import { CreateDataPoolInput } from '../dto/data-pool.input';
import { DataPoolHistory } from '../history/data-pool-history';
import { DataPoolSignatoryEntity } from '../signatories/signatory.entity';
import { checkTerms, checkValidity } from '../terms/terms-rules';
import { normalizeTerms, termsDigest } from '../terms/usage-terms';
import { DataPoolEntity } from './data-pool.entity';
import { dataPoolListQuery } from './data-pool-list.query';
import { readPool } from './pool-store';

const POOL_CONFIDENTIALITIES: readonly Confidentiality[] = [Confidentiality.WORKING_GROUP, Confidentiality.PARTIES];

/** Creating and reading pools. A refused change writes nothing: checks come first, writes in one transaction. */
@Injectable()
export class DataPoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: DataPoolHistory,
    private readonly roles: DataPoolRoles,
  ) {}

  /**
   * A non-observer participant of the group (admins: anyone) creates a DRAFT pool for their organisation, the
   * STEWARD, whose signature starts PENDING like everyone's. From a DATA_POOLING proposal, the proposal's
   * author and lead organisations and its consenting partners are invited as CONTRIBUTOR.
   */
  create(viewer: Viewer, input: CreateDataPoolInput): Promise<DataPoolEntity> {
    const now = new Date();
    const confidentiality = input.confidentiality ?? Confidentiality.PARTIES;
    if (!POOL_CONFIDENTIALITIES.includes(confidentiality)) {
      throw new InvalidInputError('confidentiality', 'A pool is WORKING_GROUP or PARTIES', 'CONFIDENTIALITY_NOT_ALLOWED');
    }
    const stewardOrganizationId = input.stewardOrganizationId ?? viewer.organizationId;
    if (stewardOrganizationId !== viewer.organizationId && viewer.role !== 'ADMIN') {
      throw new ForbiddenError("Only admins name a steward other than the creator's organisation", 'NOT_OWN_ORGANIZATION');
    }
    const terms = normalizeTerms(input.terms);
    checkTerms(terms);
    checkValidity(input.validFrom ?? null, input.validUntil ?? null, now);
    const pool: DataPoolEntity = {
      id: newId(),
      workingGroupId: input.workingGroupId,
      proposalId: input.proposalId ?? null,
      title: input.title,
      purpose: input.purpose,
      stewardOrganizationId,
      state: DataPoolState.DRAFT,
      confidentiality,
      terms,
      termsVersion: 1,
      termsDigest: termsDigest(terms),
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      createdById: viewer.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return this.dataSource.transaction(async (em) => {
      const contributors = await this.checkReferences(em, viewer, pool);
      await this.roles.assertCanCreate(viewer, pool.workingGroupId, em);
      await em.getRepository(DataPoolEntity).insert(pool);
      const invited = [{ organizationId: stewardOrganizationId, role: DataPoolRole.STEWARD }, ...contributors.map((organizationId) => ({ organizationId, role: DataPoolRole.CONTRIBUTOR }))];
      await em.getRepository(DataPoolSignatoryEntity).insert(
        invited.map(({ organizationId, role }) => ({ poolId: pool.id, organizationId, role, state: SignatureState.PENDING, invitedById: viewer.id, invitedAt: now })),
      );
      await this.history.record(em, { pool, actorId: viewer.id, type: 'CREATED', organizationId: stewardOrganizationId, toState: pool.state });
      for (const { organizationId, role } of invited.slice(1)) {
        await this.history.record(em, { pool, actorId: viewer.id, type: 'INVITED', organizationId, details: { role } });
      }
      return pool;
    });
  }

  /**
   * The group, the steward and the proposal, checked in one statement (BAD_USER_INPUT naming the field);
   * the organisations the proposal brings as contributors (not the steward).
   */
  private async checkReferences(em: EntityManager, viewer: Viewer, pool: DataPoolEntity): Promise<string[]> {
    const proposal = pool.proposalId
      ? sql`(SELECT p.kind FROM cooperation_proposals p WHERE p.id = ${pool.proposalId}::uuid AND p.working_group_id = ${pool.workingGroupId}::uuid AND ${canReadProposal(viewer, 'p')})`
      : sql`NULL`;
    const contributors = pool.proposalId
      ? sql`(SELECT coalesce(array_agg(DISTINCT o.id), '{}') FROM cooperation_proposals p
             CROSS JOIN LATERAL (SELECT p.author_organization_id UNION SELECT p.lead_organization_id WHERE p.lead_consent = 'CONSENTED'
                                 UNION SELECT pp.organization_id FROM proposal_partners pp WHERE pp.proposal_id = p.id AND pp.consent = 'CONSENTED') o(id)
             WHERE p.id = ${pool.proposalId}::uuid AND o.id <> ${pool.stewardOrganizationId}::uuid)`
      : sql`'{}'::uuid[]`;
    const [found] = await querySql<{ group: boolean; steward: boolean; proposalKind: string | null; contributors: string[] }>(
      em,
      sql`SELECT EXISTS (SELECT 1 FROM working_groups WHERE id = ${pool.workingGroupId}::uuid) AS "group",
                 EXISTS (SELECT 1 FROM organizations WHERE id = ${pool.stewardOrganizationId}::uuid) AS steward,
                 ${proposal} AS "proposalKind", ${contributors} AS contributors`,
    );
    if (!found.group) throw new InvalidInputError('workingGroupId', 'No working group has this id', 'WORKING_GROUP_NOT_FOUND');
    if (!found.steward) throw new InvalidInputError('stewardOrganizationId', 'No organisation has this id', 'ORGANIZATION_NOT_FOUND');
    if (pool.proposalId && found.proposalKind !== ProposalKind.DATA_POOLING) {
      throw new InvalidInputError('proposalId', 'proposalId must be a DATA_POOLING proposal of the same group that you may read', 'PROPOSAL_NOT_DATA_POOLING');
    }
    return found.contributors;
  }

  findVisible(viewer: Viewer, id: string): Promise<DataPoolEntity | null> {
    return readPool(this.dataSource, this.dataSource, viewer, id);
  }

  list(viewer: Viewer, state: DataPoolState | null | undefined, args: PageArgs): Connection<DataPoolEntity> {
    const query = dataPoolListQuery(this.dataSource, viewer, state);
    return lazyConnection(
      () => fetchPage<DataPoolEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }
}
