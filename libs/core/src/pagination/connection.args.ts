import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { SingleLine } from '../validation/text-lines';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE} (larger values are capped).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to continue after.' })
  @SingleLine()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string | null;
}

export interface PageArgs {
  first: number;
  after: string | null;
}

export function pageArgs(args: { first?: number | null; after?: string | null }): PageArgs {
  return { first: Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), after: args.after ?? null };
}
