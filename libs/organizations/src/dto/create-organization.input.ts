import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { MultiLine, SingleLine, Trim } from '@app/core';
import { OrganizationKind } from '../organization-kind.enum';
import { IsCountryCode } from './is-country-code';

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'Unique, case-insensitively.' })
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  shortName?: string | null;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. DE' })
  @SingleLine()
  @IsCountryCode()
  country: string;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @MultiLine()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}
