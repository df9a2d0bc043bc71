import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSavedCohorts1795554149775 implements MigrationInterface {
  name = 'AddSavedCohorts1795554149775';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "saved_cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "name" character varying(120) NOT NULL, "description" character varying(2000), "filter" jsonb NOT NULL, "owner_id" uuid NOT NULL, "shared" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_saved_cohort__name__length" CHECK (char_length(name) BETWEEN 1 AND 120), CONSTRAINT "PK_ae3998e17b991e095e6739a1741" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_saved_cohort__shared" ON "saved_cohort"  ("shared") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_saved_cohort__name" ON "saved_cohort"  ("owner_id", "name") WHERE withdrawn_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "saved_cohort" ADD CONSTRAINT "fk_saved_cohort__owner_id" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_cohort" DROP CONSTRAINT "fk_saved_cohort__owner_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_saved_cohort__name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_saved_cohort__shared"`);
    await queryRunner.query(`DROP TABLE "saved_cohort"`);
  }
}
