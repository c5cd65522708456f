import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SingleLine, Trim } from '@app/core';
import { Locale, PlatformRole } from '../person.enums';
import { IsTimeZone } from './is-time-zone';

@InputType()
export class InvitePersonInput {
  @Field({ description: 'Unique, case-insensitively.' })
  @SingleLine()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an organisation id' })
  organizationId: string;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => Locale, { nullable: true, description: 'EN by default.' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; Europe/Brussels by default.' })
  @SingleLine()
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @Field(() => PlatformRole, { nullable: true, description: 'MEMBER by default.' })
  @IsOptional()
  @IsEnum(PlatformRole)
  role?: PlatformRole | null;
}
