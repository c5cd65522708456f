import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { GqlContext, RateLimitedError } from '@app/core';

const MINUTE_MS = 60_000;

/**
 * A token bucket per person: `perMinute` mutations at once, refilled at `perMinute` a minute. In memory, per
 * instance (decision 64): taking a token is synchronous, so concurrent requests on one instance cannot both take
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

  /** Takes one mutation from the person's allowance: 0 when allowed, else the seconds until one is allowed. */
  take(personId: string): number {
    const now = this.now();
    if (now - this.sweptAt > MINUTE_MS) this.sweep(now);
    const bucket = this.buckets.get(personId);
    const tokens = bucket ? this.refilled(bucket, now) : this.perMinute;
    if (tokens < 1) {
      this.buckets.set(personId, { tokens, at: now });
      return Math.max(1, Math.ceil(((1 - tokens) * MINUTE_MS) / this.perMinute / 1000));
    }
    this.buckets.set(personId, { tokens: tokens - 1, at: now });
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
 * Refuses a signed-in person's mutation past their allowance before it executes: TOO_MANY_REQUESTS
 * (`reason` RATE_LIMITED, `retryAfterSeconds`), HTTP 429 with Retry-After. Anonymous mutations (sign-in) have
 * their own per-address and per-IP limits.
 */
export function mutationLimitPlugin(limiter: MutationLimiter): ApolloServerPlugin<GqlContext> {
  const listener: GraphQLRequestListener<GqlContext> = {
    async didResolveOperation({ operation, contextValue }) {
      if (operation?.operation !== 'mutation' || !contextValue.viewer) return;
      const retryAfterSeconds = limiter.take(contextValue.viewer.id);
      if (retryAfterSeconds === 0) return;
      const original = new RateLimitedError(`At most ${limiter.perMinute} mutations a minute; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
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
