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

@ObjectType({
  description:
    "What the viewer may do with an introduction now, by the rules the mutations apply (which side the viewer speaks for, " +
    'its state). True means the mutation would not be refused for who the viewer is or the state the introduction is in.',
})
export class IntroductionViewerCan {
  @Field({ description: "changeIntroductionState to ACCEPTED: the provider's people and admins, while REQUESTED." })
  accept: boolean;

  @Field({ description: "changeIntroductionState to DECLINED (with an optional note): the provider's people and admins, while REQUESTED." })
  decline: boolean;

  @Field({ description: "changeIntroductionState to WITHDRAWN: the need's organisation's people and admins, while REQUESTED." })
  withdraw: boolean;

  @Field({
    description:
      "startProposalFromIntroduction: the need's organisation's own people, once ACCEPTED and while no proposal was started; the " +
      'group must be one where they hold a seat other than OBSERVER (WorkingGroup.viewerCan.createProposal).',
  })
  startProposal: boolean;
}
