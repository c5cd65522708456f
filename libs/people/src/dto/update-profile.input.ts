import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLine, Trim } from '@app/core';
import { Locale } from '../person.enums';
import { IsTimeZone } from './is-time-zone';

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => String, { nullable: true })
  @SingleLine()
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;
}
