import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, SingleLine } from '@app/core';

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a person id' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor's organisation" })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Proposal, DataPool, Person' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. PROPOSAL_STATE_CHANGED' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this instant' })
  @IsOptional()
  @IsInstant()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilter)
  filter?: AuditFilter | null;
}
