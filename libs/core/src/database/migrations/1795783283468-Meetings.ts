import { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795783283468 implements MigrationInterface {
  name = 'Meetings1795783283468';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"export_files\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"requested_by_id\" uuid NOT NULL, \"format\" text NOT NULL, \"filename\" text NOT NULL, \"content_type\" text NOT NULL, \"byte_size\" integer NOT NULL, \"sha256\" text NOT NULL, \"content\" bytea NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_70362041a70b0d97b754d541172\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_export_files_expires\" ON \"export_files\"  (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"meetings\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid, \"title\" text NOT NULL, \"description\" text, \"format\" text NOT NULL, \"location\" text, \"online_url\" text, \"starts_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"timezone\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'SCHEDULED', \"cancel_reason\" text, \"minutes\" text, \"sequence\" integer NOT NULL DEFAULT '0', \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_meetings_ends_after_starts\" CHECK (\"ends_at\" > \"starts_at\"), CONSTRAINT \"PK_aa73be861afa77eb4ed31f3ed57\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_meetings_starts\" ON \"meetings\"  (\"starts_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_meetings_group_starts\" ON \"meetings\"  (\"working_group_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"action_items\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"title\" text NOT NULL, \"owner_id\" uuid, \"due_date\" TIMESTAMP(3) WITH TIME ZONE, \"status\" text NOT NULL DEFAULT 'OPEN', \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"done_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_5a84b168b001636b379312104ab\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_action_items_owner_status\" ON \"action_items\"  (\"owner_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_action_items_meeting\" ON \"action_items\"  (\"meeting_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"agenda_items\" (\"id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" text NOT NULL, \"description\" text, \"duration_minutes\" integer NOT NULL, \"presenter_id\" uuid, \"proposal_id\" uuid, \"priority_id\" uuid, CONSTRAINT \"CHK_agenda_items_duration\" CHECK (\"duration_minutes\" > 0), CONSTRAINT \"PK_7274c40301175b4b4b347820d0c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_agenda_items_proposal\" ON \"agenda_items\"  (\"proposal_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_agenda_items_position\" ON \"agenda_items\"  (\"meeting_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"meeting_invitations\" (\"meeting_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"status\" text NOT NULL DEFAULT 'INVITED', \"attended\" boolean, \"invited_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"responded_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_4ab3ea5a6b640c55580d2dee05d\" PRIMARY KEY (\"meeting_id\", \"person_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_meeting_invitations_person\" ON \"meeting_invitations\"  (\"person_id\") ");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"FK_16d6810e0a7d4ab13ec984825de\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"export_files\" ADD CONSTRAINT \"FK_05429f5739a56d511de0cc81a79\" FOREIGN KEY (\"requested_by_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_3e9f43af2e6f218760cf060152b\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_8f5712e4d1a50ebf15896257021\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_97c316405d3c3e45532a484c216\" FOREIGN KEY (\"owner_id\") REFERENCES \"people\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_4ba8249e75966b91319c432ec31\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_ed8f48b855f7af333dc93febd09\" FOREIGN KEY (\"presenter_id\") REFERENCES \"people\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_c978123415807be2f79007fb009\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_6d6de8e4d792c15ad43b28afb02\" FOREIGN KEY (\"priority_id\") REFERENCES \"priorities\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_invitations\" ADD CONSTRAINT \"FK_bb0a803db052890eba6818aa554\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_invitations\" ADD CONSTRAINT \"FK_e4125c1c54acc607388f9952335\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"meeting_invitations\" DROP CONSTRAINT \"FK_e4125c1c54acc607388f9952335\"");
    await queryRunner.query("ALTER TABLE \"meeting_invitations\" DROP CONSTRAINT \"FK_bb0a803db052890eba6818aa554\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_6d6de8e4d792c15ad43b28afb02\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_c978123415807be2f79007fb009\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_ed8f48b855f7af333dc93febd09\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_4ba8249e75966b91319c432ec31\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_97c316405d3c3e45532a484c216\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_8f5712e4d1a50ebf15896257021\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_3e9f43af2e6f218760cf060152b\"");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"FK_05429f5739a56d511de0cc81a79\"");
    await queryRunner.query("ALTER TABLE \"export_files\" DROP CONSTRAINT \"FK_16d6810e0a7d4ab13ec984825de\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_meeting_invitations_person\"");
    await queryRunner.query("DROP TABLE \"meeting_invitations\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_agenda_items_position\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_agenda_items_proposal\"");
    await queryRunner.query("DROP TABLE \"agenda_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_action_items_meeting\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_action_items_owner_status\"");
    await queryRunner.query("DROP TABLE \"action_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_meetings_group_starts\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_meetings_starts\"");
    await queryRunner.query("DROP TABLE \"meetings\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_export_files_expires\"");
    await queryRunner.query("DROP TABLE \"export_files\"");
  }
}
