import { BallotKind, VoteChoice } from './ballots.enums';
import { tally } from './ballot-tally';

const approval = (eligibleCount: number, choices: VoteChoice[], quorumPercent = 50, majorityPercent = 50) =>
  tally({ kind: BallotKind.APPROVAL, quorumPercent, majorityPercent, eligibleCount, votes: choices.map((choice) => ({ choice, ranking: null })), priorities: [] });
const { YES, NO, ABSTAIN } = VoteChoice;

describe(tally.name, () => {
  it('reaches quorum exactly at the threshold, ABSTAIN included', () => {
    expect(approval(4, [YES, ABSTAIN]).quorumReached).toBe(true);
    expect(approval(4, [YES]).quorumReached).toBe(false);
    expect(approval(3, [YES, NO], 67).quorumReached).toBe(false);
    expect(approval(3, [YES, NO], 66).quorumReached).toBe(true);
  });

  it('needs YES to exceed the majority share, not to equal it', () => {
    expect(approval(4, [YES, NO, YES, NO]).passed).toBe(false);
    expect(approval(4, [YES, NO, YES, YES]).passed).toBe(true);
    expect(approval(5, [YES, YES, NO, ABSTAIN, ABSTAIN], 50, 66).passed).toBe(true);
    expect(approval(3, [YES, YES, NO], 50, 67).passed).toBe(false);
    expect(approval(3, [YES, YES, NO], 50, 66).passed).toBe(true);
  });

  it('does not pass without quorum or with only abstentions', () => {
    expect(approval(10, [YES, YES]).passed).toBe(false);
    expect(approval(2, [ABSTAIN, ABSTAIN])).toMatchObject({ quorumReached: true, passed: false, abstain: 2 });
  });

  it('counts Borda points and breaks ties by the current rank', () => {
    const result = tally({
      kind: BallotKind.RANKING,
      quorumPercent: 50,
      majorityPercent: 50,
      eligibleCount: 2,
      votes: [
        { choice: null, ranking: ['a', 'b', 'c'] },
        { choice: null, ranking: ['c', 'b'] },
      ],
      priorities: [
        { id: 'a', rank: 3 },
        { id: 'b', rank: 2 },
        { id: 'c', rank: 1 },
      ],
    });
    // a: 3 + 0; b: 2 + 2; c: 1 + 3 — b and c tie at 4, c has the better rank.
    expect(result.ranking).toEqual([
      { priorityId: 'c', points: 4, position: 1 },
      { priorityId: 'b', points: 4, position: 2 },
      { priorityId: 'a', points: 3, position: 3 },
    ]);
    expect(result.passed).toBe(true);
  });
});
