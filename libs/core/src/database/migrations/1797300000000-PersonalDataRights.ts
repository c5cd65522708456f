import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal-data rights (libs/privacy): a person's data export is stored in export_files like the briefs
 * and served by the same signed, expiring URL, so a file may now belong to a person (exactly one of
 * meeting, data pool or person: the CHECK); `people.erased_at` marks an erased person (decision 150).
 */
export class PersonalDataRights1797300000000 implements MigrationInterface {
  name = 'PersonalDataRights1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"export_files\" ADD \"person_id\" uuid");
    await queryRunner.query("ALTER TABLE \"people\" ADD \"erased_at\" TIMESTAMP(3) WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"IDX_export_files_person\" ON \"export_files\"  (\"person_id\") ");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"FK_2c69d1de28e562b2be581c4dfdc\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"CHK_export_files_subject\"");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"CHK_export_files_subject\" CHECK (num_nonnulls(\"meeting_id\", \"data_pool_id\", \"person_id\") = 1)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"export_files\" WHERE \"person_id\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"CHK_export_files_subject\"");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"CHK_export_files_subject\" CHECK (num_nonnulls(\"meeting_id\", \"data_pool_id\") = 1)");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"FK_2c69d1de28e562b2be581c4dfdc\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_export_files_person\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP COLUMN \"erased_at\"");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP COLUMN \"person_id\"");
  }
}
