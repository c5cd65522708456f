import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, MultiLine, SingleLine, Trim } from '@app/core';
import { Confidentiality, OrderDirection, PartnerConsent, ProposalKind, ProposalOrderField, ProposalState } from '../proposal.enums';

@InputType()
export class CreateProposalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId: string;

  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field()
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'summary must not be empty' })
  @MaxLength(2000)
  summary: string;

  @Field({ description: 'Markdown' })
  @MultiLine()
  @IsString()
  @MaxLength(100_000)
  body: string;

  @Field(() => ProposalKind)
  @IsEnum(ProposalKind)
  kind: ProposalKind;

  @Field(() => Confidentiality, { nullable: true, description: 'WORKING_GROUP by default.' })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the author's organisation." })
  @IsOptional()
  @IsUUID('all', { message: 'leadOrganizationId must be an organisation id' })
  leadOrganizationId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Priorities of the proposal's group or alliance-wide ones." })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'priorityIds must be priority ids' })
  priorityIds?: string[] | null;
}

@InputType()
export class UpdateProposalInput extends PartialType(OmitType(CreateProposalInput, ['workingGroupId', 'leadOrganizationId'] as const)) {}

@InputType()
export class ProposalOrder {
  @Field(() => ProposalOrderField)
  @IsEnum(ProposalOrderField)
  field: ProposalOrderField;

  @Field(() => OrderDirection)
  @IsEnum(OrderDirection)
  direction: OrderDirection;
}

@InputType()
export class ProposalFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;

  @Field(() => [ProposalState], { nullable: true })
  @IsOptional()
  // A longer list necessarily repeats a state.
  @ArrayMaxSize(Object.keys(ProposalState).length)
  @IsEnum(ProposalState, { each: true })
  states?: ProposalState[] | null;

  @Field(() => [ProposalKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ProposalKind).length)
  @IsEnum(ProposalKind, { each: true })
  kinds?: ProposalKind[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'leadOrganizationId must be an organisation id' })
  leadOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'partnerOrganizationId must be an organisation id' })
  partnerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'priorityId must be a priority id' })
  priorityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title, summary and body (English and German).' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class ProposalsArgs extends ConnectionArgs {
  @Field(() => ProposalFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalFilter)
  filter?: ProposalFilter | null;

  @Field(() => ProposalOrder, { nullable: true, description: 'Newest first by default.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalOrder)
  orderBy?: ProposalOrder | null;
}

@ArgsType()
export class UpdateProposalArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => UpdateProposalInput)
  @ValidateNested()
  @Type(() => UpdateProposalInput)
  input: UpdateProposalInput;
}

@ArgsType()
export class ChangeProposalStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ProposalState)
  @IsEnum(ProposalState)
  state: ProposalState;

  @Field(() => String, { nullable: true, description: 'Why; required for REJECTED.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

@ArgsType()
export class InvitePartnerArgs {
  @Field(() => ID)
  @IsString()
  proposalId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'What the partner brings, e.g. "data provider".' })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string | null;
}

@ArgsType()
export class RespondToPartnerInvitationArgs {
  @Field(() => ID)
  @IsString()
  proposalId: string;

  @Field(() => PartnerConsent, { description: 'CONSENTED or DECLINED.' })
  @IsEnum(PartnerConsent)
  consent: PartnerConsent;
}

@ArgsType()
export class RespondToLeadInvitationArgs extends RespondToPartnerInvitationArgs {}

@ArgsType()
export class AddCommentArgs {
  @Field(() => ID)
  @IsString()
  proposalId: string;

  @Field()
  @MultiLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(20_000)
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to (same proposal).' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a comment id' })
  parentId?: string | null;
}
