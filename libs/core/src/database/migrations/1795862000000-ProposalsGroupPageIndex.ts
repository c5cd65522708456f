import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group's proposals page (newest first, ties by id) read straight off one index: the group's index
 * gains the id, so `ORDER BY created_at DESC, id DESC LIMIT n` per group needs no sort of the group's rows.
 */
export class ProposalsGroupPageIndex1795862000000 implements MigrationInterface {
  name = 'ProposalsGroupPageIndex1795862000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_proposals_group_created"');
    await queryRunner.query('CREATE INDEX "IDX_proposals_group_created_id" ON "cooperation_proposals" ("working_group_id", "created_at", "id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_proposals_group_created_id"');
    await queryRunner.query('CREATE INDEX "IDX_proposals_group_created" ON "cooperation_proposals" ("working_group_id", "created_at") ');
  }
}
