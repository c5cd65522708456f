import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table global search reads, each with its stored generated `search_document` (migrations 1795900500000, 1795900600000, 1796100000000). */
const SEARCHED_TABLES = [
  'organizations',
  'people',
  'working_groups',
  'priorities',
  'cooperation_proposals',
  'meetings',
  'capabilities',
  'resource_needs',
  'data_pools',
  'data_pool_datasets',
];

/**
 * Search documents stay in their row (decision 171): `STORAGE MAIN` instead of a tsvector's default
 * EXTENDED, so that when a row outgrows TOAST's 2 kB target, its long texts (a proposal's body, a
 * meeting's minutes) are moved out of line first and the document last. Search ranks every hit with
 * `ts_rank`, which reads the document of each one; an out-of-line document costs a TOAST index lookup and
 * its chunks at every hit, where the body is read only for the page's snippets. Rows take the new storage
 * as they are written (no table is rewritten here).
 */
export class SearchDocumentsInline1797400000000 implements MigrationInterface {
  name = 'SearchDocumentsInline1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of SEARCHED_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "search_document" SET STORAGE MAIN`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of SEARCHED_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "search_document" SET STORAGE EXTENDED`);
    }
  }
}
