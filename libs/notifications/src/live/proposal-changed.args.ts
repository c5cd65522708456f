import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class ProposalChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only proposals of this working group.' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;
}
