import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password an administrator set (a new account, a reset) must be replaced by the user: the flag
 * that keeps them on the change step, and the moment the set password was used for its one sign-in.
 * Existing accounts keep their passwords as they are.
 */
export class AddPasswordChangeRequired1795650000000 implements MigrationInterface {
  name = 'AddPasswordChangeRequired1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "temporary_password_used_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "temporary_password_used_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
