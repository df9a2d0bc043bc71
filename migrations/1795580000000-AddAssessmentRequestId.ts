import { MigrationInterface, QueryRunner } from 'typeorm';

// A visit may carry the client's own id for the request that created it. When the answer to a
// create is lost (a dropped connection, a database restart just after commit), the client sends
// the same request again and gets the visit already recorded instead of a second one.
export class AddAssessmentRequestId1795580000000 implements MigrationInterface {
  name = 'AddAssessmentRequestId1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assessment" ADD "request_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_assessment__request_id" ON "assessment" ("request_id") WHERE request_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_assessment__request_id"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP COLUMN "request_id"`);
  }
}
