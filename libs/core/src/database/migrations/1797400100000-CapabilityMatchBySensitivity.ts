import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns `IDX_capabilities_match` carries for matching besides its keys (as in migration 1796000700000, less `max_sensitivity`, now a key). */
const INCLUDED = ['organization_id', 'location', 'certifications', 'available_from', 'available_until', 'confidentiality', 'working_group_id', 'quantity', 'unit'];

/**
 * Matching reads only the sensitivity levels a need allows (decision 174): `IDX_capabilities_match` becomes
 * (kind, max_sensitivity, created_at, id), so the requirement `max_sensitivity = ANY(levels from the
 * need's)` is an index condition and a CONFIDENTIAL need's scan skips the PUBLIC and INTERNAL capabilities
 * instead of reading and discarding them. Same condition (ACTIVE) and included columns.
 */
export class CapabilityMatchBySensitivity1797400100000 implements MigrationInterface {
  name = 'CapabilityMatchBySensitivity1797400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, `"kind", "max_sensitivity", "created_at", "id"`, INCLUDED);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, `"kind", "created_at", "id"`, ['organization_id', 'max_sensitivity', ...INCLUDED.slice(1)]);
  }

  private async replace(queryRunner: QueryRunner, keys: string, included: string[]): Promise<void> {
    const columns = included.map((column) => `"${column}"`).join(', ');
    await queryRunner.query(`CREATE INDEX "IDX_capabilities_match_next" ON "capabilities" (${keys}) INCLUDE (${columns}) WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_capabilities_match"`);
    await queryRunner.query(`ALTER INDEX "public"."IDX_capabilities_match_next" RENAME TO "IDX_capabilities_match"`);
  }
}
