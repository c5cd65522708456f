import { GqlContext, RequestLoaders } from '@app/core';

/**
 * What crosses the pub/sub broker: ids only. Each subscriber loads the row itself, with its own
 * viewer, so it sees exactly what it may read (and JSON through Redis keeps no Dates).
 */
export const NOTIFICATION_ADDED = 'notificationAdded';
export const PROPOSAL_CHANGED = 'proposalChanged';

export interface NotificationAddedMessage {
  notificationId: string;
  personId: string;
}

export interface ProposalChangedMessage {
  proposalId: string;
  workingGroupId: string;
}

/**
 * A subscription's context lives as long as the subscription; its loaders must not. Each event gets
 * fresh loaders, as each HTTP request does, so nested fields never come from an earlier event's cache.
 * The events of one subscription are filtered and executed one after another, so this is safe.
 */
export function renewLoaders(ctx: GqlContext): RequestLoaders {
  ctx.loaders = new RequestLoaders(ctx.loaders.dataSource, ctx.viewer);
  return ctx.loaders;
}

/**
 * Keeps the messages `keep` accepts, checked one after another for one subscriber. A failing check
 * drops that message (logged), not the subscription. `return()` goes straight to the source, which
 * ends a pending wait at once (an async generator would wait for the next message first).
 *
 * Filtering happens here rather than in `@Subscription({ filter })`: with a filter, @nestjs/apollo
 * turns an error from the subscribe call (a validation error on the arguments) into an iterator
 * that fails on its first pull, which reaches the client as a bare message without a code.
 */
export function filtered<T>(source: AsyncIterableIterator<T>, keep: (message: T) => boolean | Promise<boolean>, onError: (error: Error) => void): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return result;
        try {
          if (await keep(result.value)) return result;
        } catch (error) {
          onError(error as Error);
        }
      }
    },
    return: () => source.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error?: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
