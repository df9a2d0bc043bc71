import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserTokensValidAfter1795552914056 implements MigrationInterface {
  name = 'AddUserTokensValidAfter1795552914056';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "tokens_valid_after" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "tokens_valid_after"`);
  }
}
