import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PreparingClient } from './prepared-statements';
import { SqlStatementCounter } from './sql-statement-counter';
import { useFastTimestamptz } from './timestamp-parser';

/**
 * The one data source definition, for the API, the worker, the CLI and the tests. Entities and
 * migrations are found by file name so that this library does not import the domain libraries
 * (they depend on it, not the other way round).
 */
export function createDataSource(
  url: string,
  options: { poolSize?: number; counter?: SqlStatementCounter; preparedStatements?: boolean } = {},
): DataSource {
  useFastTimestamptz();
  const libs = join(__dirname, '..', '..', '..');
  const config: DataSourceOptions = {
    type: 'postgres',
    url,
    entities: [join(libs, '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Prepared statements need a session per connection: off on PGlite, whose connections share one.
    extra: { max: options.poolSize ?? 10, ...(options.preparedStatements === false ? {} : { Client: PreparingClient }) },
    logging: options.counter ? ['query'] : false,
    logger: options.counter,
  };
  return new DataSource(config);
}
