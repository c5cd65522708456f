import { ArgsType, Field, Float, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, MultiLine, SingleLine, Trim } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { AccessModel, CapabilityStatus, Certification, DataSensitivity, ResourceKind, ResourceUnit } from '../marketplace.enums';
import { IsCountryCode } from './country-code';

/** Quantities above this are typing mistakes, not offers. */
export const MAX_QUANTITY = 1e12;

@InputType()
export class CapabilityInput {
  @Field(() => ID, { description: "The offering organisation: the viewer's own (admins: any)." })
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

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

  @Field(() => Date, { nullable: true, description: 'Null: available now.' })
  @IsOptional()
  @IsInstant()
  availableFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null: no end; not before availableFrom.' })
  @IsOptional()
  @IsInstant()
  availableUntil?: Date | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country where the resource runs, any case (stored upper case).' })
  @IsCountryCode('location')
  location: string;

  @Field(() => DataSensitivity, { description: 'The most sensitive data the provider is certified to handle.' })
  @IsEnum(DataSensitivity)
  maxSensitivity: DataSensitivity;

  @Field(() => [Certification], { nullable: true, description: 'Repeats are ignored.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(Certification).length * 2)
  @IsEnum(Certification, { each: true })
  certifications?: Certification[] | null;

  @Field(() => AccessModel)
  @IsEnum(AccessModel)
  accessModel: AccessModel;

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
export class UpdateCapabilityInput extends PartialType(OmitType(CapabilityInput, ['organizationId', 'kind'] as const)) {
  @Field(() => CapabilityStatus, { nullable: true, description: 'ACTIVE <-> PAUSED; any -> RETIRED (final).' })
  @IsOptional()
  @IsEnum(CapabilityStatus)
  status?: CapabilityStatus | null;
}

@InputType()
export class CapabilityFilter {
  @Field(() => ResourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ResourceKind)
  kind?: ResourceKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, any case.' })
  @IsOptional()
  @IsCountryCode('location')
  location?: string | null;

  @Field(() => DataSensitivity, { nullable: true, description: 'At least this level' })
  @IsOptional()
  @IsEnum(DataSensitivity)
  handles?: DataSensitivity | null;

  @Field(() => [Certification], { nullable: true, description: 'Holding all of them (TISAX_AL3 counts as TISAX_AL2).' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(Certification).length * 2)
  @IsEnum(Certification, { each: true })
  certifications?: Certification[] | null;

  @Field(() => CapabilityStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CapabilityStatus)
  status?: CapabilityStatus | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title and description (English and German).' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
export class CapabilitiesArgs extends ConnectionArgs {
  @Field(() => CapabilityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CapabilityFilter)
  filter?: CapabilityFilter | null;
}

@ArgsType()
export class UpdateCapabilityArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => UpdateCapabilityInput)
  @ValidateNested()
  @Type(() => UpdateCapabilityInput)
  input: UpdateCapabilityInput;
}
