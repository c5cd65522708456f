import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, isId, NotFoundError, selectColumns, Viewer, newId } from '@app/core';
import { ParticipantRole, seatRoleSql, WorkingGroupStatus } from '@app/working-groups';
import { CreateProposalInput, UpdateProposalInput } from './dto/proposal.input';
import { ProposalHistory, ProposalHistoryEntry } from './events/proposal-events';
import { AUTHOR_MOVES, EDITABLE_STATES, PROPOSAL_TRANSITIONS } from './proposal-transitions';
import { ProposalEntity } from './proposal.entity';
import { Confidentiality, ProposalState } from './proposal.enums';
import { canReadProposalSql, ProposalPolicy, roleTakesPartSql } from './proposal.policy';

@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: ProposalPolicy,
    private readonly history: ProposalHistory,
  ) {}

  /**
   * A participant (not observer) of the group drafts a proposal for an active member organisation. One
   * statement, so no transaction: it reads what every check needs and, only if all of them pass, writes the
   * proposal, its priorities, its CREATED event and that event's outbox row. The checks then run in JS in
   * their order, which decides the error when several fail.
   */
  async create(viewer: Viewer, input: CreateProposalInput): Promise<ProposalEntity> {
    const leadOrganizationId = input.leadOrganizationId ?? viewer.organizationId;
    const now = new Date();
    const proposal: ProposalEntity = {
      id: newId(),
      workingGroupId: input.workingGroupId,
      title: input.title,
      summary: input.summary,
      body: input.body,
      kind: input.kind,
      state: ProposalState.DRAFT,
      confidentiality: input.confidentiality ?? Confidentiality.WORKING_GROUP,
      leadOrganizationId,
      authorId: viewer.id,
      authorOrganizationId: viewer.organizationId,
      version: 1,
      supportCount: 0,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      decidedAt: null,
    };
    const entry: ProposalHistoryEntry = { proposal, actorId: viewer.id, type: 'CREATED', toState: ProposalState.DRAFT };
    const priorityIds = [...new Set(input.priorityIds ?? [])];
    const params: unknown[] = [input.workingGroupId, viewer.id, leadOrganizationId, viewer.role === 'ADMIN', priorityIds];
    params.push(...proposalValues(proposal));
    const history = this.history.embed(entry, params.length, 'written');
    params.push(...history.params);
    const [checked]: { status: WorkingGroupStatus; role: ParticipantRole | null; leadIsMember: boolean; prioritiesAdmissible: boolean; created: boolean }[] =
      await this.dataSource.query(createStatement(history.sql, priorityIds.length > 0), params);
    if (!checked) throw new NotFoundError('working group');
    this.policy.assertRoleTakesPart(viewer, checked.role, 'propose');
    if (checked.status === WorkingGroupStatus.CLOSED) {
      throw new ConflictError('WORKING_GROUP_CLOSED', 'This working group is closed');
    }
    if (!checked.leadIsMember) {
      throw new InvalidInputError('leadOrganizationId', 'The lead organisation must be an active member of the working group', 'LEAD_NOT_MEMBER');
    }
    if (!checked.prioritiesAdmissible) throw priorityIdsError();
    if (!checked.created) throw new Error('createProposal: the checks passed in JS but not in SQL');
    this.history.announceEmbedded(entry);
    return proposal;
  }

  /**
   * Optimistic concurrency: the write succeeds only if `expectedVersion` is still current, so two
   * people editing at once never silently overwrite each other.
   */
  update(viewer: Viewer, id: string, expectedVersion: number, input: UpdateProposalInput): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.lockReadable(em, viewer, id);
      this.policy.assertAuthorOrganization(viewer, proposal, 'edit this proposal');
      if (!EDITABLE_STATES.includes(proposal.state)) {
        throw new ConflictError('NOT_EDITABLE', `A ${proposal.state} proposal can no longer be edited`);
      }
      if (proposal.version !== expectedVersion) {
        throw new ConflictError('STALE_VERSION', `The proposal changed meanwhile (now version ${proposal.version}); reload and retry`, 'expectedVersion');
      }
      for (const field of ['title', 'summary', 'body', 'kind', 'confidentiality'] as const) {
        if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
      }
      const { priorityIds, ...fields } = input;
      const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
      // Nothing to change: no new version, no event.
      if (changed.length === 0) return proposal;
      const changes: Partial<ProposalEntity> = { ...(fields as Partial<ProposalEntity>), version: proposal.version + 1, updatedAt: new Date() };
      await em.getRepository(ProposalEntity).update({ id: proposal.id }, changes);
      if (priorityIds) {
        await em.query(`DELETE FROM proposal_priorities WHERE proposal_id = $1`, [proposal.id]);
        await this.setPriorities(em, proposal, priorityIds);
      }
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'UPDATED', note: `Changed: ${changed.join(', ')}` });
      return { ...proposal, ...changes };
    });
  }

  changeState(viewer: Viewer, id: string, state: ProposalState, note: string | null | undefined): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (em) => {
      const proposal = await this.lockReadable(em, viewer, id);
      if (AUTHOR_MOVES.includes(state)) {
        this.policy.assertAuthorOrganization(viewer, proposal, `move it to ${state}`);
      } else {
        await this.policy.assertCanManage(viewer, proposal.workingGroupId, em);
      }
      if (!PROPOSAL_TRANSITIONS[proposal.state].includes(state)) {
        throw new ConflictError('ILLEGAL_TRANSITION', `A proposal cannot move from ${proposal.state} to ${state}`);
      }
      const reason = note?.trim() || null;
      if (state === ProposalState.REJECTED && !reason) {
        throw new InvalidInputError('note', 'A rejection needs a reason in note', 'REASON_REQUIRED');
      }
      const now = new Date();
      const changes: Partial<ProposalEntity> = {
        state,
        version: proposal.version + 1,
        updatedAt: now,
        ...(state === ProposalState.SUBMITTED ? { submittedAt: now } : {}),
        ...(state === ProposalState.APPROVED || state === ProposalState.REJECTED ? { decidedAt: now } : {}),
      };
      await em.getRepository(ProposalEntity).update({ id: proposal.id }, changes);
      await this.history.record(em, { proposal, actorId: viewer.id, type: 'STATE_CHANGED', fromState: proposal.state, toState: state, note: reason });
      return { ...proposal, ...changes };
    });
  }

  async findVisible(viewer: Viewer, id: string): Promise<ProposalEntity | null> {
    if (!isId(id)) return null;
    const params: unknown[] = [id];
    const rows: ProposalEntity[] = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, ProposalEntity, 'p')} FROM cooperation_proposals p
       WHERE p.id = $1 AND ${canReadProposalSql(viewer, 'p', params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the proposal row for a change. A proposal the viewer may not read is NOT_FOUND, so a
   * mutation does not reveal that it exists. `anyPartner` also admits a partner that declined (it
   * may change its answer) once the proposal has been submitted.
   */
  async lockReadable(em: EntityManager, viewer: Viewer, id: string, options: { anyPartner?: boolean } = {}): Promise<ProposalEntity> {
    if (!isId(id)) throw new NotFoundError('proposal');
    const params: unknown[] = [id];
    const rows: ProposalEntity[] = await em.query(
      `SELECT ${selectColumns(this.dataSource, ProposalEntity, 'p')} FROM cooperation_proposals p
       WHERE p.id = $1 AND (${canReadProposalSql(viewer, 'p', params)}${options.anyPartner ? anyPartnerSql(viewer, params) : ''})
       FOR UPDATE OF p`,
      params,
    );
    if (!rows[0]) throw new NotFoundError('proposal');
    return rows[0];
  }

  /** Bumps version and updatedAt after a change to a proposal's partners; returns them as stored. */
  async touch(em: EntityManager, proposalId: string): Promise<Pick<ProposalEntity, 'version' | 'updatedAt'>> {
    const rows: Pick<ProposalEntity, 'version' | 'updatedAt'>[] = await em.query(
      `WITH touched AS (UPDATE cooperation_proposals SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at)
       SELECT version, updated_at AS "updatedAt" FROM touched`,
      [proposalId],
    );
    return rows[0];
  }

  /** Links priorities of the proposal's group or alliance-wide ones; anything else is bad input. */
  private async setPriorities(em: EntityManager, proposal: ProposalEntity, priorityIds: string[]): Promise<void> {
    const ids = [...new Set(priorityIds)];
    if (ids.length === 0) return;
    // Links the admissible ones; if any is not, the error rolls the transaction (and these links) back.
    const linked: unknown[] = await em.query(
      `INSERT INTO proposal_priorities (proposal_id, priority_id)
       SELECT $1::uuid, id FROM priorities WHERE id = ANY($2) AND (working_group_id IS NULL OR working_group_id = $3) RETURNING priority_id`,
      [proposal.id, ids, proposal.workingGroupId],
    );
    if (linked.length !== ids.length) {
      throw priorityIdsError();
    }
  }
}

function priorityIdsError(): InvalidInputError {
  return new InvalidInputError('priorityIds', "priorityIds must be priorities of the proposal's working group or alliance-wide ones");
}

/** A new proposal's columns, their types and values, in the order of `createStatement`'s parameters. */
const PROPOSAL_COLUMNS: [string, string, (p: ProposalEntity) => unknown][] = [
  ['id', 'uuid', (p) => p.id],
  ['working_group_id', 'uuid', (p) => p.workingGroupId],
  ['title', 'text', (p) => p.title],
  ['summary', 'text', (p) => p.summary],
  ['body', 'text', (p) => p.body],
  ['kind', 'text', (p) => p.kind],
  ['state', 'text', (p) => p.state],
  ['confidentiality', 'text', (p) => p.confidentiality],
  ['lead_organization_id', 'uuid', (p) => p.leadOrganizationId],
  ['author_id', 'uuid', (p) => p.authorId],
  ['author_organization_id', 'uuid', (p) => p.authorOrganizationId],
  ['version', 'int', (p) => p.version],
  ['support_count', 'int', (p) => p.supportCount],
  ['created_at', 'timestamptz', (p) => p.createdAt],
  ['updated_at', 'timestamptz', (p) => p.updatedAt],
  ['submitted_at', 'timestamptz', (p) => p.submittedAt],
  ['decided_at', 'timestamptz', (p) => p.decidedAt],
];

/** Parameters $1–$5 of `createStatement`: group, viewer, lead organisation, viewer is admin, priority ids. */
const CREATE_CHECK_PARAMS = 5;

function proposalValues(p: ProposalEntity): unknown[] {
  return PROPOSAL_COLUMNS.map(([, , value]) => value(p));
}

/** createProposal's statements by the text of their history part (the rest never changes), with and without priorities. */
const createStatements = [new Map<string, string>(), new Map<string, string>()];

/**
 * createProposal's one statement: the checks ($1–$5), then, only if all of them pass, the proposal (its
 * columns numbered after the checks'), its priorities (only `withPriorities`: an INSERT without rows still
 * opens and locks the table and its indexes) and `historySql`. Built once per history text, so that a draft
 * does not rebuild a 2 KB text, nor the prepared-statement lookup hash it again.
 */
function createStatement(historySql: string, withPriorities: boolean): string {
  const cache = createStatements[withPriorities ? 1 : 0];
  let sql = cache.get(historySql);
  if (sql !== undefined) return sql;
  const insert = `INSERT INTO cooperation_proposals (${PROPOSAL_COLUMNS.map(([name]) => name).join(', ')})
           SELECT ${PROPOSAL_COLUMNS.map(([, type], i) => `$${CREATE_CHECK_PARAMS + i + 1}::${type}`).join(', ')}`;
  const linked = withPriorities ? `linked AS (INSERT INTO proposal_priorities (proposal_id, priority_id) SELECT w.id, unnest($5::uuid[]) FROM written w),` : '';
  sql = `WITH checks AS (
           SELECT g.status, ${seatRoleSql('g.id', '$2')} AS role,
             EXISTS (SELECT 1 FROM working_group_memberships m
                     WHERE m.working_group_id = g.id AND m.organization_id = $3 AND m.status = 'ACTIVE') AS "leadIsMember",
             (cardinality($5::uuid[]) = 0 OR (SELECT count(*) FROM priorities pr
               WHERE pr.id = ANY($5::uuid[]) AND (pr.working_group_id IS NULL OR pr.working_group_id = g.id)) = cardinality($5::uuid[])) AS "prioritiesAdmissible"
           FROM working_groups g WHERE g.id = $1),
         written AS (${insert} FROM checks c
           WHERE ${roleTakesPartSql('c.role', '$4::boolean')} AND c.status <> '${WorkingGroupStatus.CLOSED}' AND c."leadIsMember" AND c."prioritiesAdmissible"
           RETURNING id),
         ${linked}
         ${historySql}
         SELECT c.status, c.role, c."leadIsMember", c."prioritiesAdmissible", EXISTS (SELECT 1 FROM written) AS created FROM checks c`;
  // The history's text is the same for every draft unless event writers are added; bounded all the same.
  if (cache.size >= 16) cache.clear();
  cache.set(historySql, sql);
  return sql;
}

function anyPartnerSql(viewer: Viewer, params: unknown[]): string {
  params.push(viewer.organizationId);
  return ` OR (p.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM proposal_partners ap WHERE ap.proposal_id = p.id AND ap.organization_id = $${params.length}::uuid))`;
}
