import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client on `<base>/graphql`, authenticated in connection_init as a browser would be. */
export function wsClient(baseUrl: string, token?: string | null): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token === undefined || token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

export interface LiveSubscription<T = any> {
  /** Data of every `next` message, in order. */
  readonly events: T[];
  /** GraphQL errors (from `next` or `error` messages), or the close event that ended it. */
  readonly errors: unknown[];
  readonly completed: boolean;
  /** Resolves once `predicate(events)` holds; rejects after `timeoutMs`. */
  waitFor(predicate: (events: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the subscription ended (completed or failed). */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** Subscribes and records what arrives. */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  let done = false;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        if (message.errors) errors.push(...message.errors);
        if (message.data) events.push(message.data as T);
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        done = true;
      },
      complete: () => {
        completed = true;
        done = true;
      },
    },
  );
  const poll = async (check: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs} ms; events: ${JSON.stringify(events)}; errors: ${JSON.stringify(errors)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    events,
    errors,
    get completed() {
      return completed;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      await poll(() => predicate(events), timeoutMs, 'The awaited event');
      return events;
    },
    ended: (timeoutMs = 10_000) => poll(() => done, timeoutMs, 'The end of the subscription'),
    stop,
  };
}

/**
 * Repeats `trigger` until the subscription has received something `matches` accepts. A subscribe
 * message is processed asynchronously (token check, validation), and the protocol does not say when
 * it is live; this proves it is, so an event that later fails to arrive was filtered out, not early.
 */
export async function untilLive<T>(subscription: LiveSubscription<T>, trigger: () => Promise<void>, matches: (event: T) => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await trigger();
    try {
      await subscription.waitFor((events) => events.some(matches), 500);
      return;
    } catch {
      // not live yet: trigger again
    }
  }
  throw new Error(`The subscription received nothing in ${timeoutMs} ms; errors: ${JSON.stringify(subscription.errors)}`);
}

/** Connects and resolves with the close code when the server closes the socket (or 0 if it stays open). */
export function closeCodeOf(client: Client, waitMs = 5000): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(0), waitMs);
    client.on('closed', (event) => {
      clearTimeout(timer);
      resolve((event as { code: number }).code);
    });
    // Any operation opens the (lazy) connection.
    client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  });
}

export interface OpenSocket {
  /** Resolves with the code the socket was closed with, or 0 if it is still open after `waitMs`. */
  closeCode(waitMs: number): Promise<number>;
}

/**
 * Opens the client's socket with a subscription that stays open, and resolves once the server has
 * acknowledged the connection (the token was accepted).
 */
export function openSocket(client: Client, query = 'subscription { notificationAdded { id } }'): Promise<OpenSocket> {
  let code: number | undefined;
  const closed = new Promise<number>((resolve) =>
    client.on('closed', (event) => {
      code = (event as { code: number }).code;
      resolve(code);
    }),
  );
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  client.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  return Promise.race([connected, closed.then((c) => Promise.reject(new Error(`closed with ${c} before it was acknowledged`)))]).then(() => ({
    closeCode: (waitMs: number) => (code !== undefined ? Promise.resolve(code) : Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(0), waitMs).unref())])),
  }));
}
