import { BallotKind, VoteChoice } from './ballots.enums';

/** What a closed ballot stores as its result (`ballots.result`). */
export interface BallotOutcome {
  quorumReached: boolean;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
  /** RANKING: every priority of the ballot, best first; empty for APPROVAL. */
  ranking: { priorityId: string; points: number; position: number }[];
}

export interface TallyInput {
  kind: BallotKind;
  quorumPercent: number;
  majorityPercent: number;
  eligibleCount: number;
  votes: { choice: VoteChoice | null; ranking: string[] | null }[];
  /** RANKING: the ballot's priorities with their current rank (lower is higher), which breaks ties. */
  priorities: { id: string; rank: number }[];
}

/**
 * The result of a ballot (DESIGN.md "Governance"). Quorum: votes cast, ABSTAIN included, are at least
 * `quorumPercent` % of the eligible organisations. APPROVAL passes with quorum when YES is more than
 * `majorityPercent` % of YES + NO. RANKING is a Borda count: with n priorities, a first place earns n points
 * … a last place 1, an unranked priority 0; ties go to the better current rank. A RANKING ballot "passes"
 * when it reached quorum. Integer arithmetic only, so the thresholds are exact.
 */
export function tally(input: TallyInput): BallotOutcome {
  const cast = input.votes.length;
  const quorumReached = input.eligibleCount > 0 && cast * 100 >= input.quorumPercent * input.eligibleCount;
  const count = (choice: VoteChoice) => input.votes.filter((v) => v.choice === choice).length;
  if (input.kind === BallotKind.APPROVAL) {
    const yes = count(VoteChoice.YES);
    const no = count(VoteChoice.NO);
    const abstain = count(VoteChoice.ABSTAIN);
    const passed = quorumReached && yes + no > 0 && yes * 100 > input.majorityPercent * (yes + no);
    return { quorumReached, yes, no, abstain, passed, ranking: [] };
  }
  const n = input.priorities.length;
  const points = new Map(input.priorities.map((p) => [p.id, 0]));
  for (const vote of input.votes) {
    (vote.ranking ?? []).forEach((id, index) => {
      const before = points.get(id);
      if (before !== undefined) points.set(id, before + n - index);
    });
  }
  const ranking = [...input.priorities]
    .sort((a, b) => points.get(b.id)! - points.get(a.id)! || a.rank - b.rank || a.id.localeCompare(b.id))
    .map((p, index) => ({ priorityId: p.id, points: points.get(p.id)!, position: index + 1 }));
  return { quorumReached, yes: 0, no: 0, abstain: 0, passed: quorumReached, ranking };
}
