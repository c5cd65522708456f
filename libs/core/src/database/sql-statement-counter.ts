import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends (queries, transaction control, loaders' raw queries).
 * Tests read it around one request to prove that statement counts do not grow with rows.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  count = 0;
  private captured: string[] | null = null;
  private capturedParameters: unknown[][] | null = null;

  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.captured?.push(query);
    this.capturedParameters?.push(parameters ?? []);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** The statements sent while `work` runs, and their parameters (callers run nothing else meanwhile). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; parameters: unknown[][] }> {
    const statements: string[] = [];
    const parameters: unknown[][] = [];
    this.captured = statements;
    this.capturedParameters = parameters;
    try {
      return { result: await work(), statements, parameters };
    } finally {
      this.captured = null;
      this.capturedParameters = null;
    }
  }
}
