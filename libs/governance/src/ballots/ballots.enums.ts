import { registerEnumType } from '@nestjs/graphql';

export enum BallotKind {
  APPROVAL = 'APPROVAL',
  RANKING = 'RANKING',
}

export enum BallotState {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum VoteChoice {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
}

registerEnumType(BallotKind, {
  name: 'BallotKind',
  valuesMap: {
    APPROVAL: { description: 'YES / NO / ABSTAIN on a motion, optionally deciding a proposal under review' },
    RANKING: { description: "Each organisation ranks the ballot's priorities; Borda count (n points for first place … 1 for last)" },
  },
});
registerEnumType(BallotState, { name: 'BallotState' });
registerEnumType(VoteChoice, { name: 'VoteChoice' });
