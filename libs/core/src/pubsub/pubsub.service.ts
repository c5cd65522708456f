import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The broker behind GraphQL subscriptions. With `REDIS_URL`, Redis pub/sub (one publisher and one
 * subscriber connection per process), so a subscriber on one API instance receives what another
 * instance or a worker published; without it, an in-process emitter (one instance only).
 *
 * Payloads cross Redis as JSON: publish plain ids and let the subscription load the rows per
 * subscriber (dates and class instances would not survive the trip, and every subscriber may see a
 * different slice). Channels are namespaced by database, so deployments (or test runs) that share
 * one Redis never see each other's events.
 */
@Injectable()
export class PubSubService implements OnApplicationShutdown {
  private readonly logger = new Logger(PubSubService.name);
  private readonly engine: PubSubEngine;
  private readonly redis?: { pubsub: RedisPubSub; publisher: Redis; subscriber: Redis };
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `ecava:${channelNamespace(config)}:`;
    if (config.redisUrl) {
      const publisher = this.connect(config.redisUrl, 'publisher');
      const subscriber = this.connect(config.redisUrl, 'subscriber');
      const pubsub = new RedisPubSub({ publisher, subscriber });
      this.redis = { pubsub, publisher, subscriber };
      this.engine = pubsub;
    } else {
      // One listener per active subscription: lift the emitter's default warning at 10.
      const emitter = new EventEmitter();
      emitter.setMaxListeners(0);
      this.engine = new PubSub({ eventEmitter: emitter });
    }
  }

  /** Whether events fan out across processes (Redis) or stay in this one. */
  get distributed(): boolean {
    return this.redis !== undefined;
  }

  /** Publishes to every subscriber of `trigger`, on every instance. Never throws: live updates are best effort. */
  async publish(trigger: string, payload: object): Promise<void> {
    try {
      await this.engine.publish(this.prefix + trigger, payload);
    } catch (error) {
      this.logger.warn(`Could not publish ${trigger}: ${(error as Error).message}`);
    }
  }

  /** An iterator of the payloads published to `trigger` from now on (what a subscription resolver returns). */
  subscribe<T>(trigger: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(this.prefix + trigger);
  }

  /** After the queue workers have stopped (they publish), close the Redis connections. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    const { pubsub, publisher, subscriber } = this.redis;
    // QUIT flushes what is queued; an unreachable Redis would make it wait for reconnects, so bound it.
    const quit = pubsub.close().catch(() => undefined);
    await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    publisher.disconnect();
    subscriber.disconnect();
  }

  private connect(url: string, role: string): Redis {
    const client = new Redis(url, {
      connectionName: `ecava-${role}`,
      // Reconnect forever, backing off to 5 s: the API keeps serving while Redis is away.
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    let failing = false;
    client.on('error', (error: Error) => {
      if (!failing) this.logger.warn(`Redis ${role}: ${error.message} (live updates paused, reconnecting)`);
      failing = true;
    });
    client.on('ready', () => {
      if (failing) this.logger.log(`Redis ${role}: reconnected`);
      failing = false;
    });
    return client;
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
