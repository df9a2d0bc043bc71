import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a missed visit did not take place (libs/domain/src/fields/assessment.fields.ts,
 * `missedReason`), a field of the visit instead of words in its audit event alone. A category,
 * stored as an enum type as every list of the registry. Said of a missed visit only.
 *
 * Existing rows are neither filled nor changed: a missed visit recorded before keeps NULL, "not
 * recorded". The reason chosen on the worklist before this column is in the visit's audit event
 * ("Marked missed: ..."); reading it back into the visit is a coordinator's decision, not a
 * migration's. The values are written literally: a migration keeps its meaning if the definitions
 * change later.
 */
export class AddMissedVisitReason1795660000000 implements MigrationInterface {
  name = 'AddMissedVisitReason1795660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE missed_visit_reason AS ENUM ('NOT_REACHED', 'DECLINED', 'TOO_ILL', 'IN_CARE_ELSEWHERE', 'MOVED_AWAY', 'OTHER')`);
    await q.query(`
      ALTER TABLE assessment
        ADD COLUMN missed_reason missed_visit_reason,
        ADD CONSTRAINT ck_assessment__missed_reason__missed_only CHECK (missed_reason IS NULL OR status = 'MISSED')`);
    // Said, not fixed: how many missed visits are left without a reason.
    const [{ n }] = (await q.query(`SELECT count(*)::int AS n FROM assessment WHERE status = 'MISSED' AND withdrawn_at IS NULL`)) as { n: number }[];
    if (n > 0) q.connection.logger.log('warn', `AddMissedVisitReason: ${n} missed visit(s) recorded before have no reason (left NULL, not recorded)`, q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessment DROP CONSTRAINT ck_assessment__missed_reason__missed_only, DROP COLUMN missed_reason`);
    await q.query(`DROP TYPE missed_visit_reason`);
  }
}
