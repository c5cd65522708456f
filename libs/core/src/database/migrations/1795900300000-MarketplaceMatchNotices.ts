import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pairs of need and capability whose match the need's owner was told of (or saw when publishing the
 * need): a match is announced once per pair, ever (decision 88).
 */
export class MarketplaceMatchNotices1795900300000 implements MigrationInterface {
  name = 'MarketplaceMatchNotices1795900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"marketplace_match_notices\" (\"need_id\" uuid NOT NULL, \"capability_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d6c8b942c7d80db2ee89d69126a\" PRIMARY KEY (\"need_id\", \"capability_id\"))");
    await queryRunner.query("ALTER TABLE \"marketplace_match_notices\" ADD CONSTRAINT \"FK_af89ce4b185c1ce06fe79533a46\" FOREIGN KEY (\"need_id\") REFERENCES \"resource_needs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"marketplace_match_notices\" ADD CONSTRAINT \"FK_8c1ae57a53e871da32830954751\" FOREIGN KEY (\"capability_id\") REFERENCES \"capabilities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"marketplace_match_notices\" DROP CONSTRAINT \"FK_8c1ae57a53e871da32830954751\"");
    await queryRunner.query("ALTER TABLE \"marketplace_match_notices\" DROP CONSTRAINT \"FK_af89ce4b185c1ce06fe79533a46\"");
    await queryRunner.query("DROP TABLE \"marketplace_match_notices\"");
  }
}
