import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data pools' exports (DCAT-AP, ODRL, the agreement PDF) are stored in export_files beside the meeting
 * briefs and served by the same signed, expiring URLs: a file now belongs to a meeting or a data pool,
 * exactly one of them (a CHECK), and goes with it.
 */
export class DataPoolExportFiles1796000300000 implements MigrationInterface {
  name = 'DataPoolExportFiles1796000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"export_files\" ADD \"data_pool_id\" uuid");
    await queryRunner.query("ALTER TABLE \"export_files\" ALTER COLUMN \"meeting_id\" DROP NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_export_files_data_pool\" ON \"export_files\"  (\"data_pool_id\") ");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"CHK_export_files_subject\" CHECK (num_nonnulls(\"meeting_id\", \"data_pool_id\") = 1)");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"FK_2ef01be182f3ffbdb700fdfc733\" FOREIGN KEY (\"data_pool_id\") REFERENCES \"data_pools\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"export_files\" WHERE \"data_pool_id\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"FK_2ef01be182f3ffbdb700fdfc733\"");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"CHK_export_files_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_export_files_data_pool\"");
    await queryRunner.query("ALTER TABLE \"export_files\" ALTER COLUMN \"meeting_id\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP COLUMN \"data_pool_id\"");
  }
}
