import { Args, Query, Resolver } from '@nestjs/graphql';
import { Context, CurrentViewer, GqlContext, Viewer } from '@app/core';
import { SearchArgs } from './dto/search.args';
import { SearchHitConnection } from './search-hit.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchHitConnection, {
    description:
      "Full-text search over everything the viewer may read: English and German stemming, accents ignored, prefixes ('Hamm' finds HammerHAI). Hits, snippets and totalCount follow each kind's own read rules.",
  })
  search(@CurrentViewer() viewer: Viewer, @Args() args: SearchArgs, @Context() ctx: GqlContext) {
    return this.service.search(viewer, args, ctx.loaders);
  }
}
