import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Connection, countingConnection, Edge, lazyConnection, Page, pageArgs, querySql, RequestLoaders, Viewer } from '@app/core';
import { SearchArgs } from './dto/search.args';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { SearchHit } from './search-hit.model';
import { SearchKind } from './search-kind.enum';
import { asSearchResult } from './search-result.union';
import { SearchSource } from './search-source';
import { SEARCH_SOURCES } from './search-sources';
import { SearchCursor, searchCountStatement, searchPageStatement } from './search-statements';
import { parseSearchText, SearchText } from './search-text';

interface HitRow extends SearchCursor {
  snippet: string | null;
  /** Every hit, across pages: only when the page was read with its count. */
  total?: number;
}

@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Hits across every kind the viewer may read, best first. The text, the cursor and the kinds are checked
   * before anything is read; then a page is one statement for the hits, counted in it when `totalCount` is
   * asked for too (decision 110), and one per kind on it for the nodes (the request's loaders). `totalCount`
   * alone, or past the last hit, is one count statement.
   */
  search(viewer: Viewer, args: SearchArgs, loaders: RequestLoaders): Connection<SearchHit> {
    const text = parseSearchText(args.query);
    const { first, after } = pageArgs(args);
    const cursor = after === null ? null : decodeSearchCursor(after);
    const sources = args.kinds ? SEARCH_SOURCES.filter((source) => args.kinds!.includes(source.kind)) : SEARCH_SOURCES;
    if (sources.length === 0) return lazyConnection(async () => toPage([], false, cursor), async () => 0);
    return countingConnection(
      (withCount) => this.page(sources, viewer, text, cursor, first, loaders, withCount),
      async () => (await querySql<{ count: number }>(this.dataSource, searchCountStatement(sources, viewer, text)))[0].count,
    );
  }

  private async page(
    sources: readonly SearchSource[],
    viewer: Viewer,
    text: SearchText,
    cursor: SearchCursor | null,
    first: number,
    loaders: RequestLoaders,
    withCount: boolean,
  ): Promise<Page<SearchHit>> {
    const rows = await querySql<HitRow>(this.dataSource, searchPageStatement(sources, viewer, text, cursor, first + 1, withCount));
    const shown = rows.slice(0, first);
    const sourceOf = new Map<SearchKind, SearchSource>(sources.map((source) => [source.kind, source]));
    // Loaded together, so each kind's loader batches its ids into one statement.
    const nodes = await Promise.all(shown.map((row) => sourceOf.get(row.kind)!.load(loaders, row.id)));
    const edges: Edge<SearchHit>[] = [];
    shown.forEach((row, i) => {
      // Gone or no longer readable since the hits were read (another transaction in between): left out.
      const node = nodes[i];
      if (!node) return;
      const hit: SearchHit = { kind: row.kind, node: asSearchResult(node, sourceOf.get(row.kind)!.type), rank: Number(row.rank), snippet: row.snippet };
      edges.push({ cursor: encodeSearchCursor(row), node: hit });
    });
    // A page past the last hit has no row to carry the count: the connection then counts on its own.
    const totalCount = !withCount ? undefined : rows.length > 0 ? rows[0].total : cursor === null ? 0 : undefined;
    return toPage(edges, rows.length > first, cursor, totalCount);
  }
}

function toPage(edges: Edge<SearchHit>[], hasNextPage: boolean, after: SearchCursor | null, totalCount?: number): Page<SearchHit> {
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
