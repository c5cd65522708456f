import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs, SingleLine } from '@app/core';
import { SearchKind } from '../search-kind.enum';
import { SEARCH_TEXT_MAX_LENGTH, SEARCH_TEXT_MAX_WORDS } from '../search-text';

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({
    description: `What to look for: up to ${SEARCH_TEXT_MAX_LENGTH} characters and ${SEARCH_TEXT_MAX_WORDS} words, every word must match (as a prefix from two letters on); operators and quotes are read as spaces.`,
  })
  @SingleLine()
  @IsString()
  @MaxLength(SEARCH_TEXT_MAX_LENGTH, { message: `query must be at most ${SEARCH_TEXT_MAX_LENGTH} characters` })
  query: string;

  @Field(() => [SearchKind], { nullable: true, description: 'Only these kinds; every kind when omitted (an empty list finds nothing).' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(SearchKind).length)
  @IsEnum(SearchKind, { each: true, message: 'kinds must be SearchKind values' })
  kinds?: SearchKind[] | null;
}
