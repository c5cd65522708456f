import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every column of a capability that matching's hard requirements, read rule and score look at (libs/marketplace matching.query.ts). */
const MATCHED_COLUMNS = ['organization_id', 'max_sensitivity', 'location', 'certifications', 'available_from', 'available_until', 'confidentiality', 'working_group_id', 'quantity', 'unit'];

/**
 * Matching from the index (decision 111): the ACTIVE capabilities of a kind in creation order, as
 * `IDX_capabilities_active_kind` gave them, now carrying every column matching reads, so PostgreSQL
 * evaluates a need's requirements and scores without visiting the table (an index-only scan, where the
 * visibility map allows) and reads the table for the page's rows only. It replaces the old index, whose
 * keys and condition it has. TypeORM cannot declare INCLUDE: the entity names it with `synchronize: false`.
 */
export class CapabilityMatchIndex1796000700000 implements MigrationInterface {
  name = 'CapabilityMatchIndex1796000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const included = MATCHED_COLUMNS.map((column) => `"${column}"`).join(', ');
    await queryRunner.query(`CREATE INDEX "IDX_capabilities_match" ON "capabilities" ("kind", "created_at", "id") INCLUDE (${included}) WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_capabilities_active_kind"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_capabilities_active_kind" ON "capabilities" ("kind", "created_at", "id") WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_capabilities_match"`);
  }
}
