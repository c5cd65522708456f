#!/usr/bin/env node
// Generates a migration from the difference between the entities and the migrations so far:
//   npm run migration:generate -- AddProposals
// It builds, creates a scratch database on DATABASE_URL's server (default: local PostgreSQL), applies the
// existing migrations there, asks TypeORM for the remaining schema changes and writes them as a new file
// under libs/core/src/database/migrations/. Review the file: expression and partial indexes are added by hand.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' });
const { createDataSource } = require(path.join(root, 'dist/libs/core/src/database/data-source.js'));

async function main() {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `ecava_migration_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(base);
  url.pathname = `/${scratch}`;
  const dataSource = createDataSource(url.toString());
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      console.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const render = (queries) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
    const file = path.join(root, 'libs/core/src/database/migrations', `${timestamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render(downQueries.reverse())}
  }
}
`,
    );
    console.log(`Wrote ${path.relative(root, file)}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE ${scratch}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
