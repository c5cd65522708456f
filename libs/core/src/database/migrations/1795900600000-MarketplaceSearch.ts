import { MigrationInterface, QueryRunner } from 'typeorm';

/** A copy of `searchDocumentExpression` (libs/core/src/database/full-text.ts) as it was when this migration was written. */
const document = (fields: [expression: string, weight: string][]) =>
  ['search_english', 'search_german'].flatMap((config) => fields.map(([expression, weight]) => `setweight(to_tsvector('${config}'::regconfig, ${expression}), '${weight}')`)).join(' || ');

/** A listing is found by its title (A) and description (B): never by its organisation, which an anonymous need hides. */
const LISTING_DOCUMENT = document([[`"title"`, 'A'], [`coalesce("description", '')`, 'B']]);

/** Migration 1795900000000's expression index over title and description, without weights or unaccent. */
const OLD_LISTING_DOCUMENT =
  `(to_tsvector('english'::regconfig, title || ' ' || coalesce(description, '')) || ` +
  `to_tsvector('german'::regconfig, title || ' ' || coalesce(description, '')))`;

const TABLES = [
  { table: 'capabilities', index: 'IDX_capabilities_search' },
  { table: 'resource_needs', index: 'IDX_resource_needs_search' },
];

/**
 * Capabilities and needs join global search (decisions 80–81): like the other searchable tables, a stored
 * generated `search_document` in the accent-free English and German configurations, GIN-indexed, which the
 * marketplace's own `filter: { search }` now reads too instead of the expression index it had.
 */
export class MarketplaceSearch1795900600000 implements MigrationInterface {
  name = 'MarketplaceSearch1795900600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of TABLES) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_document" tsvector GENERATED ALWAYS AS (${LISTING_DOCUMENT}) STORED`);
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
         VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', 'search_document', $2)`,
        [table, LISTING_DOCUMENT],
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
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" USING GIN (${OLD_LISTING_DOCUMENT})`);
    }
  }
}
