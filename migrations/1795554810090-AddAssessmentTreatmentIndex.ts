import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAssessmentTreatmentIndex1795554810090 implements MigrationInterface {
  name = 'AddAssessmentTreatmentIndex1795554810090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_assessment__treatment_id" ON "assessment"  ("treatment_id", "time_point", "status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_assessment__treatment_id"`);
  }
}
