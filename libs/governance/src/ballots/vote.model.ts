import { Field, ObjectType } from '@nestjs/graphql';
import { VoteChoice } from './ballots.enums';

/** An organisation's vote; its organisation, person and ranking are resolved fields. */
@ObjectType()
export class Vote {
  @Field(() => VoteChoice, { nullable: true })
  choice: VoteChoice | null;

  @Field()
  castAt: Date;
}
