import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { OrganizationKind } from '../organization-kind.enum';

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or short name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
