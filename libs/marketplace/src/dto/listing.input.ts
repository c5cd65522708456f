import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength } from 'class-validator';
import { MultiLine, SingleLine, Trim } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { ResourceKind, ResourceUnit } from '../marketplace.enums';

/** Quantities above this are typing mistakes, not offers. */
export const MAX_QUANTITY = 1e12;

/** The fields a capability and a need share, with the same rules. */
@InputType({ isAbstract: true })
export abstract class ListingInput {
  @Field(() => ID, { description: "The organisation it belongs to: the viewer's own (admins: any)." })
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

  @Field(() => Confidentiality, { nullable: true, description: 'PUBLIC, MEMBERS (the default) or WORKING_GROUP (with workingGroupId).' })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality | null;

  @Field(() => ID, { nullable: true, description: 'The group whose participants may see it; exactly with WORKING_GROUP.' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string | null;
}
