import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data pools (contract 06): pools with versioned terms, their signatories, the catalogue of datasets, the
 * access requests, and each pool's append-only history. The history refuses UPDATE, DELETE and TRUNCATE in
 * the database itself, except in a transaction that ran `SET LOCAL ecava.erasure = 'on'` (GDPR erasure).
 */
export class DataPools1796000000000 implements MigrationInterface {
  name = 'DataPools1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"data_access_requests\" (\"id\" uuid NOT NULL, \"pool_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"requested_by_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"justification\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'REQUESTED', \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE, \"note\" text, \"expires_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f0115ca964601f3c5a87f0a006c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_data_access_requests_open\" ON \"data_access_requests\"  (\"pool_id\", \"organization_id\", \"purpose\") WHERE \"state\" = 'REQUESTED'");
    await queryRunner.query("CREATE INDEX \"IDX_data_access_requests_expiring\" ON \"data_access_requests\"  (\"expires_at\") WHERE \"state\" = 'APPROVED' AND \"expires_at\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_data_access_requests_pool_created\" ON \"data_access_requests\"  (\"pool_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"data_pool_datasets\" (\"id\" uuid NOT NULL, \"pool_id\" uuid NOT NULL, \"contributor_organization_id\" uuid NOT NULL, \"title\" text NOT NULL, \"description\" text, \"modality\" text NOT NULL, \"size_bytes\" double precision, \"recording_hours\" double precision, \"distance_km\" double precision, \"sensitivity\" text NOT NULL, \"license\" text NOT NULL, \"hosted_by_organization_id\" uuid, \"location\" text NOT NULL, \"personal_data\" boolean NOT NULL, \"anonymised\" boolean NOT NULL, \"legal_basis\" text, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_87dbd83b6f27a10fe924b2021b0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_data_pool_datasets_pool\" ON \"data_pool_datasets\"  (\"pool_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"data_pool_events\" (\"id\" uuid NOT NULL, \"pool_id\" uuid NOT NULL, \"actor_id\" uuid, \"type\" text NOT NULL, \"terms_version\" integer NOT NULL, \"organization_id\" uuid, \"subject_id\" uuid, \"from_state\" text, \"to_state\" text, \"note\" text, \"at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b921e531abb9d7656edf8ce9410\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_data_pool_events_pool\" ON \"data_pool_events\"  (\"pool_id\", \"at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"data_pools\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid NOT NULL, \"proposal_id\" uuid, \"title\" text NOT NULL, \"purpose\" text NOT NULL, \"steward_organization_id\" uuid NOT NULL, \"state\" text NOT NULL DEFAULT 'DRAFT', \"confidentiality\" text NOT NULL, \"terms\" jsonb NOT NULL, \"terms_version\" integer NOT NULL DEFAULT '1', \"terms_digest\" text NOT NULL, \"valid_from\" TIMESTAMP(3) WITH TIME ZONE, \"valid_until\" TIMESTAMP(3) WITH TIME ZONE, \"created_by_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_fab61882821af01109b2edefd9e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_data_pools_proposal\" ON \"data_pools\"  (\"proposal_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_data_pools_valid_until\" ON \"data_pools\"  (\"valid_until\") WHERE \"state\" NOT IN ('CLOSED', 'EXPIRED') AND \"valid_until\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_data_pools_group_created\" ON \"data_pools\"  (\"working_group_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_data_pools_order_created\" ON \"data_pools\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"data_pool_signatories\" (\"pool_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"role\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'PENDING', \"terms_version\" integer, \"terms_digest\" text, \"signed_by_id\" uuid, \"signed_at\" TIMESTAMP(3) WITH TIME ZONE, \"invited_by_id\" uuid NOT NULL, \"invited_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_eade1ce584d4a7b6f5c0477575a\" PRIMARY KEY (\"pool_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_data_pool_signatories_organization\" ON \"data_pool_signatories\"  (\"organization_id\", \"pool_id\") ");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" ADD CONSTRAINT \"FK_39a7bb5f5beba0c4428ba3cd131\" FOREIGN KEY (\"pool_id\") REFERENCES \"data_pools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" ADD CONSTRAINT \"FK_5b84e66bf1350489b7b599ddbf8\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" ADD CONSTRAINT \"FK_74464e6a8be42bdae4dd1d765f4\" FOREIGN KEY (\"requested_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" ADD CONSTRAINT \"FK_3b533e4413ae0160fb1753dfcd0\" FOREIGN KEY (\"decided_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" ADD CONSTRAINT \"FK_6196dc62a531ca511af808a4a0c\" FOREIGN KEY (\"pool_id\") REFERENCES \"data_pools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" ADD CONSTRAINT \"FK_330d112b337030939f263cbbb33\" FOREIGN KEY (\"contributor_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" ADD CONSTRAINT \"FK_f266482b973ecd5cd4d0a0b1d6b\" FOREIGN KEY (\"hosted_by_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" ADD CONSTRAINT \"FK_d5352025f761ce748ab05c7b9d9\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" ADD CONSTRAINT \"FK_bed1b09ec147d6e7e938070e4ce\" FOREIGN KEY (\"pool_id\") REFERENCES \"data_pools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" ADD CONSTRAINT \"FK_94bf2c49839fc31f67ea9b9c850\" FOREIGN KEY (\"actor_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" ADD CONSTRAINT \"FK_4db37aa6e3dc663217f17d7fbb8\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pools\" ADD CONSTRAINT \"FK_bae7af319b9892c1b9a89a0d89f\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pools\" ADD CONSTRAINT \"FK_affcf9d7f0f692eb435fb041fb0\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pools\" ADD CONSTRAINT \"FK_5c95002ae4a70136a2cc51b8c5c\" FOREIGN KEY (\"steward_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pools\" ADD CONSTRAINT \"FK_fbd526212c03ca6e9f7b01c0724\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" ADD CONSTRAINT \"FK_b1a969d5c53e6480006488aae3a\" FOREIGN KEY (\"pool_id\") REFERENCES \"data_pools\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" ADD CONSTRAINT \"FK_297c0dbc7c70393f162bd482272\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" ADD CONSTRAINT \"FK_f868907e60c69e9cab5823d5dde\" FOREIGN KEY (\"signed_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" ADD CONSTRAINT \"FK_02b5ef71e6a3715dcb3602fb542\" FOREIGN KEY (\"invited_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // The history is append-only; only an erasure (its own transaction, SET LOCAL) may rewrite or remove rows.
    await queryRunner.query(`CREATE FUNCTION "data_pool_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('ecava.erasure', true) = 'on' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'data_pool_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "data_pool_events_append_only" BEFORE UPDATE OR DELETE ON "data_pool_events" FOR EACH ROW EXECUTE FUNCTION "data_pool_events_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "data_pool_events_no_truncate" BEFORE TRUNCATE ON "data_pool_events" FOR EACH STATEMENT EXECUTE FUNCTION "data_pool_events_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "data_pool_events_no_truncate" ON "data_pool_events"`);
    await queryRunner.query(`DROP TRIGGER "data_pool_events_append_only" ON "data_pool_events"`);
    await queryRunner.query(`DROP FUNCTION "data_pool_events_append_only"()`);
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" DROP CONSTRAINT \"FK_02b5ef71e6a3715dcb3602fb542\"");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" DROP CONSTRAINT \"FK_f868907e60c69e9cab5823d5dde\"");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" DROP CONSTRAINT \"FK_297c0dbc7c70393f162bd482272\"");
    await queryRunner.query("ALTER TABLE \"data_pool_signatories\" DROP CONSTRAINT \"FK_b1a969d5c53e6480006488aae3a\"");
    await queryRunner.query("ALTER TABLE \"data_pools\" DROP CONSTRAINT \"FK_fbd526212c03ca6e9f7b01c0724\"");
    await queryRunner.query("ALTER TABLE \"data_pools\" DROP CONSTRAINT \"FK_5c95002ae4a70136a2cc51b8c5c\"");
    await queryRunner.query("ALTER TABLE \"data_pools\" DROP CONSTRAINT \"FK_affcf9d7f0f692eb435fb041fb0\"");
    await queryRunner.query("ALTER TABLE \"data_pools\" DROP CONSTRAINT \"FK_bae7af319b9892c1b9a89a0d89f\"");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" DROP CONSTRAINT \"FK_4db37aa6e3dc663217f17d7fbb8\"");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" DROP CONSTRAINT \"FK_94bf2c49839fc31f67ea9b9c850\"");
    await queryRunner.query("ALTER TABLE \"data_pool_events\" DROP CONSTRAINT \"FK_bed1b09ec147d6e7e938070e4ce\"");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" DROP CONSTRAINT \"FK_d5352025f761ce748ab05c7b9d9\"");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" DROP CONSTRAINT \"FK_f266482b973ecd5cd4d0a0b1d6b\"");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" DROP CONSTRAINT \"FK_330d112b337030939f263cbbb33\"");
    await queryRunner.query("ALTER TABLE \"data_pool_datasets\" DROP CONSTRAINT \"FK_6196dc62a531ca511af808a4a0c\"");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" DROP CONSTRAINT \"FK_3b533e4413ae0160fb1753dfcd0\"");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" DROP CONSTRAINT \"FK_74464e6a8be42bdae4dd1d765f4\"");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" DROP CONSTRAINT \"FK_5b84e66bf1350489b7b599ddbf8\"");
    await queryRunner.query("ALTER TABLE \"data_access_requests\" DROP CONSTRAINT \"FK_39a7bb5f5beba0c4428ba3cd131\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pool_signatories_organization\"");
    await queryRunner.query("DROP TABLE \"data_pool_signatories\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pools_order_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pools_group_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pools_valid_until\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pools_proposal\"");
    await queryRunner.query("DROP TABLE \"data_pools\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pool_events_pool\"");
    await queryRunner.query("DROP TABLE \"data_pool_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_pool_datasets_pool\"");
    await queryRunner.query("DROP TABLE \"data_pool_datasets\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_access_requests_pool_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_data_access_requests_expiring\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_data_access_requests_open\"");
    await queryRunner.query("DROP TABLE \"data_access_requests\"");
  }
}
