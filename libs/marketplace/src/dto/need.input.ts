import { ArgsType, Field, Float, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, SingleLine, Trim } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { Certification, DataSensitivity, NeedStatus, ResourceKind, ResourceUnit } from '../marketplace.enums';
import { MAX_ALLOWED_LOCATIONS } from '../needs/need.model';
import { MAX_QUANTITY } from './capability.input';
import { IsCountryCode } from './country-code';

@InputType()
export class ResourceNeedInput {
  @Field(() => ID, { description: "The organisation in need: the viewer's own (admins: any)." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'A proposal the organisation authored or leads, that the viewer may read.' })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a proposal id' })
  proposalId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide the organisation, proposal and people from providers until an introduction is accepted (false by default).' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => ResourceKind)
  @IsEnum(ResourceKind)
  kind: ResourceKind;

  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'Greater than 0; needs a unit.' })
  @IsOptional()
  @IsPositive({ message: 'quantity must be greater than 0' })
  @Max(MAX_QUANTITY)
  quantity?: number | null;

  @Field(() => ResourceUnit, { nullable: true, description: 'Needs a quantity.' })
  @IsOptional()
  @IsEnum(ResourceUnit)
  unit?: ResourceUnit | null;

  @Field(() => Date, { nullable: true, description: 'Null: from now.' })
  @IsOptional()
  @IsInstant()
  neededFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null: no end; not before neededFrom.' })
  @IsOptional()
  @IsInstant()
  neededUntil?: Date | null;

  @Field(() => DataSensitivity)
  @IsEnum(DataSensitivity)
  sensitivity: DataSensitivity;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes, any case; empty or absent means any EU/EEA country. Repeats are ignored.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALLOWED_LOCATIONS)
  @IsCountryCode('allowedLocations', { each: true })
  allowedLocations?: string[] | null;

  @Field(() => [Certification], { nullable: true, description: 'Repeats are ignored.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(Certification).length * 2)
  @IsEnum(Certification, { each: true })
  requiredCertifications?: Certification[] | null;

  @Field(() => Confidentiality, { nullable: true, description: 'PUBLIC, MEMBERS (the default) or WORKING_GROUP (with workingGroupId).' })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;

  @Field(() => ID, { nullable: true, description: 'The group whose participants may see it; exactly with WORKING_GROUP.' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;
}

@InputType()
export class UpdateResourceNeedInput extends PartialType(OmitType(ResourceNeedInput, ['organizationId', 'proposalId', 'kind'] as const)) {
  @Field(() => NeedStatus, { nullable: true, description: 'OPEN -> FULFILLED | CLOSED (both final).' })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus | null;
}

@InputType()
export class ResourceNeedFilter {
  @Field(() => ResourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind)
  kind?: ResourceKind | null;

  @Field(() => ID, { nullable: true, description: "That organisation's needs; its anonymous ones only for those who may see their owner." })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId?: string | null;

  @Field(() => NeedStatus, { nullable: true })
  @IsOptional()
  @IsEnum(NeedStatus)
  status?: NeedStatus | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title and description (English and German).' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class ResourceNeedsArgs extends ConnectionArgs {
  @Field(() => ResourceNeedFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceNeedFilter)
  filter?: ResourceNeedFilter | null;
}

@ArgsType()
export class UpdateResourceNeedArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => UpdateResourceNeedInput)
  @ValidateNested()
  @Type(() => UpdateResourceNeedInput)
  input: UpdateResourceNeedInput;
}
