import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends (queries, transaction control, loaders' raw queries).
 * Tests read it around one request to prove that statement counts do not grow with rows.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  count = 0;
  private captured: string[] | null = null;

  logQuery(query: string): void {
    this.count += 1;
    this.captured?.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** The statements sent while `work` runs (callers run nothing else meanwhile). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    this.captured = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.captured = null;
    }
  }
}
