import { randomUUID } from "node:crypto";
import { Redis, RedisOptions } from "ioredis";

/** How the link reports on itself; the owner logs. */
export interface RedisLinkLog {
  down(reason: string): void;
  up(): void;
}

/** Reconnect backing off by 200 ms per attempt, up to 5 s, forever. */
const retryStrategy = (times: number): number => Math.min(times * 200, 5000);

/**
 * How long a connection may take to become ready (or to come back) before Redis counts as unreachable,
 * also when nothing reports an error (a service that accepts the connection and never answers).
 */
const READY_GRACE_MS = 5000;

/** A publish that got no answer by then is dropped (a hung server must not pile up commands). */
const COMMAND_TIMEOUT_MS = 5000;

/**
 * Carries events between processes through Redis pub/sub, without ever making anyone wait for Redis.
 *
 * - Publishing is fire and forget, and only while the publisher connection is ready: nothing is queued
 *   for later (an event is only worth its moment) and no request waits for Redis.
 * - Each process delivers its own events to its own subscribers itself (PubSubService); every message
 *   carries this process's `origin`, and the link drops its own when they come back. So the local
 *   fan-out does not depend on Redis, and nothing arrives twice.
 * - The subscriber connection subscribes to a channel once something in this process listens to it,
 *   and again after every reconnect (ioredis's own resubscription is off: a subscribe sent while Redis
 *   was away would be lost). No per-subscriber Redis command exists, so no per-subscriber promise can
 *   fail unhandled (what made the process exit after ~20 failed retries before).
 * - One outage is reported once (`down`), however many connections and retries fail, and its end once
 *   (`up`).
 */
export class RedisLink {
  private readonly origin = randomUUID();
  private readonly publisher: Redis;
  private subscriber?: Redis;
  private readonly channels = new Set<string>();
  private reportedDown = false;
  private lastError = "";
  private graceTimer?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly url: string,
    private readonly deliver: (channel: string, payload: unknown) => void,
    private readonly log: RedisLinkLog,
  ) {
    this.publisher = this.connect("publisher");
  }

  /** Whether events currently travel between processes. */
  get connected(): boolean {
    return (
      this.publisher.status === "ready" &&
      (!this.subscriber || this.subscriber.status === "ready")
    );
  }

  publish(channel: string, payload: unknown): void {
    if (this.publisher.status !== "ready") return;
    this.publisher
      .publish(channel, JSON.stringify({ origin: this.origin, payload }))
      .catch((error: Error) => this.trouble(error));
  }

  /** Receive what other processes publish on `channel` from now on (while Redis is reachable). */
  listen(channel: string): void {
    if (this.channels.has(channel)) return;
    this.channels.add(channel);
    if (!this.subscriber) {
      this.subscriber = this.connect("subscriber", { autoResubscribe: false });
      this.subscriber.on("message", (from: string, message: string) =>
        this.received(from, message),
      );
    } else if (this.subscriber.status === "ready") {
      this.subscriber
        .subscribe(channel)
        .catch((error: Error) => this.trouble(error));
    }
  }

  /** QUIT flushes what is on its way; an unreachable Redis must not hold the shutdown, so it is bounded. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.graceTimer);
    const clients = [this.publisher, this.subscriber].filter(
      (c): c is Redis => c !== undefined,
    );
    const quit = Promise.allSettled(clients.map((c) => c.quit()));
    await Promise.race([
      quit,
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
    for (const client of clients) client.disconnect();
  }

  private connect(role: string, options: RedisOptions = {}): Redis {
    const client = new Redis(this.url, {
      connectionName: `ecava-${role}`,
      retryStrategy,
      // Nothing waits in ioredis for a connection: commands fail at once while it is away.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      ...options,
    });
    client.on("error", (error: Error) => this.trouble(error));
    client.on("close", () => this.watch());
    client.on("ready", () => {
      if (client === this.subscriber && this.channels.size > 0) {
        client
          .subscribe(...this.channels)
          .catch((error: Error) => this.trouble(error));
      }
      this.settled();
    });
    this.watch();
    return client;
  }

  private received(channel: string, message: string): void {
    let parsed: { origin?: string; payload?: unknown };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.origin === this.origin || parsed.payload === undefined) return;
    this.deliver(channel, parsed.payload);
  }

  private trouble(error: Error): void {
    this.lastError = error.message;
    this.reportDown();
  }

  /** Not ready within the grace period: unreachable, even if no error said so. */
  private watch(): void {
    if (this.graceTimer || this.closing) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (!this.connected) this.reportDown();
    }, READY_GRACE_MS).unref();
  }

  private settled(): void {
    if (!this.connected) return;
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    if (!this.reportedDown) return;
    this.reportedDown = false;
    this.log.up();
  }

  private reportDown(): void {
    if (this.reportedDown || this.closing || this.connected) return;
    this.reportedDown = true;
    this.log.down(
      this.lastError || `not ready after ${READY_GRACE_MS / 1000} s`,
    );
  }
}
