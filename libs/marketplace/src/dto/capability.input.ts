import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, IsInstant, SingleLine } from '@app/core';
import { AccessModel, CapabilityStatus, Certification, DataSensitivity, ResourceKind } from '../marketplace.enums';
import { IsCountryCode } from './country-code';
import { ListingInput } from './listing.input';

@InputType()
export class CapabilityInput extends ListingInput {
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
