import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { createDataSource } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { SqlStatementCounter } from './sql-statement-counter';

/** Holds the embedded server, if one was started, so it stops after the pool is closed. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  embedded?: EmbeddedPostgres;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

const EMBEDDED = Symbol('EMBEDDED_POSTGRES');

/**
 * Provides the TypeORM `DataSource`: on `DATABASE_URL` when set, else on an embedded PostgreSQL.
 * Pending migrations are applied at start (`synchronize` is off everywhere).
 */
@Global()
@Module({
  providers: [
    SqlStatementCounter,
    {
      provide: EMBEDDED,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => (config.databaseUrl ? null : startEmbeddedPostgres(config.dataDir)),
    },
    {
      provide: DataSource,
      inject: [APP_CONFIG, EMBEDDED, SqlStatementCounter],
      useFactory: async (config: AppConfig, embedded: EmbeddedPostgres | null, counter: SqlStatementCounter) => {
        const url = config.databaseUrl ?? embedded!.url;
        // PGlite is a single PostgreSQL session shared by every socket: two pooled connections would
        // interleave their transactions. One connection serialises all work safely. (Prepared statements,
        // kept per connection, would outlive a reconnect in that shared session: they stay off there.)
        const dataSource = createDataSource(url, { counter, poolSize: embedded ? 1 : 10, preparedStatements: config.preparedStatements && !embedded });
        await dataSource.initialize();
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
        return dataSource;
      },
    },
    {
      provide: DatabaseLifecycle,
      inject: [DataSource, EMBEDDED],
      useFactory: (dataSource: DataSource, embedded: EmbeddedPostgres | null) => {
        const lifecycle = new DatabaseLifecycle(dataSource);
        lifecycle.embedded = embedded ?? undefined;
        return lifecycle;
      },
    },
  ],
  exports: [DataSource, SqlStatementCounter],
})
export class DatabaseModule {}

