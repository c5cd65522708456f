import { MigrationInterface, QueryRunner } from 'typeorm';

/** A copy of `searchDocumentExpression` (libs/core/src/database/full-text.ts) as it was when this migration was written. */
const document = (fields: [expression: string, weight: string][]) =>
  ['search_english', 'search_german'].flatMap((config) => fields.map(([expression, weight]) => `setweight(to_tsvector('${config}'::regconfig, ${expression}), '${weight}')`)).join(' || ');

const TABLES = [
  /** A pool by its title (A) and purpose (B): the only text it has. */
  { table: 'data_pools', index: 'IDX_data_pools_search', expression: document([[`"title"`, 'A'], [`"purpose"`, 'B']]) },
  /** A dataset by its title (A), description (B) and modality (C). */
  {
    table: 'data_pool_datasets',
    index: 'IDX_data_pool_datasets_search',
    expression: document([[`"title"`, 'A'], [`coalesce("description", '')`, 'B'], [`"modality"`, 'C']]),
  },
];

/**
 * Pools and datasets join global search (decision 104): like the other searchable tables, a stored generated
 * `search_document` in the accent-free English and German configurations, GIN-indexed. Who finds them is
 * the pools' own read rule, applied by the search statement (`dataPoolReadableBy`, `datasetReadableBy`).
 */
export class DataPoolSearch1796100000000 implements MigrationInterface {
  name = 'DataPoolSearch1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index, expression } of TABLES) {
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
    for (const { table, index } of [...TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
      await queryRunner.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_document' AND "database" = current_database() AND "schema" = current_schema() AND "table" = $1`,
        [table],
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_document"`);
    }
  }
}
