import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, querySql, sql, Viewer } from '@app/core';
import { ProposalsService, ProposalState } from '@app/proposals';
import { notGroupManagerError, WorkingGroupPolicy } from '@app/working-groups';
import { BallotEntity } from './ballot.entity';
import { BallotEvents, BALLOT_EVENTS } from './ballot-events';
import { closesNow, managesBallot } from './ballot-permissions';
import { eligibleNowSql, recusedNowSql } from './ballot.policy';
import { lockBallot } from './ballot-store';
import { tally } from './ballot-tally';
import { checkBallotMove } from './ballot-transitions';
import { BallotState, VoteChoice } from './ballots.enums';

/** A ballot's state machine. Each change locks the ballot, checks, writes and publishes, in one transaction. */
@Injectable()
export class BallotLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
    private readonly proposals: ProposalsService,
    private readonly events: BallotEvents,
  ) {}

  /**
   * `BALLOT_MOVES`, by the group's chairs, co-chairs and secretaries and admins (alliance-wide: admins).
   * OPEN fixes the electorate; CLOSED before closesAt needs every eligible organisation's vote; CANCELLED a note.
   */
  changeState(viewer: Viewer, id: string, state: BallotState, note: string | null | undefined): Promise<BallotEntity> {
    return this.dataSource.transaction(async (em) => {
      const ballot = await lockBallot(em, this.dataSource, viewer, id, 'UPDATE');
      checkBallotMove(ballot.state, state);
      await this.assertCanManage(viewer, ballot, em);
      const now = new Date();
      switch (state) {
        case BallotState.OPEN:
          return this.open(em, ballot, viewer.id, now);
        case BallotState.CLOSED: {
          const [{ cast }] = await querySql<{ cast: number }>(em, sql`SELECT count(*)::int AS cast FROM ballot_votes WHERE ballot_id = ${ballot.id}::uuid`);
          if (!closesNow(ballot, cast, now)) {
            throw new ConflictError('VOTES_MISSING', `Only ${cast} of ${ballot.eligibleCount} eligible organisations voted: the ballot closes early only when all did`);
          }
          return this.close(em, ballot, viewer.id, now);
        }
        case BallotState.CANCELLED: {
          const reason = note?.trim();
          if (!reason) throw new InvalidInputError('note', 'Cancelling a ballot needs a reason in note', 'REASON_REQUIRED');
          return this.write(em, ballot, viewer.id, { state, note: reason, updatedAt: now }, { note: reason });
        }
        case BallotState.DRAFT:
          throw new Error('unreachable: no move leads to DRAFT');
      }
    });
  }

  private async assertCanManage(viewer: Viewer, ballot: BallotEntity, em: EntityManager): Promise<void> {
    const role = ballot.workingGroupId ? await this.groups.roleOf(viewer, ballot.workingGroupId, em) : null;
    if (managesBallot(viewer, ballot, role)) return;
    if (ballot.workingGroupId) throw notGroupManagerError();
    throw new ForbiddenError('Only admins manage alliance-wide ballots', 'NOT_ADMIN');
  }

  /** Fixes the electorate as of now (eligible and recused organisations) and opens the ballot. */
  private async open(em: EntityManager, ballot: BallotEntity, actorId: string, now: Date): Promise<BallotEntity> {
    if (ballot.closesAt <= now) throw new ConflictError('CLOSES_AT_PASSED', 'closesAt has passed: create a new ballot', 'state');
    if (ballot.decidesProposal && ballot.proposalId) {
      const [proposal] = await querySql<{ state: string }>(em, sql`SELECT state FROM cooperation_proposals WHERE id = ${ballot.proposalId}::uuid`);
      if (proposal?.state !== ProposalState.UNDER_REVIEW) {
        throw new ConflictError('PROPOSAL_NOT_UNDER_REVIEW', 'The proposal this ballot decides is no longer UNDER_REVIEW', 'state');
      }
    }
    await querySql(
      em,
      sql`INSERT INTO ballot_electorate (ballot_id, organization_id, recused)
          SELECT b.id, e.organization_id, FALSE FROM ballots b CROSS JOIN LATERAL (${eligibleNowSql('b')}) e WHERE b.id = ${ballot.id}::uuid
          UNION ALL
          SELECT b.id, r.id, TRUE FROM ballots b CROSS JOIN LATERAL (${recusedNowSql('b')}) r(id) WHERE b.id = ${ballot.id}::uuid`,
    );
    const [{ eligible }] = await querySql<{ eligible: number }>(
      em,
      sql`SELECT count(*)::int AS eligible FROM ballot_electorate WHERE ballot_id = ${ballot.id}::uuid AND NOT recused`,
    );
    if (eligible === 0) throw new ConflictError('NO_ELIGIBLE_ORGANIZATIONS', 'No organisation may vote on this ballot', 'state');
    return this.write(em, ballot, actorId, { state: BallotState.OPEN, opensAt: now, eligibleCount: eligible, updatedAt: now }, { eligibleCount: eligible });
  }

  /**
   * Counts the votes and closes the ballot in the caller's transaction (its row locked FOR UPDATE): the result is
   * stored, a SECRET ballot's choices and rankings are erased once counted, and a deciding ballot moves its
   * proposal, if still UNDER_REVIEW, to APPROVED (passed) or REJECTED through the proposals' own transition.
   * `actorId` null: the platform, at closesAt.
   */
  async close(em: EntityManager, ballot: BallotEntity, actorId: string | null, now: Date): Promise<BallotEntity> {
    const votes = await querySql<{ choice: VoteChoice | null; ranking: string[] | null }>(
      em,
      sql`SELECT choice, ranking FROM ballot_votes WHERE ballot_id = ${ballot.id}::uuid`,
    );
    const priorities = await querySql<{ id: string; rank: number }>(
      em,
      sql`SELECT p.id, p.rank FROM ballot_priorities bp JOIN priorities p ON p.id = bp.priority_id WHERE bp.ballot_id = ${ballot.id}::uuid`,
    );
    const result = tally({ kind: ballot.kind, quorumPercent: ballot.quorumPercent, majorityPercent: ballot.majorityPercent, eligibleCount: ballot.eligibleCount ?? 0, votes, priorities });
    if (ballot.secret) await querySql(em, sql`UPDATE ballot_votes SET choice = NULL, ranking = NULL WHERE ballot_id = ${ballot.id}::uuid`);
    const { ranking: _ranking, ...tallies } = result;
    const closed = await this.write(em, ballot, actorId, { state: BallotState.CLOSED, result, closedAt: now, updatedAt: now }, { ...tallies, votesCast: votes.length });
    if (ballot.decidesProposal && ballot.proposalId) {
      const decision = result.passed ? ProposalState.APPROVED : ProposalState.REJECTED;
      const note = `Ballot "${ballot.title}": ${result.yes} yes, ${result.no} no, ${result.abstain} abstain of ${ballot.eligibleCount ?? 0} eligible${result.quorumReached ? '' : ' (no quorum)'}`;
      await this.proposals.decideInTransaction(em, ballot.proposalId, decision, actorId, note);
    }
    return closed;
  }

  private async write(em: EntityManager, ballot: BallotEntity, actorId: string | null, changes: Partial<BallotEntity>, details: Record<string, unknown>): Promise<BallotEntity> {
    await em.getRepository(BallotEntity).update(ballot.id, changes);
    const written = { ...ballot, ...changes };
    await this.events.publish(em, BALLOT_EVENTS.STATE_CHANGED, written, actorId, { from: ballot.state, to: written.state, ...details });
    return written;
  }
}
