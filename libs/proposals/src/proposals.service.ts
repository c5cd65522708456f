import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, isId, NotFoundError, selectColumns, Viewer, newId, valuesRows, WriteBatcher } from '@app/core';
import { isOpenGroup, ParticipantRole, seatRoleSql, WorkingGroupStatus } from '@app/working-groups';
import { CreateProposalInput, UpdateProposalInput } from './dto/proposal.input';
import { ProposalHistory, ProposalHistoryEntry } from './events/proposal-events';
import { isLegalMove, leadHasConsented } from './proposal-permissions';
import { AUTHOR_MOVES, EDITABLE_STATES } from './proposal-transitions';
import { ProposalEntity } from './proposal.entity';
import { Confidentiality, PartnerConsent, ProposalState } from './proposal.enums';
import { canReadProposalSql, ProposalPolicy, roleTakesPartSql } from './proposal.policy';

@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: ProposalPolicy,
    private readonly history: ProposalHistory,
  ) {}

  /** Drafts being written, several to a statement under load (decision 59). */
  private readonly drafts = new WriteBatcher<Draft, DraftChecks | undefined>((drafts) => this.writeDrafts(drafts), DRAFT_BATCHES);

  /**
   * A participant (not observer) of the group drafts a proposal for an active member organisation. One
   * statement, so no transaction, shared under load with the drafts that arrive meanwhile (`writeDrafts`):
   * it reads what every check needs and, only if all of them pass, writes the proposal, its priorities, its
   * CREATED event and that event's outbox row. The checks then run in JS in their order, which decides the
   * error when several fail.
   */
  async create(viewer: Viewer, input: CreateProposalInput): Promise<ProposalEntity> {
    const draft = draftOf(viewer, input);
    this.assertWritten(viewer, await this.drafts.submit(draft));
    for (const entry of draft.entries) this.history.announceEmbedded(entry);
    return draft.proposal;
  }

  /**
   * `create` inside the caller's transaction, for a change that drafts a proposal among other writes (a
   * proposal started from a marketplace introduction): the same statement, checks and errors, without the
   * write batcher; the trail and its events are recorded in that transaction, so they commit (and are
   * announced) with it or not at all.
   */
  async createInTransaction(em: EntityManager, viewer: Viewer, input: CreateProposalInput): Promise<ProposalEntity> {
    const draft = draftOf(viewer, input);
    const [checked] = await this.writeDrafts([draft], em);
    this.assertWritten(viewer, checked);
    for (const entry of draft.entries) await this.history.record(em, entry);
    return draft.proposal;
  }

  /** The checks of a draft statement in their order, which decides the error when several fail. */
  private assertWritten(viewer: Viewer, checked: DraftChecks | undefined): void {
    if (!checked) throw new NotFoundError('working group');
    this.policy.assertRoleTakesPart(viewer, checked.role, 'propose');
    if (!isOpenGroup(checked)) {
      throw new ConflictError('WORKING_GROUP_CLOSED', 'This working group is closed');
    }
    if (!checked.leadIsMember) {
      throw new InvalidInputError('leadOrganizationId', 'The lead organisation must be an active member of the working group', 'LEAD_NOT_MEMBER');
    }
    if (!checked.prioritiesAdmissible) throw priorityIdsError();
    if (!checked.created) throw new Error('createProposal: the checks passed in JS but not in SQL');
  }

  /**
   * Writes `drafts` in one statement (see `draftsStatement`); for each, its checks, or undefined if its group
   * does not exist. Without `em`, the statement carries the drafts' trail and outbox rows; inside a
   * transaction (`em`), the caller records them.
   */
  private async writeDrafts(drafts: Draft[], em?: EntityManager): Promise<(DraftChecks | undefined)[]> {
    const params: unknown[] = [];
    drafts.forEach((draft, i) => params.push(...proposalValues(draft.proposal), draft.viewerIsAdmin, i));
    const withPriorities = drafts.some((d) => d.priorityIds.length > 0);
    if (withPriorities) {
      params.push(
        drafts.flatMap((d, i) => d.priorityIds.map(() => i)),
        drafts.flatMap((d) => d.priorityIds),
      );
    }
    const history = em ? { sql: '', params: [] } : this.history.embed(drafts.flatMap((d) => d.entries), params.length, 'written');
    params.push(...history.params);
    const rows: (DraftChecks & { n: number })[] = await (em ?? this.dataSource).query(draftsStatement(drafts.length, withPriorities, history.sql), params);
    const checks: (DraftChecks | undefined)[] = new Array(drafts.length).fill(undefined);
    for (const { n, ...checked } of rows) checks[n] = checked;
    return checks;
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
      for (const field of EDITABLE_FIELDS) {
        if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
      }
      // Only what differs from the stored proposal counts as a change: sending the values it already has
      // changes nothing (no new version, no event, so no notification), and the trail names real changes only.
      const fields: Partial<Pick<ProposalEntity, (typeof EDITABLE_FIELDS)[number]>> = {};
      for (const field of EDITABLE_FIELDS) {
        const value = input[field];
        if (value !== undefined && value !== null && value !== proposal[field]) Object.assign(fields, { [field]: value });
      }
      const changed: string[] = Object.keys(fields);
      // Priorities are a set (their order is their rank's): the same ones in any order, or repeated, are no change.
      const priorityIds = input.priorityIds ? [...new Set(input.priorityIds)] : null;
      const prioritiesChanged = priorityIds !== null && !(await this.hasPriorities(em, proposal.id, priorityIds));
      if (prioritiesChanged) changed.push('priorityIds');
      if (changed.length === 0) return proposal;
      const changes: Partial<ProposalEntity> = { ...fields, version: proposal.version + 1, updatedAt: new Date() };
      await em.getRepository(ProposalEntity).update({ id: proposal.id }, changes);
      if (prioritiesChanged && priorityIds) {
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
      // The move's legality first: an impossible move is CONFLICT for every reader (who sees the state
      // anyway), not FORBIDDEN for some, so the answer names the real obstacle.
      if (!isLegalMove(proposal.state, state)) {
        throw new ConflictError('ILLEGAL_TRANSITION', `A proposal cannot move from ${proposal.state} to ${state}`);
      }
      if (AUTHOR_MOVES.includes(state)) {
        this.policy.assertAuthorOrganization(viewer, proposal, `move it to ${state}`);
      } else {
        await this.policy.assertCanManage(viewer, proposal.workingGroupId, em);
      }
      if (state === ProposalState.SUBMITTED && !leadHasConsented(proposal)) {
        throw new ConflictError('LEAD_NOT_CONSENTED', 'The organisation named as lead has not yet accepted to lead this proposal');
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

  /**
   * A ballot's decision (libs/governance): the proposal `id`, if it is still UNDER_REVIEW, moves to APPROVED or
   * REJECTED in the caller's transaction under its row lock, with the same history and event as a manager's
   * move. `actorId` is whoever closed the ballot (null: the platform at closesAt). Returns the proposal as
   * stored, or null when it is no longer UNDER_REVIEW (withdrawn or decided meanwhile: nothing changes).
   */
  async decideInTransaction(em: EntityManager, id: string, state: ProposalState.APPROVED | ProposalState.REJECTED, actorId: string | null, note: string): Promise<ProposalEntity | null> {
    const rows: ProposalEntity[] = await em.query(
      `SELECT ${selectColumns(this.dataSource, ProposalEntity, 'p')} FROM cooperation_proposals p WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    const proposal = rows[0];
    if (!proposal || proposal.state !== ProposalState.UNDER_REVIEW) return null;
    const now = new Date();
    const changes: Partial<ProposalEntity> = { state, version: proposal.version + 1, updatedAt: now, decidedAt: now };
    await em.getRepository(ProposalEntity).update({ id: proposal.id }, changes);
    await this.history.record(em, { proposal, actorId, type: 'STATE_CHANGED', fromState: proposal.state, toState: state, note });
    return { ...proposal, ...changes };
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
   * may change its answer while the proposal is open, a draft included).
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

  /** Whether the proposal is linked to exactly `priorityIds` (without duplicates), in any order. */
  private async hasPriorities(em: EntityManager, proposalId: string, priorityIds: string[]): Promise<boolean> {
    const [row]: { same: boolean }[] = await em.query(
      `SELECT coalesce(array_agg(priority_id ORDER BY priority_id), '{}') = coalesce((SELECT array_agg(w ORDER BY w) FROM unnest($2::uuid[]) w), '{}') AS same
       FROM proposal_priorities WHERE proposal_id = $1`,
      [proposalId, priorityIds],
    );
    return row.same;
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

/** What `updateProposal` may change besides the priorities. */
const EDITABLE_FIELDS = ['title', 'summary', 'body', 'kind', 'confidentiality'] as const;

/** A new DRAFT by `viewer` from `input`, with its trail entries (CREATED, and LEAD_INVITED when another organisation is named as lead). */
function draftOf(viewer: Viewer, input: CreateProposalInput): Draft {
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
    // Another organisation leads only once it accepts (decision 71).
    leadConsent: leadOrganizationId === viewer.organizationId ? PartnerConsent.CONSENTED : PartnerConsent.INVITED,
    authorId: viewer.id,
    authorOrganizationId: viewer.organizationId,
    version: 1,
    supportCount: 0,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    decidedAt: null,
  };
  const entries: ProposalHistoryEntry[] = [{ proposal, actorId: viewer.id, type: 'CREATED', toState: ProposalState.DRAFT }];
  if (proposal.leadConsent === PartnerConsent.INVITED) {
    entries.push({ proposal, actorId: viewer.id, type: 'LEAD_INVITED', details: { organizationId: leadOrganizationId } });
  }
  return { proposal, entries, viewerIsAdmin: viewer.role === 'ADMIN', priorityIds: [...new Set(input.priorityIds ?? [])] };
}

function priorityIdsError(): InvalidInputError {
  return new InvalidInputError('priorityIds', "priorityIds must be priorities of the proposal's working group or alliance-wide ones");
}

/** A draft on its way to `writeDrafts`. */
interface Draft {
  proposal: ProposalEntity;
  /** Its CREATED entry, and LEAD_INVITED when another organisation is named as lead. */
  entries: ProposalHistoryEntry[];
  viewerIsAdmin: boolean;
  /** Without duplicates. */
  priorityIds: string[];
}

/** What a draft's checks read, and whether it was written. */
interface DraftChecks {
  status: WorkingGroupStatus;
  role: ParticipantRole | null;
  leadIsMember: boolean;
  prioritiesAdmissible: boolean;
  created: boolean;
}

/**
 * Up to two draft statements at once, of up to 32 drafts each. Two lanes keep most of the pool for reads
 * while a statement is in flight, and let drafts that arrive meanwhile gather in the next one (decision 59).
 */
const DRAFT_BATCHES = { lanes: 2, maxBatch: 32 };

/** A new proposal's columns, their types and values, in the order of a draft's parameters. */
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
  ['lead_consent', 'text', (p) => p.leadConsent],
  ['author_id', 'uuid', (p) => p.authorId],
  ['author_organization_id', 'uuid', (p) => p.authorOrganizationId],
  ['version', 'int', (p) => p.version],
  ['support_count', 'int', (p) => p.supportCount],
  ['created_at', 'timestamptz', (p) => p.createdAt],
  ['updated_at', 'timestamptz', (p) => p.updatedAt],
  ['submitted_at', 'timestamptz', (p) => p.submittedAt],
  ['decided_at', 'timestamptz', (p) => p.decidedAt],
];

/** A draft's parameters: its proposal's columns, then whether its author is an admin, then its index in the batch. */
const DRAFT_TYPES = [...PROPOSAL_COLUMNS.map(([, type]) => type), 'boolean', 'int'];
const DRAFT_NAMES = [...PROPOSAL_COLUMNS.map(([name]) => name), 'viewer_is_admin', 'n'].join(', ');

function proposalValues(p: ProposalEntity): unknown[] {
  return PROPOSAL_COLUMNS.map(([, , value]) => value(p));
}

/** Draft statements by batch size and priorities, then by the text of their history part. */
const draftStatements = new Map<string, Map<string, string>>();

/**
 * The statement that writes `rows` drafts: one row of `input` each (the author is the viewer), the
 * priorities they ask for as pairs (draft index, priority id) in two arrays after them, then `historySql`
 * (none: the caller records the trail in its transaction).
 * It checks each draft on its own and writes only the drafts whose checks all pass, with their priorities
 * and their trail; it returns each draft's checks, and none for a draft whose group does not exist.
 * A VALUES list rather than one array per column (`unnest`), with which a draft alone cost PostgreSQL
 * half as much again (decision 59). Built once per size, priorities and history text; `withPriorities`
 * false leaves out the priorities' table altogether.
 */
function draftsStatement(rows: number, withPriorities: boolean, historySql: string): string {
  const shape = `${rows}${withPriorities ? ' with priorities' : ''}`;
  let byHistory = draftStatements.get(shape);
  if (byHistory === undefined) draftStatements.set(shape, (byHistory = new Map()));
  let sql = byHistory.get(historySql);
  if (sql !== undefined) return sql;
  const pairs = rows * DRAFT_TYPES.length;
  const prioritiesAdmissible = withPriorities
    ? `NOT EXISTS (SELECT 1 FROM wanted w WHERE w.n = i.n AND NOT EXISTS (SELECT 1 FROM priorities pr
         WHERE pr.id = w.priority_id AND (pr.working_group_id IS NULL OR pr.working_group_id = g.id)))`
    : 'true';
  sql = `WITH input AS (SELECT * FROM (VALUES ${valuesRows(DRAFT_TYPES, rows)}) AS i(${DRAFT_NAMES})),
         ${withPriorities ? `wanted AS (SELECT * FROM unnest($${pairs + 1}::int[], $${pairs + 2}::uuid[]) AS w(n, priority_id)),` : ''}
         checks AS (
           SELECT i.*, g.status, ${seatRoleSql('g.id', 'i.author_id')} AS role,
             EXISTS (SELECT 1 FROM working_group_memberships m
                     WHERE m.working_group_id = g.id AND m.organization_id = i.lead_organization_id AND m.status = 'ACTIVE') AS "leadIsMember",
             ${prioritiesAdmissible} AS "prioritiesAdmissible"
           FROM input i JOIN working_groups g ON g.id = i.working_group_id),
         written AS (INSERT INTO cooperation_proposals (${PROPOSAL_COLUMNS.map(([name]) => name).join(', ')})
           SELECT ${PROPOSAL_COLUMNS.map(([name]) => `c.${name}`).join(', ')} FROM checks c
           WHERE ${roleTakesPartSql('c.role', 'c.viewer_is_admin')} AND c.status <> '${WorkingGroupStatus.CLOSED}' AND c."leadIsMember" AND c."prioritiesAdmissible"
           RETURNING id)
         ${withPriorities ? ',linked AS (INSERT INTO proposal_priorities (proposal_id, priority_id) SELECT c.id, w.priority_id FROM written x JOIN checks c ON c.id = x.id JOIN wanted w ON w.n = c.n)' : ''}
         ${historySql ? `,${historySql}` : ''}
         SELECT c.n, c.status, c.role, c."leadIsMember", c."prioritiesAdmissible", EXISTS (SELECT 1 FROM written x WHERE x.id = c.id) AS created FROM checks c`;
  // The history's text is the same for every batch of a size unless event writers are added; bounded all the same.
  if (byHistory.size >= 16) byHistory.clear();
  byHistory.set(historySql, sql);
  return sql;
}

function anyPartnerSql(viewer: Viewer, params: unknown[]): string {
  params.push(viewer.organizationId);
  return ` OR EXISTS (SELECT 1 FROM proposal_partners ap WHERE ap.proposal_id = p.id AND ap.organization_id = $${params.length}::uuid)`;
}
