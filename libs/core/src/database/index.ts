export * from './columns';
export * from './data-source';
export * from './database.module';
export * from './embedded-postgres';
export * from './sql-statement-counter';
export * from './sql';
export * from './prepared-statements';
export * from './write-batcher';
