import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots (contract 07): ballots, the priorities a RANKING ballot ranks, the electorate fixed when a ballot
 * opens (eligible and recused organisations) and the votes, one per organisation and ballot (primary key).
 */
export class Ballots1797100000000 implements MigrationInterface {
  name = 'Ballots1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ballots\" (\"id\" uuid NOT NULL, \"working_group_id\" uuid, \"title\" text NOT NULL, \"motion\" text NOT NULL, \"kind\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'DRAFT', \"opens_at\" TIMESTAMP(3) WITH TIME ZONE, \"closes_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"quorum_percent\" integer NOT NULL, \"majority_percent\" integer NOT NULL, \"secret\" boolean NOT NULL, \"proposal_id\" uuid, \"decides_proposal\" boolean NOT NULL, \"eligible_count\" integer, \"result\" jsonb, \"note\" text, \"reminded_at\" TIMESTAMP(3) WITH TIME ZONE, \"closed_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_ballots_majority\" CHECK (\"majority_percent\" BETWEEN 1 AND 99), CONSTRAINT \"CHK_ballots_quorum\" CHECK (\"quorum_percent\" BETWEEN 1 AND 100), CONSTRAINT \"PK_1c29cf82a8045f839f8639634e9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ballots_proposal\" ON \"ballots\"  (\"proposal_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ballots_open_closes_at\" ON \"ballots\"  (\"closes_at\") WHERE \"state\" = 'OPEN'");
    await queryRunner.query("CREATE INDEX \"IDX_ballots_group_created\" ON \"ballots\"  (\"working_group_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ballots_order_created\" ON \"ballots\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"ballot_priorities\" (\"ballot_id\" uuid NOT NULL, \"priority_id\" uuid NOT NULL, \"position\" integer NOT NULL, CONSTRAINT \"PK_3a168923d58a7394ea56089c6cc\" PRIMARY KEY (\"ballot_id\", \"priority_id\"))");
    await queryRunner.query("CREATE TABLE \"ballot_electorate\" (\"ballot_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"recused\" boolean NOT NULL, CONSTRAINT \"PK_7386dd74a0135a49e866bc85b72\" PRIMARY KEY (\"ballot_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ballot_electorate_organization\" ON \"ballot_electorate\"  (\"organization_id\", \"ballot_id\") ");
    await queryRunner.query("CREATE TABLE \"ballot_votes\" (\"ballot_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"choice\" text, \"ranking\" uuid array, \"cast_by_id\" uuid NOT NULL, \"cast_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_0e3b8468b6b8279e1caab8bf184\" PRIMARY KEY (\"ballot_id\", \"organization_id\"))");
    await queryRunner.query("ALTER TABLE \"ballots\" ADD CONSTRAINT \"FK_7416cc97b8fa6ed0b4796d6616b\" FOREIGN KEY (\"working_group_id\") REFERENCES \"working_groups\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballots\" ADD CONSTRAINT \"FK_072d44fb3dd6f032358baa1f235\" FOREIGN KEY (\"proposal_id\") REFERENCES \"cooperation_proposals\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballots\" ADD CONSTRAINT \"FK_48e52f2913728a9b407b22ec946\" FOREIGN KEY (\"created_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_priorities\" ADD CONSTRAINT \"FK_10d4f393745ae58f3e5c3a36b56\" FOREIGN KEY (\"ballot_id\") REFERENCES \"ballots\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_priorities\" ADD CONSTRAINT \"FK_49cacbfe7dd67636ab9b0b78eee\" FOREIGN KEY (\"priority_id\") REFERENCES \"priorities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_electorate\" ADD CONSTRAINT \"FK_e7147bad86ce3a88f548731cfdd\" FOREIGN KEY (\"ballot_id\") REFERENCES \"ballots\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_electorate\" ADD CONSTRAINT \"FK_00e3444ba4e68e3453f0ee4527b\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_votes\" ADD CONSTRAINT \"FK_6d8edef4c87e93cb1bf01c26853\" FOREIGN KEY (\"ballot_id\") REFERENCES \"ballots\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_votes\" ADD CONSTRAINT \"FK_a78a7f5b62b1651e531f11549fc\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_votes\" ADD CONSTRAINT \"FK_23123bc69ff5090e1e5b1b6b3a0\" FOREIGN KEY (\"cast_by_id\") REFERENCES \"people\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"ballot_votes\" DROP CONSTRAINT \"FK_23123bc69ff5090e1e5b1b6b3a0\"");
    await queryRunner.query("ALTER TABLE \"ballot_votes\" DROP CONSTRAINT \"FK_a78a7f5b62b1651e531f11549fc\"");
    await queryRunner.query("ALTER TABLE \"ballot_votes\" DROP CONSTRAINT \"FK_6d8edef4c87e93cb1bf01c26853\"");
    await queryRunner.query("ALTER TABLE \"ballot_electorate\" DROP CONSTRAINT \"FK_00e3444ba4e68e3453f0ee4527b\"");
    await queryRunner.query("ALTER TABLE \"ballot_electorate\" DROP CONSTRAINT \"FK_e7147bad86ce3a88f548731cfdd\"");
    await queryRunner.query("ALTER TABLE \"ballot_priorities\" DROP CONSTRAINT \"FK_49cacbfe7dd67636ab9b0b78eee\"");
    await queryRunner.query("ALTER TABLE \"ballot_priorities\" DROP CONSTRAINT \"FK_10d4f393745ae58f3e5c3a36b56\"");
    await queryRunner.query("ALTER TABLE \"ballots\" DROP CONSTRAINT \"FK_48e52f2913728a9b407b22ec946\"");
    await queryRunner.query("ALTER TABLE \"ballots\" DROP CONSTRAINT \"FK_072d44fb3dd6f032358baa1f235\"");
    await queryRunner.query("ALTER TABLE \"ballots\" DROP CONSTRAINT \"FK_7416cc97b8fa6ed0b4796d6616b\"");
    await queryRunner.query("DROP TABLE \"ballot_votes\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballot_electorate_organization\"");
    await queryRunner.query("DROP TABLE \"ballot_electorate\"");
    await queryRunner.query("DROP TABLE \"ballot_priorities\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballots_order_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballots_group_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballots_open_closes_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballots_proposal\"");
    await queryRunner.query("DROP TABLE \"ballots\"");
  }
}
