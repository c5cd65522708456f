import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, SingleLine } from '@app/core';

@InputType()
export class PersonFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'People holding a seat in this working group.' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the name.' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => PersonFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonFilter)
  filter?: PersonFilter | null;
}
