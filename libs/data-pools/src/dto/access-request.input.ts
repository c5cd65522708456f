import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, Trim } from '@app/core';
import { AccessRequestState, UsagePurpose } from '../data-pools.enums';

@ArgsType()
export class AccessRequestsArgs extends ConnectionArgs {
  @Field(() => AccessRequestState, { nullable: true, description: 'Only requests in this state.' })
  @IsOptional()
  @IsEnum(AccessRequestState)
  state?: AccessRequestState | null;
}

@ArgsType()
export class RequestDataAccessArgs {
  @Field(() => ID)
  @IsString()
  poolId: string;

  @Field(() => ID, { description: "The viewer's own organisation, a signatory that signed the current terms." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => UsagePurpose, { description: 'One the terms allow, else BAD_USER_INPUT PURPOSE_NOT_ALLOWED.' })
  @IsEnum(UsagePurpose)
  purpose: UsagePurpose;

  @Field()
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'justification must not be empty' })
  @MaxLength(5000)
  justification: string;
}

@ArgsType()
export class ChangeDataAccessRequestStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => AccessRequestState)
  @IsEnum(AccessRequestState)
  state: AccessRequestState;

  @Field(() => String, { nullable: true, description: 'Required for REJECTED and REVOKED.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only with APPROVED: in the future; the platform marks the approval EXPIRED then.' })
  @IsOptional()
  @IsInstant()
  expiresAt?: Date | null;
}
