import { Field, ID, ObjectType } from '@nestjs/graphql';
import { IntroductionState } from '../marketplace.enums';

@ObjectType({ description: "A need's owner asks a provider to talk; accepting reveals each side's contact to the other." })
export class Introduction {
  @Field(() => ID)
  id: string;

  @Field(() => IntroductionState)
  state: IntroductionState;

  @Field(() => String, { nullable: true, description: "The requester's words to the provider." })
  message: string | null;

  @Field(() => String, { nullable: true, description: 'The note given with the answer (or the withdrawal).' })
  answerNote: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined or withdrawn; null while REQUESTED.' })
  answeredAt: Date | null;
}
