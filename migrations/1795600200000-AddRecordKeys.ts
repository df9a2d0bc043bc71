import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record keys for the cell-key method (docs/privacy.md): every row of analysis_patient carries a
 * fixed pseudo-random key in [0, 2^20) from which aggregate readers' counts are perturbed. The key
 * is a keyed hash of the patient's id with a secret made here once, so that it survives every
 * refresh of the row (the same patient always has the same key), cannot be computed by anyone who
 * knows patient ids but not the secret, and travels with a backup.
 */
export class AddRecordKeys1795600200000 implements MigrationInterface {
  name = 'AddRecordKeys1795600200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE disclosure_secret (id smallint PRIMARY KEY CHECK (id = 1), secret text NOT NULL)`);
    // Only the owner reads the secret (through record_key(), called by the analysis rows' trigger):
    // the API's role, which gets rights on new tables by default, gets none on this one.
    await q.query(`REVOKE ALL ON disclosure_secret FROM PUBLIC`);
    await q.query(
      `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registry_api') THEN REVOKE ALL ON disclosure_secret FROM registry_api; END IF; END $$`,
    );
    await q.query(
      `INSERT INTO disclosure_secret (id, secret) VALUES (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text || pg_backend_pid()::text))`,
    );
    await q.query(`
      CREATE FUNCTION record_key(patient uuid) RETURNS int LANGUAGE sql STABLE AS $$
        SELECT ('x' || substr(md5(s.secret || patient::text), 1, 5))::bit(20)::int FROM disclosure_secret s WHERE s.id = 1
      $$`);
    await q.query(`ALTER TABLE analysis_patient ADD COLUMN record_key int`);
    await q.query(`
      CREATE FUNCTION analysis_record_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A key given with the row (a restore copies the rows with theirs) is kept.
        NEW.record_key := coalesce(NEW.record_key, record_key(NEW.patient_id));
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER analysis_patient_record_key BEFORE INSERT OR UPDATE OF patient_id ON analysis_patient FOR EACH ROW EXECUTE FUNCTION analysis_record_key()`,
    );
    await q.query(`UPDATE analysis_patient SET record_key = record_key(patient_id)`);
    await q.query(`ALTER TABLE analysis_patient ALTER COLUMN record_key SET NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER analysis_patient_record_key ON analysis_patient`);
    await q.query(`DROP FUNCTION analysis_record_key()`);
    await q.query(`ALTER TABLE analysis_patient DROP COLUMN record_key`);
    await q.query(`DROP FUNCTION record_key(uuid)`);
    await q.query(`DROP TABLE disclosure_secret`);
  }
}
