import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795784580702 implements MigrationInterface {
  name = 'Notifications1795784580702';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"category\" text NOT NULL, \"type\" text NOT NULL, \"title\" text NOT NULL, \"link\" text, \"data\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP(3) WITH TIME ZONE, \"email_mode\" text NOT NULL, \"email_status\" text NOT NULL, \"email_due_at\" TIMESTAMP(3) WITH TIME ZONE, \"email_attempts\" integer NOT NULL DEFAULT '0', \"email_error\" text, \"email_sent_at\" TIMESTAMP(3) WITH TIME ZONE, \"digest_id\" uuid, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_email_due\" ON \"notifications\"  (\"email_status\", \"email_due_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_notifications_person_created\" ON \"notifications\"  (\"person_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_notifications_event_person\" ON \"notifications\"  (\"event_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"person_id\" uuid NOT NULL, \"category\" text NOT NULL, \"mode\" text NOT NULL, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7cd14970b2db7f50517df7eeac1\" PRIMARY KEY (\"person_id\", \"category\"))");
    await queryRunner.query("CREATE TABLE \"notification_digests\" (\"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"mode\" text NOT NULL, \"slot\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"status\" text NOT NULL DEFAULT 'PENDING', \"attempts\" integer NOT NULL DEFAULT '0', \"error\" text, \"sent_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d1dfad641230ea835751ccc8493\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_digests_person_slot\" ON \"notification_digests\"  (\"person_id\", \"mode\", \"slot\") ");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_6633b2b44c7c5c3766dc5af522f\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_955bbffee8424b606c265d4d8cd\" FOREIGN KEY (\"digest_id\") REFERENCES \"notification_digests\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_preferences\" ADD CONSTRAINT \"FK_57d4eb7d38306aef3208185725e\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_digests\" ADD CONSTRAINT \"FK_189f538e0b7e8448234df202bcc\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_digests\" DROP CONSTRAINT \"FK_189f538e0b7e8448234df202bcc\"");
    await queryRunner.query("ALTER TABLE \"notification_preferences\" DROP CONSTRAINT \"FK_57d4eb7d38306aef3208185725e\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_955bbffee8424b606c265d4d8cd\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_6633b2b44c7c5c3766dc5af522f\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_digests_person_slot\"");
    await queryRunner.query("DROP TABLE \"notification_digests\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_notifications_event_person\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_notifications_person_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_notifications_email_due\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
  }
}
