import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation named as lead by another organisation's author must accept (decision 71). Proposals
 * already past their draft keep their lead as consented; drafts led by another organisation wait for it.
 */
export class ProposalLeadConsent1795870500000 implements MigrationInterface {
  name = 'ProposalLeadConsent1795870500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cooperation_proposals" ADD "lead_consent" text NOT NULL DEFAULT 'CONSENTED'`);
    await queryRunner.query(
      `UPDATE "cooperation_proposals" SET "lead_consent" = 'INVITED' WHERE "submitted_at" IS NULL AND "state" = 'DRAFT' AND "lead_organization_id" <> "author_organization_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cooperation_proposals" DROP COLUMN "lead_consent"`);
  }
}
