import { ArgsType, Field } from '@nestjs/graphql';
import { SingleLine, Trim } from '@app/core';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RequestSignInLinkArgs {
  @Field()
  @SingleLine()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

@ArgsType()
export class SignInArgs {
  @Field({ description: 'The token from the emailed sign-in link.' })
  @SingleLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

@ArgsType()
export class CreateAccessTokenArgs {
  @Field({ description: 'What the token is for, e.g. "nightly export".' })
  @SingleLine()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;
}
