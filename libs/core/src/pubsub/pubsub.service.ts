import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { RedisLink } from './redis-link';

/**
 * The broker behind GraphQL subscriptions and instance-wide signals (revoked credentials). Every event
 * reaches this process's subscribers at once, in process; with `REDIS_URL`, it also travels through
 * Redis pub/sub to every other process (API instances, workers) while Redis is reachable. A Redis
 * outage therefore narrows live updates to one instance and never stops the API (see RedisLink).
 *
 * Payloads cross Redis as JSON: publish plain ids and let the subscription load the rows per
 * subscriber (dates and class instances would not survive the trip, and every subscriber may see a
 * different slice). Channels are namespaced by database, so deployments (or test runs) that share
 * one Redis never see each other's events.
 */
@Injectable()
export class PubSubService implements OnApplicationShutdown {
  private readonly logger = new Logger(PubSubService.name);
  private readonly emitter = new EventEmitter();
  private readonly local: PubSub;
  private readonly redis?: RedisLink;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `ecava:${channelNamespace(config)}:`;
    // One listener per active subscription: lift the emitter's default warning at 10.
    this.emitter.setMaxListeners(0);
    this.local = new PubSub({ eventEmitter: this.emitter });
    if (config.redisUrl) {
      const where = redisAddress(config.redisUrl);
      // Loaded only when configured: ioredis is about 1.6 MiB of heap a single instance never uses (decision 191).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RedisLink: Link } = require('./redis-link') as typeof import('./redis-link');
      this.redis = new Link(config.redisUrl, (channel, payload) => this.emitter.emit(channel, payload), {
        down: (reason) => this.logger.warn(`Redis at ${where} is unreachable (${reason}): live updates reach this instance's subscribers only until it is back`),
        up: () => this.logger.log(`Redis at ${where} is reachable again: live updates fan out across instances`),
      });
    }
  }

  /** Whether events fan out across processes right now (Redis configured and reachable). */
  get distributed(): boolean {
    return this.redis?.connected ?? false;
  }

  /** Publishes to every subscriber of `trigger`: in this process at once, on other instances through Redis. Never throws, never waits. */
  publish(trigger: string, payload: object): void {
    const channel = this.prefix + trigger;
    this.emitter.emit(channel, payload);
    this.redis?.publish(channel, payload);
  }

  /** An iterator of the payloads published to `trigger` from now on (what a subscription resolver returns). */
  subscribe<T>(trigger: string): AsyncIterableIterator<T> {
    const channel = this.prefix + trigger;
    this.redis?.listen(channel);
    return this.local.asyncIterableIterator<T>(channel);
  }

  /** Calls `handler` for every payload published to `trigger` from now on; returns a function that stops it. */
  listen<T>(trigger: string, handler: (payload: T) => void): () => void {
    const channel = this.prefix + trigger;
    this.redis?.listen(channel);
    // A failing handler must not fail the publisher (a request, or the Redis connection's event).
    const safe = (payload: T) => {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error(`A ${trigger} listener failed: ${(error as Error).message}`);
      }
    };
    this.emitter.on(channel, safe);
    return () => this.emitter.off(channel, safe);
  }

  /** After the queue workers have stopped (they publish), close the Redis connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close();
  }
}

/** The same for every process on one database, different across databases; no credentials in it. */
function channelNamespace(config: AppConfig): string {
  let identity = `embedded:${config.dataDir}`;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    identity = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return createHash('sha256').update(identity).digest('hex').slice(0, 12);
}

/** host:port for the log, without credentials. */
function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}
