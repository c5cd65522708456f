import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795781562045 implements MigrationInterface {
  name = 'Initial1795781562045';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"short_name\" text, \"kind\" text NOT NULL, \"country\" character(2) NOT NULL, \"website\" text, \"description\" text, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"people\" (\"id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"name\" text NOT NULL, \"email\" text NOT NULL, \"title\" text, \"locale\" text NOT NULL DEFAULT 'EN', \"timezone\" text NOT NULL DEFAULT 'Europe/Brussels', \"role\" text NOT NULL DEFAULT 'MEMBER', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_aa866e71353ee94c6cc51059c5b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_people_organization\" ON \"people\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"working_groups\" (\"id\" uuid NOT NULL, \"slug\" text NOT NULL, \"name\" text NOT NULL, \"mission\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_95e6a3cace78635e0e7c85ddc98\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_working_groups_slug\" ON \"working_groups\"  (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"access_tokens\" (\"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"name\" text NOT NULL, \"token_hash\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP(3) WITH TIME ZONE, \"revoked_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_65140f59763ff994a0252488166\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_access_tokens_person\" ON \"access_tokens\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_access_tokens_token_hash\" ON \"access_tokens\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_sessions_person\" ON \"sessions\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_sessions_token_hash\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"sign_in_links\" (\"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_2097ee1b62272fac6526b35398e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_sign_in_links_person\" ON \"sign_in_links\"  (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_sign_in_links_token_hash\" ON \"sign_in_links\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"sign_in_requests\" (\"id\" uuid NOT NULL, \"email\" text NOT NULL, \"ip\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7284adceb2a41079db81393b04a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_sign_in_requests_ip\" ON \"sign_in_requests\"  (\"ip\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_sign_in_requests_email\" ON \"sign_in_requests\"  (\"email\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"membership_applications\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"submitted_by_id\" uuid NOT NULL, \"motivation\" text NOT NULL, \"contribution\" text, \"state\" text NOT NULL DEFAULT 'SUBMITTED', \"decision_reason\" text, \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6df1e0ca72e330af40714d59e95\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_applications_organization\" ON \"membership_applications\"  (\"organization_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_applications_group\" ON \"membership_applications\"  (\"working_group_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"working_group_memberships\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"since\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"ended_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_d45491dbd1a24585baa6ee78d25\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_memberships_organization\" ON \"working_group_memberships\"  (\"organization_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_memberships_group_organization\" ON \"working_group_memberships\"  (\"working_group_id\", \"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"working_group_participants\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"role\" text NOT NULL, \"since\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"ended_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_2196fb3b5ec20ba50c6e55053a9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_participants_person\" ON \"working_group_participants\"  (\"person_id\", \"ended_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_participants_group\" ON \"working_group_participants\"  (\"working_group_id\", \"ended_at\") ");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"FK_cf52f7332103f758b27bd99c5ef\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"access_tokens\" ADD CONSTRAINT \"FK_8bba8fa213f3fa3a81c3061d642\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_c3942eab830cae599a763e11557\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sign_in_links\" ADD CONSTRAINT \"FK_0a99f9f7fa02d1dcb436c474fff\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership_applications\" ADD CONSTRAINT \"FK_36e7f09b14879a06b4b2024ed18\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership_applications\" ADD CONSTRAINT \"FK_f0e434dce114055687e411793ac\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership_applications\" ADD CONSTRAINT \"FK_009342477c6c493f103ccf4cd78\" FOREIGN KEY (\"submitted_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership_applications\" ADD CONSTRAINT \"FK_73daf692761d01d2ed64c36a4b9\" FOREIGN KEY (\"decided_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"working_group_memberships\" ADD CONSTRAINT \"FK_af7e2537e123af51d834b8abb60\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"working_group_memberships\" ADD CONSTRAINT \"FK_21f67bc74ce6d28c04e2931ba94\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"working_group_participants\" ADD CONSTRAINT \"FK_6aa098005e843cb267c9d7ee2e2\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"working_group_participants\" ADD CONSTRAINT \"FK_5c82290f413e05c74eadadc9dc8\" FOREIGN KEY (\"person_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Hand-written: rules TypeORM's decorators cannot express (case-insensitive and partial uniqueness).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organizations_name_lower" ON "organizations" (lower("name"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_people_email_lower" ON "people" (lower("email"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_participants_active_seat" ON "working_group_participants" ("working_group_id", "person_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_applications_open" ON "membership_applications" ("working_group_id", "organization_id") WHERE "state" IN ('SUBMITTED', 'UNDER_REVIEW')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['UQ_applications_open', 'UQ_participants_active_seat', 'UQ_people_email_lower', 'UQ_organizations_name_lower']) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query("ALTER TABLE \"working_group_participants\" DROP CONSTRAINT \"FK_5c82290f413e05c74eadadc9dc8\"");
    await queryRunner.query("ALTER TABLE \"working_group_participants\" DROP CONSTRAINT \"FK_6aa098005e843cb267c9d7ee2e2\"");
    await queryRunner.query("ALTER TABLE \"working_group_memberships\" DROP CONSTRAINT \"FK_21f67bc74ce6d28c04e2931ba94\"");
    await queryRunner.query("ALTER TABLE \"working_group_memberships\" DROP CONSTRAINT \"FK_af7e2537e123af51d834b8abb60\"");
    await queryRunner.query("ALTER TABLE \"membership_applications\" DROP CONSTRAINT \"FK_73daf692761d01d2ed64c36a4b9\"");
    await queryRunner.query("ALTER TABLE \"membership_applications\" DROP CONSTRAINT \"FK_009342477c6c493f103ccf4cd78\"");
    await queryRunner.query("ALTER TABLE \"membership_applications\" DROP CONSTRAINT \"FK_f0e434dce114055687e411793ac\"");
    await queryRunner.query("ALTER TABLE \"membership_applications\" DROP CONSTRAINT \"FK_36e7f09b14879a06b4b2024ed18\"");
    await queryRunner.query("ALTER TABLE \"sign_in_links\" DROP CONSTRAINT \"FK_0a99f9f7fa02d1dcb436c474fff\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_c3942eab830cae599a763e11557\"");
    await queryRunner.query("ALTER TABLE \"access_tokens\" DROP CONSTRAINT \"FK_8bba8fa213f3fa3a81c3061d642\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"FK_cf52f7332103f758b27bd99c5ef\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_participants_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_participants_person\"");
    await queryRunner.query("DROP TABLE \"working_group_participants\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_memberships_group_organization\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_memberships_organization\"");
    await queryRunner.query("DROP TABLE \"working_group_memberships\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_applications_group\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_applications_organization\"");
    await queryRunner.query("DROP TABLE \"membership_applications\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_sign_in_requests_email\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_sign_in_requests_ip\"");
    await queryRunner.query("DROP TABLE \"sign_in_requests\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_sign_in_links_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_sign_in_links_person\"");
    await queryRunner.query("DROP TABLE \"sign_in_links\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_sessions_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_sessions_person\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_access_tokens_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_access_tokens_person\"");
    await queryRunner.query("DROP TABLE \"access_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_working_groups_slug\"");
    await queryRunner.query("DROP TABLE \"working_groups\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_people_organization\"");
    await queryRunner.query("DROP TABLE \"people\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
  }
}
