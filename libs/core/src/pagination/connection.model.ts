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
 * The lazy connection as a class: its getters live once on the prototype. A getter written in an object
 * literal (or added with `Object.defineProperty`) gets its own accessor pair, which V8 allocates in the
 * old generation; from there it keeps the getter's closure, and the whole page it captured, alive through
 * young-generation collections until the next full one (decision 53).
 */
export class LazyConnection<T> implements Connection<T> {
  private page?: Promise<Page<T>>;
  private count?: Promise<number>;

  constructor(
    private readonly loadPage: () => Promise<Page<T>>,
    private readonly loadCount: () => Promise<number>,
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

  private pageOnce(): Promise<Page<T>> {
    return (this.page ??= this.loadPage());
  }
}

export function lazyConnection<T>(loadPage: () => Promise<Page<T>>, loadCount: () => Promise<number>): Connection<T> {
  return new LazyConnection(loadPage, loadCount);
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
