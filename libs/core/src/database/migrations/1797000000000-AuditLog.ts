import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log (contract 07): one row per domain event, written in the change's own
 * transaction (usually its own statement). The database itself refuses UPDATE, DELETE and TRUNCATE, except
 * in a transaction that ran `SET LOCAL ecava.erasure = 'on'` (GDPR erasure clears a person from it).
 * `auditLog` pages newest first by id; each filter has an index ending in the id, so a filtered page reads
 * only its own rows.
 */
export class AuditLog1797000000000 implements MigrationInterface {
  name = 'AuditLog1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" (
      "id" bigserial PRIMARY KEY,
      "at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid NULL REFERENCES "people"("id"),
      "actor_organization_id" uuid NULL REFERENCES "organizations"("id"),
      "action" text NOT NULL,
      "entity_type" text NOT NULL,
      "entity_id" text NOT NULL,
      "details" jsonb NULL
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor" ON "audit_log" ("actor_id", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor_organization" ON "audit_log" ("actor_organization_id", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_entity" ON "audit_log" ("entity_type", "entity_id", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_entity_id" ON "audit_log" ("entity_id", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_action" ON "audit_log" ("action", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at", "id")`);
    await queryRunner.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('ecava.erasure', true) = 'on' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
  }
}
