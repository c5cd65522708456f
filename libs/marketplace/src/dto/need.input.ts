import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, SingleLine } from '@app/core';
import { Certification, DataSensitivity, NeedStatus, ResourceKind } from '../marketplace.enums';
import { MAX_ALLOWED_LOCATIONS } from '../needs/need.model';
import { IsCountryCode } from './country-code';
import { ListingInput } from './listing.input';

@InputType()
export class ResourceNeedInput extends ListingInput {
  @Field(() => ID, { nullable: true, description: 'A proposal the organisation authored or leads, that the viewer may read.' })
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be a proposal id' })
  proposalId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide the organisation, proposal and people from providers until an introduction is accepted (false by default).' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

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
