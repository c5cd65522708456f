import { MigrationInterface, QueryRunner } from 'typeorm';

/** A copy of `searchDocumentExpression` (libs/core/src/database/full-text.ts) as it was when this migration was written. */
const document = (fields: [expression: string, weight: string][]) =>
  ['search_english', 'search_german'].flatMap((config) => fields.map(([expression, weight]) => `setweight(to_tsvector('${config}'::regconfig, ${expression}), '${weight}')`)).join(' || ');

/** Each searchable table's document and its GIN index. */
const DOCUMENTS: { table: string; index: string; expression: string }[] = [
  {
    table: 'organizations',
    index: 'IDX_organizations_search',
    expression: document([[`"name"`, 'A'], [`coalesce("short_name", '')`, 'A'], [`coalesce("description", '')`, 'B']]),
  },
  { table: 'people', index: 'IDX_people_search', expression: document([[`"name"`, 'A'], [`coalesce("title", '')`, 'B']]) },
  { table: 'working_groups', index: 'IDX_working_groups_search', expression: document([[`"name"`, 'A'], [`"mission"`, 'B']]) },
  { table: 'priorities', index: 'IDX_priorities_search', expression: document([[`"title"`, 'A'], [`"description"`, 'B']]) },
  { table: 'cooperation_proposals', index: 'IDX_proposals_search', expression: document([[`"title"`, 'A'], [`"summary"`, 'B'], [`"body"`, 'C']]) },
  {
    table: 'meetings',
    index: 'IDX_meetings_search',
    expression: document([[`"title"`, 'A'], [`coalesce("location", '')`, 'B'], [`coalesce("description", '')`, 'B'], [`coalesce("minutes", '')`, 'C']]),
  },
];

/** The proposals' search index of migration 1795782709301, an expression index without weights or unaccent. */
const OLD_PROPOSALS_DOCUMENT =
  "(to_tsvector('english'::regconfig, title || ' ' || summary || ' ' || body) || to_tsvector('german'::regconfig, title || ' ' || summary || ' ' || body))";

/**
 * Global search (decision 80): the `unaccent` extension; the text search configurations `search_english`
 * and `search_german`, PostgreSQL's own with `unaccent` before the stemmer; and on every searchable table a
 * stored generated `search_document` (weighted tsvector) with a GIN index. The proposals' old expression
 * index gives way to their column. `typeorm_metadata` records each generation expression as TypeORM
 * compares it (keyed by the current database, whatever its name).
 */
export class FullTextSearch1795900500000 implements MigrationInterface {
  name = 'FullTextSearch1795900500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A trusted extension since PostgreSQL 13: a database owner without superuser rights may create it.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    for (const language of ['english', 'german']) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION search_${language} (COPY = ${language})`);
      // ASCII-only tokens (asciiword, asciihword…) have no accent to remove and keep the stemmer alone.
      await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION search_${language} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${language}_stem`);
    }
    await queryRunner.query('DROP INDEX "public"."IDX_proposals_search"');
    // TypeORM creates its bookkeeping table before running migrations once entities declare generated
    // columns; this is for a runner that does not (same columns as TypeORM's).
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    for (const { table, index, expression } of DOCUMENTS) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_document" tsvector GENERATED ALWAYS AS (${expression}) STORED`);
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
         VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', 'search_document', $2)`,
        [table, expression],
      );
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" USING GIN ("search_document")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of [...DOCUMENTS].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
      await queryRunner.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_document' AND "database" = current_database() AND "schema" = current_schema() AND "table" = $1`,
        [table],
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_document"`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_proposals_search" ON "cooperation_proposals" USING GIN (${OLD_PROPOSALS_DOCUMENT})`);
    await queryRunner.query('DROP TEXT SEARCH CONFIGURATION search_german');
    await queryRunner.query('DROP TEXT SEARCH CONFIGURATION search_english');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
