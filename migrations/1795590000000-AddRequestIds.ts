import { MigrationInterface, QueryRunner } from 'typeorm';

// Every record a create mutation makes may carry the client's own id for that request, as visits
// already do (AddAssessmentRequestId): a create sent again after its answer was lost returns the
// record already made instead of a second one. The partial unique index also stops two identical
// creates sent at once from both being recorded.
const TABLES = ['site', 'app_user', 'saved_cohort', 'patient', 'fracture', 'treatment', 'complication'];

export class AddRequestIds1795590000000 implements MigrationInterface {
  name = 'AddRequestIds1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "request_id" uuid`);
      await queryRunner.query(`CREATE UNIQUE INDEX "uq_${table}__request_id" ON "${table}" ("request_id") WHERE request_id IS NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."uq_${table}__request_id"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "request_id"`);
    }
  }
}
