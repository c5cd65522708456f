import { Module } from '@nestjs/common';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Global search: reads every domain below it through their read conditions and loaders, writes nothing. */
@Module({
  providers: [SearchService, SearchResolver],
  exports: [SearchService],
})
export class SearchModule {}
