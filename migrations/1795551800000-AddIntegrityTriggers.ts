import { MigrationInterface, QueryRunner } from 'typeorm';

// Rules that span tables, which CHECK constraints cannot express, and the append-only audit
// trail. Errors are raised as check_violation (23514) with a constraint name of the form
// ck_<table>__<column>__<rule>, so the API maps them to a field error like any CHECK.
export class AddIntegrityTriggers1795551800000 implements MigrationInterface {
  name = 'AddIntegrityTriggers1795551800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % is not allowed on audit_event', TG_OP
          USING ERRCODE = '42501';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);

    await queryRunner.query(`
      CREATE FUNCTION assessment_check_treatment() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE t record;
      BEGIN
        SELECT patient_id, start_date INTO t FROM treatment WHERE id = NEW.treatment_id;
        IF t.patient_id IS DISTINCT FROM NEW.patient_id THEN
          RAISE EXCEPTION 'treatmentId must be a treatment of the same patient'
            USING ERRCODE = '23514', CONSTRAINT = 'ck_assessment__treatment_id__same_patient';
        END IF;
        IF NEW.visit_date IS NOT NULL AND NEW.time_point <> 'BASELINE' AND NEW.visit_date < t.start_date THEN
          RAISE EXCEPTION 'visitDate % is before the treatment started (%)', NEW.visit_date, t.start_date
            USING ERRCODE = '23514', CONSTRAINT = 'ck_assessment__visit_date__not_before_treatment';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER assessment_check_treatment BEFORE INSERT OR UPDATE OF treatment_id, patient_id, visit_date, time_point
      ON assessment FOR EACH ROW EXECUTE FUNCTION assessment_check_treatment()`);

    await queryRunner.query(`
      CREATE FUNCTION treated_level_check_patient() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT patient_id FROM fracture WHERE id = NEW.fracture_id)
           IS DISTINCT FROM (SELECT patient_id FROM treatment WHERE id = NEW.treatment_id) THEN
          RAISE EXCEPTION 'fractureId must be a fracture of the treated patient'
            USING ERRCODE = '23514', CONSTRAINT = 'ck_treated_level__fracture_id__same_patient';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER treated_level_check_patient BEFORE INSERT OR UPDATE ON treated_level
      FOR EACH ROW EXECUTE FUNCTION treated_level_check_patient()`);

    await queryRunner.query(`
      CREATE FUNCTION complication_check_treatment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.treatment_id IS NOT NULL AND
           (SELECT patient_id FROM treatment WHERE id = NEW.treatment_id) IS DISTINCT FROM NEW.patient_id THEN
          RAISE EXCEPTION 'treatmentId must be a treatment of the same patient'
            USING ERRCODE = '23514', CONSTRAINT = 'ck_complication__treatment_id__same_patient';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER complication_check_treatment BEFORE INSERT OR UPDATE OF treatment_id, patient_id
      ON complication FOR EACH ROW EXECUTE FUNCTION complication_check_treatment()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER complication_check_treatment ON complication`);
    await queryRunner.query(`DROP FUNCTION complication_check_treatment()`);
    await queryRunner.query(`DROP TRIGGER treated_level_check_patient ON treated_level`);
    await queryRunner.query(`DROP FUNCTION treated_level_check_patient()`);
    await queryRunner.query(`DROP TRIGGER assessment_check_treatment ON assessment`);
    await queryRunner.query(`DROP FUNCTION assessment_check_treatment()`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
  }
}
