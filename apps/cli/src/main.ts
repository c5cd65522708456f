import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, DomainError, EmbeddedDatabaseInUseError, loadConfig } from '@app/core';
import { CliModule } from './cli.module';
import { checkCreateAdminOptions, createAdmin, issueToken, platformRole, setRole } from './commands/admin.command';
import { dataPoolExportFormat, exportDataPool, exportFormat, exportMeetingBrief } from './commands/export.command';
import { seed } from './commands/seed.command';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  migrate                                   apply pending database migrations
  seed                                      load the four ECAVA working groups, example members, capabilities and needs
  create-admin --email E --name N --organization O [--country CC] [--kind KIND]
                                            create (or promote) an admin; prints a new access token last
  issue-token --email E [--name N]          issue a personal access token for a person; prints it last
  set-role --email E --role ADMIN|COUNSEL|MEMBER
                                            give an existing person a platform role (COUNSEL approves agendas)
  export meeting-brief --meeting ID --format pdf|docx|markdown|ics|csv|xlsx [--out FILE] [--as EMAIL]
                                            write a meeting's prep pack (an admin's view, or what EMAIL may read)
  export data-pool --pool ID --format dcat-ap|odrl|agreement [--out FILE] [--as EMAIL]
                                            write a data pool's DCAT-AP catalogue, ODRL terms or agreement PDF`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

const optional = (options: Options, name: string): string | undefined => options[name] as string | undefined;

type Run = (app: INestApplicationContext) => Promise<string | void>;

/**
 * Each command checks its options first and returns what it will run: a usage error is reported
 * before the application (and its database) starts.
 */
const COMMANDS: Record<string, (options: Options) => Run> = {
  // Pending migrations run when the application context starts; this reports where the schema stands.
  migrate: () => async (app) => {
    const applied: { name: string }[] = await app.get(DataSource).query(`SELECT name FROM migrations ORDER BY id`);
    return `Migrations are up to date: ${applied.length} applied, the last ${applied[applied.length - 1]?.name ?? 'none'}.`;
  },
  seed: () => async (app) => {
    const result = await seed(app);
    const capabilities = `${result.capabilities} ${result.capabilities === 1 ? 'capability' : 'capabilities'}`;
    return `Seeded ${result.groups} working group(s), ${result.organizations} organisation(s), ${capabilities} and ${result.needs} need(s).`;
  },
  'create-admin': (o) => {
    const options = checkCreateAdminOptions({
      email: required(o, 'email'),
      name: required(o, 'name'),
      organization: required(o, 'organization'),
      country: optional(o, 'country'),
      kind: optional(o, 'kind'),
    });
    return (app) => createAdmin(app, options);
  },
  'issue-token': (o) => {
    const email = required(o, 'email');
    return (app) => issueToken(app, email, optional(o, 'name'));
  },
  'set-role': (o) => {
    const email = required(o, 'email');
    const role = platformRole(required(o, 'role'));
    return (app) => setRole(app, email, role);
  },
  'export meeting-brief': (o) => {
    const options = { meeting: required(o, 'meeting'), format: exportFormat(required(o, 'format')), out: optional(o, 'out'), as: optional(o, 'as') };
    return (app) => exportMeetingBrief(app, options);
  },
  'export data-pool': (o) => {
    const options = { pool: required(o, 'pool'), format: dataPoolExportFormat(required(o, 'format')), out: optional(o, 'out'), as: optional(o, 'as') };
    return (app) => exportDataPool(app, options);
  },
};

/** The command line, parsed; an unknown option or a missing value is a usage error, not a crash. */
function parseCommandLine(): { positionals: string[]; values: Options } {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        organization: { type: 'string' },
        country: { type: 'string' },
        kind: { type: 'string' },
        meeting: { type: 'string' },
        pool: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        as: { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node:util's parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for what the user typed.
    if (String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
}

/**
 * Nest logs an error that stops the application context from starting (with its stack) before
 * rethrowing it; the CLI reports such errors itself, once, so that logger stays silent.
 */
class CliLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseCommandLine();
  // `export` takes what to export as a second word: `export meeting-brief`, `export data-pool`.
  const name = positionals[0] === 'export' ? positionals.slice(0, 2).join(' ') : (positionals[0] ?? '');
  const command = COMMANDS[name];
  if (!command || values.help) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const run = command(values);
  // Admin commands enqueue notifications but never consume the queues.
  const config = { ...loadConfig(), runWorker: false };
  // Logs go to stderr and stay quiet, so stdout carries only the result (a token is its last line).
  const logger = new CliLogger({ logLevels: ['error', 'warn'] });
  // abortOnError: false hands a start-up failure to the handler below instead of exiting with code 1.
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger, abortOnError: false });
  try {
    const output = await run(app);
    if (output) process.stdout.write(`${output}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

/** Errors whose message says all a user needs: printed alone, without a stack trace. */
const isClear = (error: unknown): error is Error =>
  error instanceof UsageError || error instanceof DomainError || error instanceof ConfigError || error instanceof EmbeddedDatabaseInUseError;

main().then(
  (code) => process.exit(code),
  (error) => {
    if (isClear(error)) {
      console.error(error.message);
      if (error instanceof UsageError) console.error(USAGE);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
