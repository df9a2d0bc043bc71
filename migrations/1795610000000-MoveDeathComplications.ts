import { MigrationInterface, QueryRunner } from 'typeorm';

const NAME = 'MoveDeathComplications1795610000000';

/**
 * Deaths recorded as complications of kind DEATH become death records (docs/methods.md, Death and
 * overall survival: the record).
 *
 * For each patient with DEATH complications in force, one death is inserted:
 * - died_on: the earliest DEATH date (the analysis rows took the earliest as the day of death
 *   already, so analysis_patient.death_on does not change);
 * - cause: PROCEDURE_RELATED when that complication names a treatment and is graded Clavien-Dindo
 *   V (the coordinator then said the death was a complication of that treatment: grade V is
 *   "death of the patient" as the outcome of a complication of the treatment), UNKNOWN otherwise:
 *   the old record had no cause and a guess would be data the registry never received;
 * - source: OTHER (nothing recorded where the news came from);
 * - notes: which complication it came from, and that complication's notes.
 * Then every DEATH complication in force of the patient is withdrawn, its reason naming the death
 * record. Nothing is deleted: the withdrawn rows keep what was entered.
 *
 * What the migration finds but cannot decide is written to data_issue for an administrator:
 * several DEATH complications of one patient on different dates (death.several_records), DONE
 * visits dated after the death (visit.after_death), a death already recorded on another date
 * (death.already_recorded) and notes too long for the death record (death.notes_shortened).
 *
 * Every insert and withdrawal is an audit event too (audit_event is append-only, but INSERT is
 * what it allows), with no actor and the migration named in the reason, so the audit trail of a
 * death or a complication shows where it went.
 */
export class MoveDeathComplications1795610000000 implements MigrationInterface {
  name = NAME;

  async up(q: QueryRunner): Promise<void> {
    // The earliest DEATH complication of each patient is the one that moves; a death in force
    // already (entered after the death table existed) is kept and the complications point to it.
    await q.query(`
      CREATE TEMP TABLE death_move AS
      SELECT DISTINCT ON (c.patient_id)
             c.patient_id, p.site_id, c.id AS complication_id, c.occurred_on, c.treatment_id, c.clavien_dindo, c.notes,
             coalesce(d.id, gen_random_uuid()) AS death_id, d.id IS NOT NULL AS existed, d.died_on AS existing_died_on
        FROM complication c
        JOIN patient p ON p.id = c.patient_id
        LEFT JOIN death d ON d.patient_id = c.patient_id AND d.withdrawn_at IS NULL
       WHERE c.kind = 'DEATH' AND c.withdrawn_at IS NULL
       ORDER BY c.patient_id, c.occurred_on, c.created_at, c.id`);

    const noteOf = `'Moved from complication ' || m.complication_id || ' (kind DEATH, occurred on ' || m.occurred_on || ') by migration ${NAME}.'
      || coalesce(' Its notes: ' || m.notes, '')`;
    await q.query(`
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT '${NAME}', 'death.notes_shortened', 'death', m.death_id, m.patient_id, m.site_id,
             'The notes of complication ' || m.complication_id || ' and the line saying where the death came from are longer than the 2000 characters of a death''s notes; the death record has the first 2000, the withdrawn complication keeps all of its notes'
        FROM death_move m WHERE NOT m.existed AND length(${noteOf}) > 2000`);
    await q.query(`
      INSERT INTO death (id, patient_id, died_on, cause, source, notes)
      SELECT m.death_id, m.patient_id, m.occurred_on,
             CASE WHEN m.treatment_id IS NOT NULL AND m.clavien_dindo = 'V' THEN 'PROCEDURE_RELATED' ELSE 'UNKNOWN' END::death_cause,
             'OTHER', left(${noteOf}, 2000)
        FROM death_move m WHERE NOT m.existed`);
    await q.query(`
      INSERT INTO audit_event (actor_id, actor_email, site_id, entity_type, entity_id, action, before, after, reason)
      SELECT NULL, NULL, m.site_id, 'Death', d.id::text, 'CREATE', NULL,
             jsonb_build_object('id', d.id, 'patientId', d.patient_id, 'diedOn', d.died_on, 'cause', d.cause, 'source', d.source, 'notes', d.notes,
                                'withdrawnAt', NULL, 'withdrawnReason', NULL, 'requestId', NULL),
             'Moved from complication ' || m.complication_id || ' by migration ${NAME}'
        FROM death_move m JOIN death d ON d.id = m.death_id WHERE NOT m.existed`);

    await q.query(`
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT '${NAME}', 'death.already_recorded', 'death', m.death_id, m.patient_id, m.site_id,
             'The patient''s death record says ' || m.existing_died_on || ', the DEATH complication ' || m.complication_id || ' said ' || m.occurred_on
             || '; the death record was kept and the complication withdrawn. Check which date is right.'
        FROM death_move m WHERE m.existed AND m.existing_died_on <> m.occurred_on`);
    await q.query(`
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT '${NAME}', 'death.several_records', 'complication', c.id, m.patient_id, m.site_id,
             'The patient had several DEATH complications on different dates: this one said ' || c.occurred_on || ', the death record ' || m.death_id
             || ' took the earliest, ' || m.occurred_on || ' (from complication ' || m.complication_id || '). Check which date is right.'
        FROM death_move m JOIN complication c ON c.patient_id = m.patient_id AND c.kind = 'DEATH' AND c.withdrawn_at IS NULL
       WHERE NOT m.existed AND c.occurred_on <> m.occurred_on`);

    await q.query(`
      WITH moved AS (
        UPDATE complication c
           SET withdrawn_at = now(), updated_at = now(), version = c.version + 1,
               withdrawn_reason = 'Moved to the death record ' || m.death_id || ' by migration ${NAME}: a death is its own record, no longer a complication'
          FROM death_move m
         WHERE c.patient_id = m.patient_id AND c.kind = 'DEATH' AND c.withdrawn_at IS NULL
        RETURNING c.id, m.site_id, c.withdrawn_at, c.withdrawn_reason)
      INSERT INTO audit_event (actor_id, actor_email, site_id, entity_type, entity_id, action, before, after, reason)
      SELECT NULL, NULL, site_id, 'Complication', id::text, 'WITHDRAW', jsonb_build_object('withdrawnAt', NULL),
             jsonb_build_object('withdrawnAt', withdrawn_at), withdrawn_reason
        FROM moved`);

    // Every death in force, moved or not: a completed visit after it is a contradiction someone must resolve.
    await q.query(`
      INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail)
      SELECT '${NAME}', 'visit.after_death', 'assessment', a.id, a.patient_id, p.site_id,
             'The ' || a.time_point || ' visit on ' || a.visit_date || ' was completed after the patient''s death on ' || d.died_on
             || ' (death record ' || d.id || '); one of the two dates is wrong'
        FROM assessment a
        JOIN death d ON d.patient_id = a.patient_id AND d.withdrawn_at IS NULL
        JOIN patient p ON p.id = a.patient_id
       WHERE a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.visit_date > d.died_on`);
    // Dropped here rather than at commit: the migration also runs outside a transaction.
    await q.query(`DROP TABLE death_move`);
  }

  down(): Promise<void> {
    // Forward-only: the moved deaths may have been edited since, and the withdrawn complications
    // say where each went; putting them back is a decision for a person, not a migration.
    // (Not async, as nothing is awaited: the interface wants a promise, so the refusal is a rejected one.)
    return Promise.reject(new Error(`${NAME} cannot be reverted: the DEATH complications it withdrew name the death records they became`));
  }
}
