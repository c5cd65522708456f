import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

export type PlatformRoleValue = 'ADMIN' | 'COUNSEL' | 'MEMBER';
export type LocaleValue = 'EN' | 'DE' | 'FR';

/** The signed-in person making the request. */
export interface Viewer {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  role: PlatformRoleValue;
  locale: LocaleValue;
  timezone: string;
  credential: { kind: 'session' | 'access-token'; id: string };
}

/**
 * Per-request DataLoader sets, created on first use by a lib's `createXLoaders` factory and kept for
 * the rest of the request, so every relation field is batched without request-scoped providers.
 */
export class RequestLoaders {
  private readonly sets = new Map<unknown, unknown>();

  constructor(
    readonly dataSource: DataSource,
    readonly viewer: Viewer | null,
  ) {}

  of<T>(factory: (dataSource: DataSource, viewer: Viewer | null) => T): T {
    let set = this.sets.get(factory) as T | undefined;
    if (set === undefined) {
      set = factory(this.dataSource, this.viewer);
      this.sets.set(factory, set);
    }
    return set;
  }
}

export interface GqlContext {
  req: { ip?: string; headers: Record<string, string | string[] | undefined> };
  viewer: Viewer | null;
  /** Why a presented token was not accepted, for the UNAUTHENTICATED message. */
  authProblem?: string;
  loaders: RequestLoaders;
  /** List items resolved so far for this answer (HTTP operations only; see apps/api's response-budget.ts). */
  responseItems?: number;
}

export const IS_PUBLIC = Symbol('IS_PUBLIC');

/** Lets anonymous clients call an operation (sign-in mutations); everything else needs a viewer. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export function gqlContext(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** The signed-in viewer (the global guard guarantees one on non-public operations). */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => gqlContext(context).viewer!);

/** The whole GraphQL context (loaders, request). */
export const Context = createParamDecorator((_: unknown, context: ExecutionContext): GqlContext => gqlContext(context));
