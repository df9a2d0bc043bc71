import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questionnaires patients answer themselves (docs/questionnaires.md):
 *
 * - questionnaire_invitation: one link per expected visit (a treatment's time point). The link's
 *   token is never stored, only its SHA-256 (token_hash), so that a copy of the database (a backup,
 *   a standby, a reader of this table) cannot answer anyone's questionnaire. The patient's answers
 *   wait here (answers, respondent) until a coordinator confirms them: only then is the visit
 *   created in assessment, so that nothing unreviewed reaches analysis_patient and the figures.
 *   A revoked or replaced link is withdrawn, as records are, never deleted.
 * - questionnaire_throttle: request counts of the public questionnaire path per client address
 *   and in all, shared by every API process on the database (as login_throttle_* is): state of
 *   running processes, not registry data; the API deletes its expired rows.
 */
export class AddQuestionnaireInvitations1795700000000 implements MigrationInterface {
  name = 'AddQuestionnaireInvitations1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE questionnaire_respondent AS ENUM ('PATIENT', 'PROXY')`);
    await q.query(`
      CREATE TABLE questionnaire_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_reason text,
        patient_id uuid NOT NULL CONSTRAINT fk_questionnaire_invitation__patient_id REFERENCES patient (id) ON DELETE RESTRICT,
        treatment_id uuid NOT NULL CONSTRAINT fk_questionnaire_invitation__treatment_id REFERENCES treatment (id) ON DELETE RESTRICT,
        site_id uuid NOT NULL CONSTRAINT fk_questionnaire_invitation__site_id REFERENCES site (id) ON DELETE RESTRICT,
        time_point time_point NOT NULL,
        token_hash bytea NOT NULL CONSTRAINT ck_questionnaire_invitation__token_hash__length CHECK (octet_length(token_hash) = 32),
        issued_by uuid NOT NULL CONSTRAINT fk_questionnaire_invitation__issued_by REFERENCES app_user (id) ON DELETE RESTRICT,
        expires_at timestamptz NOT NULL,
        language text NOT NULL DEFAULT 'en' CONSTRAINT ck_questionnaire_invitation__language__known CHECK (language IN ('en', 'de')),
        answered_at timestamptz,
        respondent questionnaire_respondent,
        answers jsonb,
        reviewed_at timestamptz,
        reviewed_by uuid CONSTRAINT fk_questionnaire_invitation__reviewed_by REFERENCES app_user (id) ON DELETE RESTRICT,
        assessment_id uuid CONSTRAINT fk_questionnaire_invitation__assessment_id REFERENCES assessment (id) ON DELETE RESTRICT,
        corrected boolean,
        emailed_at timestamptz,
        CONSTRAINT ck_questionnaire_invitation__answers__with_answer CHECK ((answered_at IS NULL) = (answers IS NULL) AND (answered_at IS NULL) = (respondent IS NULL)),
        CONSTRAINT ck_questionnaire_invitation__reviewed_at__after_answer CHECK (reviewed_at IS NULL OR (answered_at IS NOT NULL AND reviewed_by IS NOT NULL AND assessment_id IS NOT NULL AND corrected IS NOT NULL)),
        CONSTRAINT ck_questionnaire_invitation__time_point__scheduled CHECK (time_point <> 'UNSCHEDULED')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_questionnaire_invitation__token_hash ON questionnaire_invitation (token_hash)`);
    // One link in use per expected visit: a new one replaces (withdraws) the one before.
    await q.query(`CREATE UNIQUE INDEX uq_questionnaire_invitation__visit ON questionnaire_invitation (treatment_id, time_point) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE INDEX ix_questionnaire_invitation__site_id ON questionnaire_invitation (site_id, answered_at) WHERE withdrawn_at IS NULL`);
    await q.query(`CREATE INDEX ix_questionnaire_invitation__patient_id ON questionnaire_invitation (patient_id)`);
    await q.query(`CREATE INDEX ix_questionnaire_invitation__assessment_id ON questionnaire_invitation (assessment_id) WHERE assessment_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE questionnaire_throttle (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        requests integer NOT NULL CHECK (requests > 0)
      )`);
    await q.query(`GRANT DELETE ON questionnaire_throttle TO registry_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE questionnaire_throttle`);
    await q.query(`DROP TABLE questionnaire_invitation`);
    await q.query(`DROP TYPE questionnaire_respondent`);
  }
}
