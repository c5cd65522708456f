import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * All rows matching, across pages, when the statement that read the page counted them too (a window
   * `count(*) OVER ()` before the cursor and the limit); absent when it did not, or could not (a page past
   * the last row has no row to carry it). The connection's `totalCount` then runs its own count.
   */
  totalCount?: number;
}

/**
 * A connection whose parts load only when a client asks for them: `totalCount` alone costs one COUNT,
 * `edges` alone one page query. The parts are getters, so GraphQL's default resolver starts the
 * query only when it reads the field.
 */
export interface Connection<T> {
  readonly edges: Promise<Edge<T>[]>;
  readonly pageInfo: Promise<PageInfo>;
  readonly totalCount: Promise<number>;
}

/**
 * Loads a page; `withCount` says that `totalCount` was asked for too, so the loader should count in the
 * page's own statement and set `Page.totalCount` (only loaders given to `countingConnection` are asked).
 */
export type PageLoader<T> = (withCount: boolean) => Promise<Page<T>>;

/**
 * The lazy connection as a class: its getters live once on the prototype. A getter written in an object
 * literal (or added with `Object.defineProperty`) gets its own accessor pair, which V8 allocates in the
 * old generation; from there it keeps the getter's closure, and the whole page it captured, alive through
 * young-generation collections until the next full one (decision 53).
 */
export class LazyConnection<T> implements Connection<T> {
  protected page?: Promise<Page<T>>;
  protected count?: Promise<number>;

  constructor(
    protected readonly loadPage: PageLoader<T>,
    protected readonly loadCount: () => Promise<number>,
  ) {}

  get edges(): Promise<Edge<T>[]> {
    return this.pageOnce().then((p) => p.edges);
  }

  get pageInfo(): Promise<PageInfo> {
    return this.pageOnce().then((p) => p.pageInfo);
  }

  get totalCount(): Promise<number> {
    return (this.count ??= this.loadCount());
  }

  protected pageOnce(): Promise<Page<T>> {
    return (this.page ??= this.loadPage(false));
  }
}

/**
 * A lazy connection whose page can bring its `totalCount` from the same statement (decision 110). GraphQL
 * executors read all the fields a client selected on the connection in one synchronous pass, so both parts
 * wait one microtask before they load: by then the page knows whether `totalCount` was asked for (and asks
 * its loader to count), and `totalCount` knows whether a page is on its way (and takes the page's count). If
 * the page brings none, or no page was asked for, `totalCount` runs its own count: never a wrong number, at
 * worst the statement it always cost.
 */
export class CountingConnection<T> extends LazyConnection<T> {
  private countAsked = false;

  override get totalCount(): Promise<number> {
    this.countAsked = true;
    return (this.count ??= Promise.resolve().then(() => (this.page ? this.page.then((p) => p.totalCount ?? this.loadCount()) : this.loadCount())));
  }

  protected override pageOnce(): Promise<Page<T>> {
    return (this.page ??= Promise.resolve().then(() => this.loadPage(this.countAsked)));
  }
}

export function lazyConnection<T>(loadPage: () => Promise<Page<T>>, loadCount: () => Promise<number>): Connection<T> {
  return new LazyConnection(loadPage, loadCount);
}

/** `lazyConnection` for a loader that counts in its page's statement when asked (`CountingConnection`). */
export function countingConnection<T>(loadPage: PageLoader<T>, loadCount: () => Promise<number>): Connection<T> {
  return new CountingConnection(loadPage, loadCount);
}

/**
 * The `XEdge` types `Paginated` has declared. An edge's `node` is the row itself, never a promise
 * (`Edge<T>.node: T`), so the API reads it without a resolver call (`withoutPlainFieldResolvers`).
 */
export const EDGE_TYPE_NAMES = new Set<string>();

/**
 * Base class for `XConnection` types; also declares `XEdge`. Use as
 * `@ObjectType() class OrganizationConnection extends Paginated(Organization) {}`.
 */
export function Paginated<T>(classRef: Type<T>): Type<Connection<T>> {
  EDGE_TYPE_NAMES.add(`${classRef.name}Edge`);
  @ObjectType(`${classRef.name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque cursor; pass it as `after` to continue after this edge.' })
    cursor: string;

    @Field(() => classRef)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: Promise<Edge<T>[]>;

    @Field(() => PageInfo)
    pageInfo: Promise<PageInfo>;

    @Field(() => Int, { description: 'All rows matching, across pages, that the viewer may read.' })
    totalCount: Promise<number>;
  }
  return ConnectionType as unknown as Type<Connection<T>>;
}
