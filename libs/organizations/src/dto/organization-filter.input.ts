import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLine } from '@app/core';
import { OrganizationKind } from '../organization-kind.enum';
import { IsCountryCode } from './is-country-code';

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or short name.' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
