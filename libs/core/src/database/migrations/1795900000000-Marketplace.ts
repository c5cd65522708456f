import { MigrationInterface, QueryRunner } from 'typeorm';

/** English and German full text over a listing's title and description (replaced by a stored search_document in 1795900600000). */
const SEARCH_DOCUMENT =
  `(to_tsvector('english'::regconfig, title || ' ' || coalesce(description, '')) || ` +
  `to_tsvector('german'::regconfig, title || ' ' || coalesce(description, '')))`;

/**
 * The cooperation marketplace (contract 05): capabilities, resource needs and introductions between them.
 * Lists read newest first per table and per organisation; matching reads the ACTIVE capabilities of a kind
 * (partial index), notifications the OPEN needs of a kind; one live introduction per need and capability.
 */
export class Marketplace1795900000000 implements MigrationInterface {
  name = 'Marketplace1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"capabilities\" (\"id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"title\" text NOT NULL, \"description\" text, \"quantity\" double precision, \"unit\" text, \"available_from\" TIMESTAMP(3) WITH TIME ZONE, \"available_until\" TIMESTAMP(3) WITH TIME ZONE, \"location\" text NOT NULL, \"max_sensitivity\" text NOT NULL, \"certifications\" text array NOT NULL DEFAULT '{}', \"access_model\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"confidentiality\" text NOT NULL, \"working_group_id\" uuid, \"created_by_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c94fe6cafdb7646522a915893fd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_capabilities_working_group\" ON \"capabilities\"  (\"working_group_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_capabilities_active_kind\" ON \"capabilities\"  (\"kind\", \"created_at\", \"id\") WHERE \"status\" = 'ACTIVE'");
    await queryRunner.query("CREATE INDEX \"IDX_capabilities_organization_created\" ON \"capabilities\"  (\"organization_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_capabilities_order_created\" ON \"capabilities\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"introductions\" (\"id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, \"capability_id\" uuid NOT NULL, \"state\" text NOT NULL DEFAULT 'REQUESTED', \"message\" text, \"requested_by_id\" uuid NOT NULL, \"answered_by_id\" uuid, \"answer_note\" text, \"proposal_id\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"answered_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_811d59fa8b5c5255e94438b348e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_introductions_capability\" ON \"introductions\"  (\"capability_id\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"IDX_introductions_need_state\" ON \"introductions\"  (\"need_id\", \"state\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_introductions_live_pair\" ON \"introductions\"  (\"need_id\", \"capability_id\") WHERE \"state\" IN ('REQUESTED', 'ACCEPTED')");
    await queryRunner.query("CREATE TABLE \"resource_needs\" (\"id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"proposal_id\" uuid, \"anonymous\" boolean NOT NULL DEFAULT false, \"kind\" text NOT NULL, \"title\" text NOT NULL, \"description\" text, \"quantity\" double precision, \"unit\" text, \"needed_from\" TIMESTAMP(3) WITH TIME ZONE, \"needed_until\" TIMESTAMP(3) WITH TIME ZONE, \"sensitivity\" text NOT NULL, \"allowed_locations\" text array NOT NULL DEFAULT '{}', \"required_certifications\" text array NOT NULL DEFAULT '{}', \"status\" text NOT NULL DEFAULT 'OPEN', \"confidentiality\" text NOT NULL, \"working_group_id\" uuid, \"created_by_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e8cb45a302d472c8067280b6119\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_resource_needs_proposal\" ON \"resource_needs\"  (\"proposal_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_resource_needs_working_group\" ON \"resource_needs\"  (\"working_group_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_resource_needs_open_kind\" ON \"resource_needs\"  (\"kind\", \"created_at\", \"id\") WHERE \"status\" = 'OPEN'");
    await queryRunner.query("CREATE INDEX \"IDX_resource_needs_organization_created\" ON \"resource_needs\"  (\"organization_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_resource_needs_order_created\" ON \"resource_needs\"  (\"created_at\", \"id\") ");
    await queryRunner.query(`CREATE INDEX "IDX_capabilities_search" ON "capabilities" USING GIN (${SEARCH_DOCUMENT})`);
    await queryRunner.query(`CREATE INDEX "IDX_resource_needs_search" ON "resource_needs" USING GIN (${SEARCH_DOCUMENT})`);
    await queryRunner.query("ALTER TABLE \"capabilities\" ADD CONSTRAINT \"FK_4507e940215c381ab8bd3f92604\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"capabilities\" ADD CONSTRAINT \"FK_c7d2c9a33db7ff1259741ad01e2\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"capabilities\" ADD CONSTRAINT \"FK_972d584bb573187478f931ec3b0\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_910e22540e436180c6671585c30\" FOREIGN KEY (\"need_id\") REFERENCES \"resource_needs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_b0d635fcfbf6b3c34d813f654ed\" FOREIGN KEY (\"capability_id\") REFERENCES \"capabilities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_322ec5e13aa51f7e8d6180ed3a0\" FOREIGN KEY (\"requested_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_5c59e097c74acef767568912141\" FOREIGN KEY (\"answered_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_da1a37447ee0ca056a46cbe382b\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"resource_needs\" ADD CONSTRAINT \"FK_73392d65b5cd32812f0fa1d86ab\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"resource_needs\" ADD CONSTRAINT \"FK_7131373f0d4ea3b7b912fd35600\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"resource_needs\" ADD CONSTRAINT \"FK_4a8b29308a440aa0c04dfacaf99\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"resource_needs\" ADD CONSTRAINT \"FK_1bf7f94f180a37b682f5f1f4187\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"resource_needs\" DROP CONSTRAINT \"FK_1bf7f94f180a37b682f5f1f4187\"");
    await queryRunner.query("ALTER TABLE \"resource_needs\" DROP CONSTRAINT \"FK_4a8b29308a440aa0c04dfacaf99\"");
    await queryRunner.query("ALTER TABLE \"resource_needs\" DROP CONSTRAINT \"FK_7131373f0d4ea3b7b912fd35600\"");
    await queryRunner.query("ALTER TABLE \"resource_needs\" DROP CONSTRAINT \"FK_73392d65b5cd32812f0fa1d86ab\"");
    await queryRunner.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_da1a37447ee0ca056a46cbe382b\"");
    await queryRunner.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_5c59e097c74acef767568912141\"");
    await queryRunner.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_322ec5e13aa51f7e8d6180ed3a0\"");
    await queryRunner.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_b0d635fcfbf6b3c34d813f654ed\"");
    await queryRunner.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_910e22540e436180c6671585c30\"");
    await queryRunner.query("ALTER TABLE \"capabilities\" DROP CONSTRAINT \"FK_972d584bb573187478f931ec3b0\"");
    await queryRunner.query("ALTER TABLE \"capabilities\" DROP CONSTRAINT \"FK_c7d2c9a33db7ff1259741ad01e2\"");
    await queryRunner.query("ALTER TABLE \"capabilities\" DROP CONSTRAINT \"FK_4507e940215c381ab8bd3f92604\"");
    await queryRunner.query('DROP INDEX "public"."IDX_resource_needs_search"');
    await queryRunner.query('DROP INDEX "public"."IDX_capabilities_search"');
    await queryRunner.query("DROP INDEX \"public\".\"IDX_resource_needs_order_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_resource_needs_organization_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_resource_needs_open_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_resource_needs_working_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_resource_needs_proposal\"");
    await queryRunner.query("DROP TABLE \"resource_needs\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_introductions_live_pair\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_introductions_need_state\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_introductions_capability\"");
    await queryRunner.query("DROP TABLE \"introductions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_capabilities_order_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_capabilities_organization_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_capabilities_active_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_capabilities_working_group\"");
    await queryRunner.query("DROP TABLE \"capabilities\"");
  }
}
