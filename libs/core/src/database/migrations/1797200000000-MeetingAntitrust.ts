import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competition-law safeguards of meetings (contract 07): a meeting's own antitrust statement and counsel's
 * approval of its agenda (with the digest of the agenda approved), and each invitee's acknowledgement.
 */
export class MeetingAntitrust1797200000000 implements MigrationInterface {
  name = 'MeetingAntitrust1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"antitrust_acknowledgements\" (\"meeting_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_1991b13b0e262b8bb01c1810b7d\" PRIMARY KEY (\"meeting_id\", \"person_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_antitrust_acknowledgements_person\" ON \"antitrust_acknowledgements\"  (\"person_id\") ");
    await queryRunner.query("CREATE TABLE \"meeting_antitrust\" (\"meeting_id\" uuid NOT NULL, \"statement\" text, \"approved_at\" TIMESTAMP(3) WITH TIME ZONE, \"approved_by_id\" uuid, \"approved_agenda_digest\" text, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_meeting_antitrust_approval\" CHECK ((\"approved_at\" IS NULL) = (\"approved_by_id\" IS NULL) AND (\"approved_at\" IS NULL) = (\"approved_agenda_digest\" IS NULL)), CONSTRAINT \"PK_ce85382f6dabfea07efe3ad68ed\" PRIMARY KEY (\"meeting_id\"))");
    await queryRunner.query("ALTER TABLE \"antitrust_acknowledgements\" ADD CONSTRAINT \"FK_80672da0d7ada1e94cbfe67e11f\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"antitrust_acknowledgements\" ADD CONSTRAINT \"FK_9c62ca7e38338f6b0ea2afac6f2\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_antitrust\" ADD CONSTRAINT \"FK_ce85382f6dabfea07efe3ad68ed\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_antitrust\" ADD CONSTRAINT \"FK_43c61995e8dde81c4aa57db9466\" FOREIGN KEY (\"approved_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"meeting_antitrust\" DROP CONSTRAINT \"FK_43c61995e8dde81c4aa57db9466\"");
    await queryRunner.query("ALTER TABLE \"meeting_antitrust\" DROP CONSTRAINT \"FK_ce85382f6dabfea07efe3ad68ed\"");
    await queryRunner.query("ALTER TABLE \"antitrust_acknowledgements\" DROP CONSTRAINT \"FK_9c62ca7e38338f6b0ea2afac6f2\"");
    await queryRunner.query("ALTER TABLE \"antitrust_acknowledgements\" DROP CONSTRAINT \"FK_80672da0d7ada1e94cbfe67e11f\"");
    await queryRunner.query("DROP TABLE \"meeting_antitrust\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_antitrust_acknowledgements_person\"");
    await queryRunner.query("DROP TABLE \"antitrust_acknowledgements\"");
  }
}
