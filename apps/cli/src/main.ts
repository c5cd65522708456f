import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, DomainError, loadConfig } from '@app/core';
import { CliModule } from './cli.module';
import { createAdmin, issueToken } from './commands/admin.command';
import { exportMeetingBrief } from './commands/export.command';
import { seed } from './commands/seed.command';

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  migrate                                   apply pending database migrations
  seed                                      load the four ECAVA working groups and example members
  create-admin --email E --name N --organization O [--country CC] [--kind KIND]
                                            create (or promote) an admin; prints a new access token last
  issue-token --email E [--name N]          issue a personal access token for a person; prints it last
  export meeting-brief --meeting ID --format pdf|docx|markdown|ics|csv|xlsx [--out FILE] [--as EMAIL]
                                            write a meeting's prep pack (an admin's view, or what EMAIL may read)`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

class UsageError extends Error {}

const COMMANDS: Record<string, (app: INestApplicationContext, options: Options) => Promise<string | void>> = {
  // Pending migrations run when the application context starts; this reports where the schema stands.
  migrate: async (app) => {
    const applied: { name: string }[] = await app.get(DataSource).query(`SELECT name FROM migrations ORDER BY id`);
    return `Migrations are up to date: ${applied.length} applied, the last ${applied[applied.length - 1]?.name ?? 'none'}.`;
  },
  seed: async (app) => {
    const result = await seed(app);
    return `Seeded ${result.groups} working group(s) and ${result.organizations} organisation(s).`;
  },
  'create-admin': (app, o) =>
    createAdmin(app, {
      email: required(o, 'email'),
      name: required(o, 'name'),
      organization: required(o, 'organization'),
      country: o.country as string | undefined,
      kind: o.kind as string | undefined,
    }),
  'issue-token': (app, o) => issueToken(app, required(o, 'email'), o.name as string | undefined),
  'export meeting-brief': (app, o) =>
    exportMeetingBrief(app, { meeting: required(o, 'meeting'), format: required(o, 'format'), out: o.out as string | undefined, as: o.as as string | undefined }),
};

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organization: { type: 'string' },
      country: { type: 'string' },
      kind: { type: 'string' },
      meeting: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  // `export` takes what to export as a second word: `export meeting-brief`.
  const name = positionals[0] === 'export' ? positionals.slice(0, 2).join(' ') : (positionals[0] ?? '');
  const command = COMMANDS[name];
  if (!command || values.help) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // Admin commands enqueue notifications but never consume the queues.
  const config = { ...loadConfig(), runWorker: false };
  // Logs go to stderr and stay quiet, so stdout carries only the result (a token is its last line).
  const logger = new ConsoleLogger({ logLevels: ['error', 'warn'] });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger });
  try {
    const output = await command(app, values);
    if (output) process.stdout.write(`${output}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError || error instanceof DomainError || error instanceof ConfigError) {
      console.error(error.message);
      if (error instanceof UsageError) console.error(USAGE);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
