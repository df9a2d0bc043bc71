import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access is audited, not only changes: sign-in (LOGIN, LOGIN_FAILED, LOCKOUT), sign-out
 * (LOGOUT), passwords (PASSWORD_CHANGE by the user, PASSWORD_RESET by an admin) and reads that
 * return patient identifiers (READ). The new values are only added here, never used, so the
 * migration may run in a transaction.
 */
export class AddAccessAuditActions1795600000000 implements MigrationInterface {
  name = 'AddAccessAuditActions1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const value of ['LOGIN_FAILED', 'LOCKOUT', 'LOGOUT', 'PASSWORD_CHANGE', 'PASSWORD_RESET', 'READ']) {
      await queryRunner.query(`ALTER TYPE audit_action ADD VALUE IF NOT EXISTS '${value}'`);
    }
    // The audit log is read newest first, filtered by action (sign-ins, exports, reads).
    await queryRunner.query(`CREATE INDEX ix_audit_event__action ON audit_event (action, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop a value from an enum; the index goes.
    await queryRunner.query(`DROP INDEX ix_audit_event__action`);
  }
}
