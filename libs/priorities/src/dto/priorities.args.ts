import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { PriorityStatus } from '../priority.enums';

/** The most priorities one scope may hold in a reorder request (an input size limit). */
export const MAX_PRIORITIES_PER_SCOPE = 1000;

@ArgsType()
export class PriorityStatusArgs {
  @Field(() => PriorityStatus, { nullable: true, description: 'Only priorities in this status; all when omitted.' })
  @IsOptional()
  @IsEnum(PriorityStatus)
  status?: PriorityStatus | null;
}

@ArgsType()
export class PrioritiesArgs extends PriorityStatusArgs {
  @Field(() => ID, { nullable: true, description: 'Alliance-wide priorities when omitted.' })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;
}

@ArgsType()
export class ReorderPrioritiesArgs {
  @Field(() => ID, { nullable: true, description: 'Null for the alliance-wide priorities.' })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;

  @Field(() => [ID], { description: 'Every priority of the scope exactly once, most important first.' })
  @IsArray()
  @ArrayMaxSize(MAX_PRIORITIES_PER_SCOPE)
  @IsUUID('all', { each: true, message: 'orderedIds must hold priority ids' })
  orderedIds: string[];
}
