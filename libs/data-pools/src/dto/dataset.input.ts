import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MultiLine, SingleLine, Trim } from '@app/core';
import { DataSensitivity, IsCountryCode } from '@app/marketplace';
import { DataModality } from '../data-pools.enums';
import { IsLicense } from './license';

/** Sizes above this are typing mistakes (a zettabyte; a million years of driving; a light-year). */
const MAX_MEASURE = 1e21;

@InputType({ description: 'A dataset for the catalogue, checked against the terms: location allowed, personal data only when allowed and with a legal basis.' })
export class DatasetInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'poolId must be a data pool id' })
  poolId: string;

  @Field(() => ID, { description: "The viewer's organisation (admins: any): a CONTRIBUTOR or the STEWARD that signed the current terms." })
  @IsUUID('all', { message: 'contributorOrganizationId must be an organisation id' })
  contributorOrganizationId: string;

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

  @Field(() => DataModality)
  @IsEnum(DataModality)
  modality: DataModality;

  @Field(() => Float, { nullable: true, description: '0 or more.' })
  @IsOptional()
  @Min(0, { message: 'sizeBytes must not be negative' })
  @Max(MAX_MEASURE)
  sizeBytes?: number | null;

  @Field(() => Float, { nullable: true, description: '0 or more.' })
  @IsOptional()
  @Min(0, { message: 'recordingHours must not be negative' })
  @Max(MAX_MEASURE)
  recordingHours?: number | null;

  @Field(() => Float, { nullable: true, description: '0 or more.' })
  @IsOptional()
  @Min(0, { message: 'distanceKm must not be negative' })
  @Max(MAX_MEASURE)
  distanceKm?: number | null;

  @Field(() => DataSensitivity)
  @IsEnum(DataSensitivity)
  sensitivity: DataSensitivity;

  @Field({ description: 'An SPDX licence id (any case; stored in SPDX case), or LicenseRef-proprietary.' })
  @IsLicense()
  license: string;

  @Field(() => ID, { nullable: true, description: 'An organisation invited to the pool as HOST (not withdrawn).' })
  @IsOptional()
  @IsUUID('all', { message: 'hostedByOrganizationId must be an organisation id' })
  hostedByOrganizationId?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, any case; one the terms allow (empty allowedLocations: an EU/EEA country).' })
  @IsCountryCode('location')
  location: string;

  @Field({ description: 'Refused when the terms do not allow personal data; needs legalBasis.' })
  @IsBoolean()
  personalData: boolean;

  @Field()
  @IsBoolean()
  anonymised: boolean;

  @Field(() => String, { nullable: true, description: 'GDPR Art. 6 basis, e.g. "Art. 6(1)(f) legitimate interests"; required when personalData.' })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  legalBasis?: string | null;
}
