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

export function lazyConnection<T>(loadPage: () => Promise<Page<T>>, loadCount: () => Promise<number>): Connection<T> {
  let page: Promise<Page<T>> | undefined;
  let count: Promise<number> | undefined;
  const pageOnce = () => (page ??= loadPage());
  return {
    get edges() {
      return pageOnce().then((p) => p.edges);
    },
    get pageInfo() {
      return pageOnce().then((p) => p.pageInfo);
    },
    get totalCount() {
      return (count ??= loadCount());
    },
  };
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
