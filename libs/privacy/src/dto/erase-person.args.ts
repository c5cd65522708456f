import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MultiLine, Trim } from '@app/core';

@ArgsType()
export class ErasePersonArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  personId: string;

  @Field({ description: 'Why (the request, the ticket); kept in the audit log with the name and email removed' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MultiLine()
  @MaxLength(1000)
  reason: string;
}
