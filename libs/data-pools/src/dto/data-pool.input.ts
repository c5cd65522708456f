import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, SingleLine, Trim } from '@app/core';
import { IsCountryCode } from '@app/marketplace';
import { Confidentiality } from '@app/proposals';
import { DataPoolRole, DataPoolState, UsagePurpose } from '../data-pools.enums';
import { LISTED_PURPOSES, MAX_ALLOWED_LOCATIONS } from '../pools/data-pool.model';

/** A century: anything longer is a typing mistake, not a retention period. */
export const MAX_RETENTION_DAYS = 36_500;

@InputType()
export class UsageTermsInput {
  @Field(() => [UsagePurpose], { description: 'At least one; repeats are ignored. COMMERCIAL_PRODUCT needs commercialUse.' })
  @ArrayMinSize(1, { message: 'purposes must name at least one purpose' })
  @ArrayMaxSize(LISTED_PURPOSES * 2)
  @IsEnum(UsagePurpose, { each: true })
  purposes: UsagePurpose[];

  @Field()
  @IsBoolean()
  commercialUse: boolean;

  @Field()
  @IsBoolean()
  derivedModelsShareable: boolean;

  @Field()
  @IsBoolean()
  onwardTransfer: boolean;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes, any case; empty or absent means any EU/EEA country. Repeats are ignored.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALLOWED_LOCATIONS)
  @IsCountryCode('allowedLocations', { each: true })
  allowedLocations?: string[] | null;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_RETENTION_DAYS}; null means until the pool closes.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'retentionDays must be at least 1' })
  @Max(MAX_RETENTION_DAYS)
  retentionDays?: number | null;

  @Field()
  @IsBoolean()
  attributionRequired: boolean;

  @Field()
  @IsBoolean()
  personalDataAllowed: boolean;
}

@InputType()
export class CreateDataPoolInput {
  @Field(() => ID, { description: 'The viewer needs a seat there other than OBSERVER (admins: any group).' })
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId: string;

  @Field(() => ID, {
    nullable: true,
    description: "A DATA_POOLING proposal of the same group that the viewer may read; its lead and consenting partners are invited as CONTRIBUTOR.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a proposal id' })
  proposalId?: string | null;

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
  @IsNotEmpty({ message: 'purpose must not be empty' })
  @MaxLength(10_000)
  purpose: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the creator's organisation; only admins name another." })
  @IsOptional()
  @IsUUID('all', { message: 'stewardOrganizationId must be an organisation id' })
  stewardOrganizationId?: string | null;

  @Field(() => Confidentiality, { nullable: true, description: 'WORKING_GROUP or PARTIES (the default); PUBLIC and MEMBERS are refused.' })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;

  @Field(() => UsageTermsInput)
  @ValidateNested()
  @Type(() => UsageTermsInput)
  terms: UsageTermsInput;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsInstant()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'In the future and after validFrom; the platform marks the pool EXPIRED then. Null: no end.' })
  @IsOptional()
  @IsInstant()
  validUntil?: Date | null;
}

@ArgsType()
export class DataPoolsArgs extends ConnectionArgs {
  @Field(() => DataPoolState, { nullable: true, description: 'Only pools in this state.' })
  @IsOptional()
  @IsEnum(DataPoolState)
  state?: DataPoolState | null;
}

@ArgsType()
export class UpdateDataPoolTermsArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => UsageTermsInput)
  @ValidateNested()
  @Type(() => UsageTermsInput)
  terms: UsageTermsInput;

  @Field(() => Date, { nullable: true, description: 'Absent: unchanged; null: no end; otherwise in the future and after validFrom.' })
  @IsOptional()
  @IsInstant()
  validUntil?: Date | null;
}

@ArgsType()
export class InviteToDataPoolArgs {
  @Field(() => ID)
  @IsString()
  poolId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => DataPoolRole, { description: 'CONTRIBUTOR, HOST or USER (a pool has one STEWARD, its creator).' })
  @IsEnum(DataPoolRole)
  role: DataPoolRole;
}

@ArgsType()
export class SignDataPoolArgs {
  @Field(() => ID)
  @IsString()
  poolId: string;

  @Field(() => ID, { description: "The viewer's own organisation." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => Int, { description: 'The version read; CONFLICT when it is no longer current.' })
  @IsInt()
  @Min(1)
  termsVersion: number;
}

@ArgsType()
export class WithdrawFromDataPoolArgs {
  @Field(() => ID)
  @IsString()
  poolId: string;

  @Field(() => ID, { description: "The viewer's own organisation (admins: any but the steward)." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => String, { nullable: true })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

@ArgsType()
export class ChangeDataPoolStateArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => DataPoolState)
  @IsEnum(DataPoolState)
  state: DataPoolState;

  @Field(() => String, { nullable: true, description: 'Kept in the history.' })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
