import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Connection, fetchCount, fetchPage, ForbiddenError, InvalidInputError, lazyConnection, newId, PageArgs, querySql, sql, Viewer } from '@app/core';
import { canReadProposal, ProposalState } from '@app/proposals';
import { notGroupManagerError, WorkingGroupPolicy } from '@app/working-groups';
import { BallotEntity, BallotPriorityEntity } from './ballot.entity';
import { BallotEvents, BALLOT_EVENTS } from './ballot-events';
import { ballotListQuery } from './ballot-list.query';
import { managesBallot } from './ballot-permissions';
import { readBallot } from './ballot-store';
import { BallotKind, BallotState } from './ballots.enums';
import { CreateBallotInput } from './dto/ballot.input';

export const DEFAULT_QUORUM_PERCENT = 50;
export const DEFAULT_MAJORITY_PERCENT = 50;

/** Creating and reading ballots. A refused change writes nothing: checks first, writes in one transaction. */
@Injectable()
export class BallotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
    private readonly events: BallotEvents,
  ) {}

  /**
   * A DRAFT ballot: in a group by its chairs, co-chairs and secretaries (and admins), alliance-wide (no group)
   * by admins. RANKING names 2 or more of the group's or the alliance's priorities; APPROVAL names none and
   * may decide a proposal UNDER_REVIEW of the same group.
   */
  create(viewer: Viewer, input: CreateBallotInput): Promise<BallotEntity> {
    const now = new Date();
    const workingGroupId = input.workingGroupId ?? null;
    if (workingGroupId === null && !managesBallot(viewer, { workingGroupId }, null)) throw new ForbiddenError('Only admins hold alliance-wide ballots', 'NOT_ADMIN');
    if (input.closesAt.getTime() <= now.getTime()) throw new InvalidInputError('closesAt', 'closesAt must be in the future', 'CLOSES_AT_PASSED');
    const priorityIds = input.priorityIds ?? [];
    if (input.kind === BallotKind.RANKING && (priorityIds.length < 2 || new Set(priorityIds).size !== priorityIds.length)) {
      throw new InvalidInputError('priorityIds', 'A RANKING ballot names at least two distinct priorities', 'PRIORITIES_REQUIRED');
    }
    if (input.kind === BallotKind.APPROVAL && priorityIds.length > 0) {
      throw new InvalidInputError('priorityIds', 'An APPROVAL ballot ranks no priorities', 'PRIORITIES_NOT_ALLOWED');
    }
    const decidesProposal = input.decidesProposal ?? false;
    if (decidesProposal && (input.kind !== BallotKind.APPROVAL || !input.proposalId)) {
      throw new InvalidInputError('decidesProposal', 'Only an APPROVAL ballot with a proposal decides it', 'CANNOT_DECIDE');
    }
    const ballot: BallotEntity = {
      id: newId(),
      workingGroupId,
      title: input.title,
      motion: input.motion,
      kind: input.kind,
      state: BallotState.DRAFT,
      opensAt: null,
      closesAt: input.closesAt,
      quorumPercent: input.quorumPercent ?? DEFAULT_QUORUM_PERCENT,
      majorityPercent: input.majorityPercent ?? DEFAULT_MAJORITY_PERCENT,
      secret: input.secret ?? false,
      proposalId: input.proposalId ?? null,
      decidesProposal,
      eligibleCount: null,
      result: null,
      note: null,
      remindedAt: null,
      closedAt: null,
      createdById: viewer.id,
      createdAt: now,
      updatedAt: now,
    };
    return this.dataSource.transaction(async (em) => {
      await this.checkReferences(em, viewer, ballot, priorityIds);
      if (workingGroupId) {
        const role = viewer.role === 'ADMIN' ? null : await this.groups.roleOf(viewer, workingGroupId, em);
        if (!managesBallot(viewer, ballot, role)) throw notGroupManagerError();
      }
      await em.getRepository(BallotEntity).insert(ballot);
      if (priorityIds.length > 0) {
        await em.getRepository(BallotPriorityEntity).insert(priorityIds.map((priorityId, index) => ({ ballotId: ballot.id, priorityId, position: index + 1 })));
      }
      await this.events.publish(em, BALLOT_EVENTS.CREATED, ballot, viewer.id, { kind: ballot.kind, state: ballot.state });
      return ballot;
    });
  }

  /** The group, the proposal and the priorities, checked in one statement (BAD_USER_INPUT naming the field). */
  private async checkReferences(em: EntityManager, viewer: Viewer, ballot: BallotEntity, priorityIds: string[]): Promise<void> {
    const group = ballot.workingGroupId;
    const proposal = ballot.proposalId
      ? sql`(SELECT p.state FROM cooperation_proposals p WHERE p.id = ${ballot.proposalId}::uuid
             AND (${group}::uuid IS NULL OR p.working_group_id = ${group}::uuid) AND ${canReadProposal(viewer, 'p')})`
      : sql`NULL`;
    const [found] = await querySql<{ group: boolean; proposalState: ProposalState | null; priorities: number }>(
      em,
      sql`SELECT (${group}::uuid IS NULL OR EXISTS (SELECT 1 FROM working_groups WHERE id = ${group}::uuid)) AS "group",
                 ${proposal} AS "proposalState",
                 (SELECT count(*)::int FROM priorities pr WHERE pr.id = ANY(${priorityIds}::uuid[])
                  AND (pr.working_group_id IS NULL OR pr.working_group_id = ${group}::uuid)) AS priorities`,
    );
    if (!found.group) throw new InvalidInputError('workingGroupId', 'No working group has this id', 'WORKING_GROUP_NOT_FOUND');
    if (ballot.proposalId && !found.proposalState) {
      throw new InvalidInputError('proposalId', "proposalId must be a proposal of the ballot's group that you may read", 'PROPOSAL_NOT_FOUND');
    }
    if (ballot.decidesProposal && found.proposalState !== ProposalState.UNDER_REVIEW) {
      throw new InvalidInputError('decidesProposal', 'Only a proposal UNDER_REVIEW can be decided by a ballot', 'PROPOSAL_NOT_UNDER_REVIEW');
    }
    if (found.priorities !== priorityIds.length) {
      throw new InvalidInputError('priorityIds', "priorityIds must be priorities of the ballot's group or alliance-wide ones", 'PRIORITY_NOT_FOUND');
    }
  }

  findVisible(viewer: Viewer, id: string): Promise<BallotEntity | null> {
    return readBallot(this.dataSource, this.dataSource, viewer, id);
  }

  list(viewer: Viewer, state: BallotState | null | undefined, args: PageArgs): Connection<BallotEntity> {
    const query = ballotListQuery(this.dataSource, viewer, state);
    return lazyConnection(
      () => fetchPage<BallotEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }
}
