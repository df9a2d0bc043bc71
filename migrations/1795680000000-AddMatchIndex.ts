import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Patients like this one" reads, for every research patient of each path, the few columns it
 * matches on (libs/api-analytics similar-patients.sql.ts). From the table itself that is a scan
 * of every row's full width (some 1 kB: the arrays of scores and days) three times, once per
 * path; this index holds just those columns, partial to the research population and led by the
 * path, so each path reads its own part of a narrow index and never the table (an index-only
 * scan; at 100,000 patients about 29 MB beside the table's 95 MB). If the matching comes to read
 * a column not listed here, it stays correct but reads the table again: the bench shows it.
 */
export class AddMatchIndex1795680000000 implements MigrationInterface {
  name = 'AddMatchIndex1795680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_analysis_patient__match ON analysis_patient (first_kind)
      INCLUDE (patient_id, record_key, age, sex, fracture_age_days, baseline_nrs, odi, max_genant, asa_class, of_classes,
               pre_fracture_mobility, active_cancer, ongoing_therapy, causes, levels)
      WHERE consent_status = 'GIVEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_analysis_patient__match`);
  }
}
