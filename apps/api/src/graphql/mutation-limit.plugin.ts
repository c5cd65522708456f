import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { GqlContext, RateLimitedError } from '@app/core';

const MINUTE_MS = 60_000;

/**
 * A token bucket per person: `perMinute` mutations at once (each root field of a mutation operation is one), refilled at `perMinute` a minute. In memory, per
 * instance (decision 65): taking a token is synchronous, so concurrent requests on one instance cannot both take
 * the last one, and it costs no SQL statement or network round trip per mutation.
 */
export class MutationLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweptAt = now();
  }

  /**
   * Takes `count` mutations from the person's allowance, all or none: 0 when allowed, else the seconds until
   * that many are allowed. A count above `perMinute` is never allowed (Infinity).
   */
  take(personId: string, count = 1): number {
    if (count > this.perMinute) return Infinity;
    const now = this.now();
    if (now - this.sweptAt > MINUTE_MS) this.sweep(now);
    const bucket = this.buckets.get(personId);
    const tokens = bucket ? this.refilled(bucket, now) : this.perMinute;
    if (tokens < count) {
      this.buckets.set(personId, { tokens, at: now });
      return Math.max(1, Math.ceil(((count - tokens) * MINUTE_MS) / this.perMinute / 1000));
    }
    this.buckets.set(personId, { tokens: tokens - count, at: now });
    return 0;
  }

  private refilled(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / MINUTE_MS);
  }

  /** Forgets people whose bucket is full again, so the map holds only the last minute's active writers. */
  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [personId, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.perMinute) this.buckets.delete(personId);
  }
}

/**
 * The mutations an operation asks for: its root fields, through inline fragments and fragment spreads (each
 * alias is one mutation; `__typename` is none). Directives are not evaluated: `@skip`ped fields count too.
 */
export function countRootFields(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      return fragment && !seen.has(name) ? sum + count(fragment, new Set([...seen, name])) : sum;
    }, 0);
  return count(operation.selectionSet, new Set());
}

/**
 * Refuses a signed-in person's mutation past their allowance before it executes: TOO_MANY_REQUESTS
 * (`reason` RATE_LIMITED, `retryAfterSeconds`), HTTP 429 with Retry-After. Anonymous mutations (sign-in) have
 * their own per-address and per-IP limits.
 */
export function mutationLimitPlugin(limiter: MutationLimiter): ApolloServerPlugin<GqlContext> {
  const listener: GraphQLRequestListener<GqlContext> = {
    async didResolveOperation({ operation, document, contextValue }) {
      if (operation?.operation !== 'mutation' || !contextValue.viewer) return;
      const mutations = countRootFields(operation, document);
      const wait = limiter.take(contextValue.viewer.id, mutations);
      if (wait === 0) return;
      // More mutations in one request than a minute allows can never pass: waiting a minute is the honest answer.
      const retryAfterSeconds = Number.isFinite(wait) ? wait : 60;
      const message = Number.isFinite(wait)
        ? `At most ${limiter.perMinute} mutations a minute; try again in ${retryAfterSeconds} s`
        : `At most ${limiter.perMinute} mutations a minute; this request asks for ${mutations} at once`;
      const original = new RateLimitedError(message, retryAfterSeconds);
      throw new GraphQLError(original.message, {
        originalError: original,
        extensions: { http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
      });
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
