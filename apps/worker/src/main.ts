import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, applyHeapGrowth, ConfigError, loadConfig, withoutAllocationSitePretenuring } from '@app/core';
import { WorkerModule } from './worker.module';

/**
 * A standalone notification worker (`npm run worker`): expands domain events into notifications,
 * sends emails and digests, runs the scheduled jobs. Run any number of them next to API instances
 * started with RUN_WORKER=false; pg-boss hands each job to one worker.
 */
async function main() {
  let config: AppConfig;
  try {
    // This process exists to work the queues, whatever RUN_WORKER says.
    config = { ...loadConfig(), runWorker: true };
    if (!config.databaseUrl) {
      // PGlite is single-process (a pid lock guards its folder): its one process is the API.
      throw new ConfigError(['DATABASE_URL is required by the standalone worker; with the embedded database, `npm start` runs the worker in-process']);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  applyHeapGrowth(config.heapGrowingPercent);
  withoutAllocationSitePretenuring();
  const logger = new ConsoleLogger({ json: config.isProduction, logLevels: config.nodeEnv === 'test' ? ['error', 'warn'] : undefined });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  const log = new Logger('Worker');
  // Graceful shutdown: pg-boss stops fetching and waits for the jobs in hand (up to 10 s), then the
  // Redis connections, the pool and the embedded database close. A job cut off by a hard kill is
  // retried when it expires; sending is idempotent.
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      log.log(`${signal} received: finishing the jobs in hand`);
      app.close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  if (!config.redisUrl) {
    log.warn('REDIS_URL is not set: notificationAdded live updates from this worker reach no API instance');
  }
  log.log('Notification worker running');
}

void main();
