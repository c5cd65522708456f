import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { SearchKind } from './search-kind.enum';
import { SearchResult } from './search-result.union';

@ObjectType({ description: 'One thing search found, with how well it matched and where.' })
export class SearchHit {
  @Field(() => SearchKind)
  kind: SearchKind;

  @Field(() => SearchResult)
  node: object;

  @Field(() => Float, { description: 'Relevance, higher is better; hits are ordered by it' })
  rank: number;

  @Field(() => String, {
    nullable: true,
    description: 'A short excerpt with the matched words between « and » (plain text: escape it before showing it as HTML)',
  })
  snippet: string | null;
}

@ObjectType()
export class SearchHitConnection extends Paginated(SearchHit) {}
