import { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_DOCUMENT =
  "(to_tsvector('english'::regconfig, title || ' ' || summary || ' ' || body) || to_tsvector('german'::regconfig, title || ' ' || summary || ' ' || body))";

export class PrioritiesAndProposals1795782709301 implements MigrationInterface {
  name = 'PrioritiesAndProposals1795782709301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"priorities\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid, \"title\" text NOT NULL, \"description\" text NOT NULL, \"rank\" integer NOT NULL, \"status\" text NOT NULL DEFAULT 'PROPOSED', \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_928b91cfc09b11e82aeb6373b22\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_priorities_working_group\" ON \"priorities\"  (\"working_group_id\") ");
    await queryRunner.query("CREATE TABLE \"priority_endorsements\" (\"priority_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"endorsed_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_46180b486fd8e4bd9f46363d09c\" PRIMARY KEY (\"priority_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_priority_endorsements_organization\" ON \"priority_endorsements\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"cooperation_proposals\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid NOT NULL, \"title\" text NOT NULL, \"summary\" text NOT NULL, \"body\" text NOT NULL, \"kind\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'DRAFT', \"confidentiality\" text NOT NULL DEFAULT 'WORKING_GROUP', \"lead_organization_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"author_organization_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"support_count\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"submitted_at\" TIMESTAMP(3) WITH TIME ZONE, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_73c6e6217e4dedbaad30e0e6764\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposals_lead\" ON \"cooperation_proposals\"  (\"lead_organization_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_proposals_group_created\" ON \"cooperation_proposals\"  (\"working_group_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"proposal_priorities\" (\"proposal_id\" uuid NOT NULL, \"priority_id\" uuid NOT NULL, CONSTRAINT \"PK_486035845ac05bea150c4b7afc1\" PRIMARY KEY (\"proposal_id\", \"priority_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposal_priorities_priority\" ON \"proposal_priorities\"  (\"priority_id\") ");
    await queryRunner.query("CREATE TABLE \"proposal_comments\" (\"id\" uuid NOT NULL, \"proposal_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"parent_id\" uuid, \"body\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"edited_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_3dad96e1019f8d511df6b116cc7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposal_comments_proposal\" ON \"proposal_comments\"  (\"proposal_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"proposal_events\" (\"id\" uuid NOT NULL, \"proposal_id\" uuid NOT NULL, \"actor_id\" uuid, \"type\" text NOT NULL, \"from_state\" text, \"to_state\" text, \"note\" text, \"at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9b628caa7e25607d4e7196b32b7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposal_events_proposal\" ON \"proposal_events\"  (\"proposal_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"proposal_partners\" (\"proposal_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"role\" text, \"consent\" text NOT NULL DEFAULT 'INVITED', \"invited_by_id\" uuid NOT NULL, \"invited_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"responded_by_id\" uuid, \"responded_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_ed777054f4aacbe0b613876d1f1\" PRIMARY KEY (\"proposal_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposal_partners_organization\" ON \"proposal_partners\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"proposal_supports\" (\"proposal_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"supported_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b0d64ffe954466903a4b117c559\" PRIMARY KEY (\"proposal_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_proposal_supports_organization\" ON \"proposal_supports\"  (\"organization_id\") ");
    await queryRunner.query("ALTER TABLE \"priorities\" ADD CONSTRAINT \"FK_b0f996b0403c7db5ca7cdb3191b\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"priorities\" ADD CONSTRAINT \"FK_51199452d1c9c0c376e984dae82\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" ADD CONSTRAINT \"FK_5afcc6a3500dbc32c008a582b61\" FOREIGN KEY (\"priority_id\") REFERENCES \"priorities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" ADD CONSTRAINT \"FK_7fd2928cfe5803cd6930b379195\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" ADD CONSTRAINT \"FK_2e1a7d031fd5e6c4fd0d61efbbb\" FOREIGN KEY (\"endorsed_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" ADD CONSTRAINT \"FK_525002c243d1ce2380ec1bcfc04\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" ADD CONSTRAINT \"FK_e9e9ac00298a4ff1e6e7cb65424\" FOREIGN KEY (\"lead_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" ADD CONSTRAINT \"FK_9d869f0bee46235cb1444b82c19\" FOREIGN KEY (\"author_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" ADD CONSTRAINT \"FK_c472e030def97733e0fc1eb8e81\" FOREIGN KEY (\"author_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_priorities\" ADD CONSTRAINT \"FK_5b1cc0acb69e89427687ea23312\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_priorities\" ADD CONSTRAINT \"FK_920d9663d4ba93a290a6a7c9e54\" FOREIGN KEY (\"priority_id\") REFERENCES \"priorities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" ADD CONSTRAINT \"FK_4d4223d615f11fed9024062ab5c\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" ADD CONSTRAINT \"FK_afd8cf6e86981aad3838d29a726\" FOREIGN KEY (\"author_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" ADD CONSTRAINT \"FK_3d556f926f66743275d26402036\" FOREIGN KEY (\"parent_id\") REFERENCES \"proposal_comments\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_events\" ADD CONSTRAINT \"FK_dc07b732261225ae97d95b8227f\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_events\" ADD CONSTRAINT \"FK_a6242967f92d92266ffdcd36d60\" FOREIGN KEY (\"actor_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" ADD CONSTRAINT \"FK_ae9581a5d8aad05ee8d4cae0f9a\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" ADD CONSTRAINT \"FK_8c09908b2818ff4f12377bf7cfb\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" ADD CONSTRAINT \"FK_fc8c0dd6d7009eb5562c8107840\" FOREIGN KEY (\"invited_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" ADD CONSTRAINT \"FK_d84b715218e350df19feb8804c2\" FOREIGN KEY (\"responded_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_supports\" ADD CONSTRAINT \"FK_424e725f48d8788f1ad69c1cf0b\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_supports\" ADD CONSTRAINT \"FK_c0612a89883a6352ce594f59676\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"proposal_supports\" ADD CONSTRAINT \"FK_75f5bc5935be620571318c0de3f\" FOREIGN KEY (\"supported_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Hand-written: what the entity decorators cannot express.
    await queryRunner.query(`ALTER TABLE "priorities" ADD CONSTRAINT "CHK_priorities_rank" CHECK ("rank" >= 1)`);
    // Ranks are unique per scope; alliance-wide priorities (no group) form one scope.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_priorities_scope_rank" ON "priorities" (COALESCE("working_group_id", '00000000-0000-0000-0000-000000000000'::uuid), "rank")`,
    );
    // English and German full-text search over title, summary and body.
    await queryRunner.query(`CREATE INDEX "IDX_proposals_search" ON "cooperation_proposals" USING GIN (${SEARCH_DOCUMENT})`);
    // Keyset orders of the proposal list.
    await queryRunner.query(`CREATE INDEX "IDX_proposals_order_created" ON "cooperation_proposals" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_proposals_order_updated" ON "cooperation_proposals" ("updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_proposals_order_support" ON "cooperation_proposals" ("support_count", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_proposals_order_title" ON "cooperation_proposals" (lower("title"), "id")`);
    // The audit trail is append-only: nobody can edit or delete an event.
    await queryRunner.query(`CREATE FUNCTION "proposal_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'proposal_events is append-only'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "proposal_events_append_only" BEFORE UPDATE OR DELETE ON "proposal_events" FOR EACH ROW EXECUTE FUNCTION "proposal_events_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "proposal_events_no_truncate" BEFORE TRUNCATE ON "proposal_events" FOR EACH STATEMENT EXECUTE FUNCTION "proposal_events_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "proposal_events_no_truncate" ON "proposal_events"`);
    await queryRunner.query(`DROP TRIGGER "proposal_events_append_only" ON "proposal_events"`);
    await queryRunner.query(`DROP FUNCTION "proposal_events_append_only"()`);
    for (const index of ['IDX_proposals_order_title', 'IDX_proposals_order_support', 'IDX_proposals_order_updated', 'IDX_proposals_order_created', 'IDX_proposals_search']) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."UQ_priorities_scope_rank"`);
    await queryRunner.query(`ALTER TABLE "priorities" DROP CONSTRAINT "CHK_priorities_rank"`);
    await queryRunner.query("ALTER TABLE \"proposal_supports\" DROP CONSTRAINT \"FK_75f5bc5935be620571318c0de3f\"");
    await queryRunner.query("ALTER TABLE \"proposal_supports\" DROP CONSTRAINT \"FK_c0612a89883a6352ce594f59676\"");
    await queryRunner.query("ALTER TABLE \"proposal_supports\" DROP CONSTRAINT \"FK_424e725f48d8788f1ad69c1cf0b\"");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" DROP CONSTRAINT \"FK_d84b715218e350df19feb8804c2\"");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" DROP CONSTRAINT \"FK_fc8c0dd6d7009eb5562c8107840\"");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" DROP CONSTRAINT \"FK_8c09908b2818ff4f12377bf7cfb\"");
    await queryRunner.query("ALTER TABLE \"proposal_partners\" DROP CONSTRAINT \"FK_ae9581a5d8aad05ee8d4cae0f9a\"");
    await queryRunner.query("ALTER TABLE \"proposal_events\" DROP CONSTRAINT \"FK_a6242967f92d92266ffdcd36d60\"");
    await queryRunner.query("ALTER TABLE \"proposal_events\" DROP CONSTRAINT \"FK_dc07b732261225ae97d95b8227f\"");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" DROP CONSTRAINT \"FK_3d556f926f66743275d26402036\"");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" DROP CONSTRAINT \"FK_afd8cf6e86981aad3838d29a726\"");
    await queryRunner.query("ALTER TABLE \"proposal_comments\" DROP CONSTRAINT \"FK_4d4223d615f11fed9024062ab5c\"");
    await queryRunner.query("ALTER TABLE \"proposal_priorities\" DROP CONSTRAINT \"FK_920d9663d4ba93a290a6a7c9e54\"");
    await queryRunner.query("ALTER TABLE \"proposal_priorities\" DROP CONSTRAINT \"FK_5b1cc0acb69e89427687ea23312\"");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" DROP CONSTRAINT \"FK_c472e030def97733e0fc1eb8e81\"");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" DROP CONSTRAINT \"FK_9d869f0bee46235cb1444b82c19\"");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" DROP CONSTRAINT \"FK_e9e9ac00298a4ff1e6e7cb65424\"");
    await queryRunner.query("ALTER TABLE \"cooperation_proposals\" DROP CONSTRAINT \"FK_525002c243d1ce2380ec1bcfc04\"");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" DROP CONSTRAINT \"FK_2e1a7d031fd5e6c4fd0d61efbbb\"");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" DROP CONSTRAINT \"FK_7fd2928cfe5803cd6930b379195\"");
    await queryRunner.query("ALTER TABLE \"priority_endorsements\" DROP CONSTRAINT \"FK_5afcc6a3500dbc32c008a582b61\"");
    await queryRunner.query("ALTER TABLE \"priorities\" DROP CONSTRAINT \"FK_51199452d1c9c0c376e984dae82\"");
    await queryRunner.query("ALTER TABLE \"priorities\" DROP CONSTRAINT \"FK_b0f996b0403c7db5ca7cdb3191b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposal_supports_organization\"");
    await queryRunner.query("DROP TABLE \"proposal_supports\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposal_partners_organization\"");
    await queryRunner.query("DROP TABLE \"proposal_partners\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposal_events_proposal\"");
    await queryRunner.query("DROP TABLE \"proposal_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposal_comments_proposal\"");
    await queryRunner.query("DROP TABLE \"proposal_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposal_priorities_priority\"");
    await queryRunner.query("DROP TABLE \"proposal_priorities\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposals_group_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_proposals_lead\"");
    await queryRunner.query("DROP TABLE \"cooperation_proposals\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_priority_endorsements_organization\"");
    await queryRunner.query("DROP TABLE \"priority_endorsements\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_priorities_working_group\"");
    await queryRunner.query("DROP TABLE \"priorities\"");
  }
}
