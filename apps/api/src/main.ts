import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { applyHeapGrowth, ConfigError, loadConfig, withoutAllocationSitePretenuring } from '@app/core';
import { createApp } from './bootstrap';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  applyHeapGrowth(config.heapGrowingPercent);
  withoutAllocationSitePretenuring();
  const app = await createApp(config);
  // Graceful shutdown: stop accepting requests, finish those in flight, close the pool and the
  // embedded database, then exit 0.
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      new Logger('Bootstrap').log(`${signal} received: shutting down`);
      app.close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port);
  new Logger('Bootstrap').log(`GraphQL ready at http://localhost:${config.port}/graphql (public URL ${config.publicUrl})`);
}

void main();
