import { DataSource } from 'typeorm';
import { querySql, sql, Viewer } from '@app/core';
import { ballotReadableBy } from '@app/governance';
import { formatLocalDateTime } from './local-time';

/** How many closed ballots the brief recalls, newest first. */
export const RECENT_BALLOT_RESULTS = 5;

export interface BriefBallot {
  title: string;
  kind: 'APPROVAL' | 'RANKING';
  secret: boolean;
  votesCast: number;
  eligibleCount: number;
  /** OPEN: when it closes; CLOSED: when it closed — in the meeting's zone. */
  whenLocal: string;
  /** CLOSED only. */
  result: { quorumReached: boolean; passed: boolean; yes: number; no: number; abstain: number; ranking: { title: string; points: number }[] } | null;
}

/** The group's ballots for the brief (a workshop's: the alliance-wide ones). */
export interface BriefBallots {
  /** OPEN ballots, closing soonest first. */
  open: BriefBallot[];
  /** The latest closed ballots (at most RECENT_BALLOT_RESULTS), newest first. */
  recent: BriefBallot[];
}

interface BallotRow extends Omit<BriefBallot, 'whenLocal'> {
  state: 'OPEN' | 'CLOSED';
  at: Date;
}

/**
 * One statement: the OPEN ballots and the latest closed ones of the meeting's group (or alliance-wide for a
 * workshop) that the viewer may read (`ballotReadableBy`, as for the `ballot` query), with tallies only —
 * never who voted how, secret or not. RANKING results carry their priorities' titles in ranked order.
 */
export async function fetchBriefBallots(db: DataSource, viewer: Viewer, workingGroupId: string | null, timeZone: string): Promise<BriefBallots> {
  const rows = await querySql<BallotRow>(
    db,
    sql`SELECT * FROM (
          (SELECT b.title, b.kind, b.secret, b.state, b.closes_at AS at, b.eligible_count AS "eligibleCount", NULL::jsonb AS result,
                  (SELECT count(*)::int FROM ballot_votes v WHERE v.ballot_id = b.id) AS "votesCast"
           FROM ballots b WHERE b.state = 'OPEN' AND b.working_group_id IS NOT DISTINCT FROM ${workingGroupId}::uuid AND ${ballotReadableBy(viewer, 'b')}
           ORDER BY b.closes_at, b.id)
          UNION ALL
          (SELECT b.title, b.kind, b.secret, b.state, b.closed_at AS at, b.eligible_count AS "eligibleCount",
                  b.result || jsonb_build_object('ranking', COALESCE((
                    SELECT jsonb_agg(jsonb_build_object('title', p.title, 'points', (r->>'points')::int) ORDER BY (r->>'position')::int)
                    FROM jsonb_array_elements(b.result->'ranking') r JOIN priorities p ON p.id = (r->>'priorityId')::uuid), '[]'::jsonb)) AS result,
                  (SELECT count(*)::int FROM ballot_votes v WHERE v.ballot_id = b.id) AS "votesCast"
           FROM ballots b WHERE b.state = 'CLOSED' AND b.working_group_id IS NOT DISTINCT FROM ${workingGroupId}::uuid AND ${ballotReadableBy(viewer, 'b')}
           ORDER BY b.closed_at DESC, b.id LIMIT ${RECENT_BALLOT_RESULTS})
        ) ballots`,
  );
  const brief = ({ state: _state, at, ...row }: BallotRow): BriefBallot => ({ ...row, eligibleCount: row.eligibleCount ?? 0, whenLocal: formatLocalDateTime(at, timeZone) });
  return { open: rows.filter((r) => r.state === 'OPEN').map(brief), recent: rows.filter((r) => r.state === 'CLOSED').map(brief) };
}

/** A closed ballot's outcome in words (`Passed`, `Not passed`, `Ranked`, `No quorum`); null while open. */
export function ballotOutcome(ballot: BriefBallot): string | null {
  const { result } = ballot;
  if (!result) return null;
  return !result.quorumReached ? 'No quorum' : ballot.kind === 'RANKING' ? 'Ranked' : result.passed ? 'Passed' : 'Not passed';
}

/** `Open until 5 February 2026, 17:00 CET · 3 of 7 organisations voted · secret` */
export function ballotSummary(ballot: BriefBallot): string {
  const turnout = `${ballot.votesCast} of ${ballot.eligibleCount} organisations voted`;
  const secret = ballot.secret ? ' · secret' : '';
  if (!ballot.result) return `Open until ${ballot.whenLocal} · ${turnout}${secret}`;
  const { result } = ballot;
  const outcome = ballotOutcome(ballot);
  const tallies = ballot.kind === 'APPROVAL' ? ` · ${result.yes} yes, ${result.no} no, ${result.abstain} abstain` : '';
  return `${outcome} (closed ${ballot.whenLocal}) · ${turnout}${tallies}${secret}`;
}

/** A RANKING result's order: `1. Access to HPC (12 points); 2. …`, or empty. */
export function rankingSummary(ballot: BriefBallot): string {
  return (ballot.result?.ranking ?? []).map((r, i) => `${i + 1}. ${r.title} (${r.points} points)`).join('; ');
}
