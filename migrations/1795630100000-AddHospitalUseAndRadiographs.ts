import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hospital use and radiographic follow-up (docs/methods.md, "Hospital use and radiographic
 * follow-up"). On every treatment: where the patient went on discharge and whether they were
 * readmitted within 30 and 90 days. On procedures: fluoroscopy time and dose-area product, and per
 * treated level the share of the vertebral body the cement filled. On visits: the index level's
 * anterior, middle and posterior heights (percent of the adjacent normal vertebra) and the
 * kyphotic angle, so that a loss of correction after the procedure can be measured.
 *
 * All optional: NULL is "not recorded", existing rows keep NULL. Ranges are written literally (a
 * migration keeps its meaning if libs/domain/src/ranges.ts changes later). "Readmitted within 30
 * days implies within 90" is a cross-field rule the API enforces on every write; like the other
 * cross-field rules it has no CHECK (docs/data-rules.md).
 */
export class AddHospitalUseAndRadiographs1795630100000 implements MigrationInterface {
  name = 'AddHospitalUseAndRadiographs1795630100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE discharge_destination AS ENUM ('HOME', 'HOME_WITH_CARE', 'REHABILITATION', 'NURSING_HOME', 'OTHER_HOSPITAL', 'DIED_IN_HOSPITAL')`,
    );
    await q.query(`
      ALTER TABLE treatment
        ADD COLUMN discharge_destination discharge_destination,
        ADD COLUMN readmitted_within_30_days boolean,
        ADD COLUMN readmitted_within_90_days boolean,
        ADD COLUMN fluoroscopy_time_seconds integer,
        ADD COLUMN dose_area_product_gy_cm2 double precision,
        ADD CONSTRAINT ck_treatment__fluoroscopy_time_seconds__range CHECK (fluoroscopy_time_seconds IS NULL OR fluoroscopy_time_seconds BETWEEN 1 AND 7200),
        ADD CONSTRAINT ck_treatment__dose_area_product_gy_cm2__range CHECK (dose_area_product_gy_cm2 IS NULL OR (dose_area_product_gy_cm2 > 0 AND dose_area_product_gy_cm2 <= 1000)),
        ADD CONSTRAINT ck_treatment__kind__no_radiation_for_conservative CHECK (kind <> 'CONSERVATIVE' OR (fluoroscopy_time_seconds IS NULL AND dose_area_product_gy_cm2 IS NULL))
    `);
    await q.query(`
      ALTER TABLE treated_level
        ADD COLUMN cement_fill_percent double precision,
        ADD CONSTRAINT ck_treated_level__cement_fill_percent__range CHECK (cement_fill_percent IS NULL OR cement_fill_percent BETWEEN 0 AND 100)
    `);
    await q.query(`
      ALTER TABLE assessment
        ADD COLUMN anterior_height_percent double precision,
        ADD COLUMN middle_height_percent double precision,
        ADD COLUMN posterior_height_percent double precision,
        ADD COLUMN kyphotic_angle double precision,
        ADD CONSTRAINT ck_assessment__anterior_height_percent__range CHECK (anterior_height_percent IS NULL OR anterior_height_percent BETWEEN 0 AND 120),
        ADD CONSTRAINT ck_assessment__middle_height_percent__range CHECK (middle_height_percent IS NULL OR middle_height_percent BETWEEN 0 AND 120),
        ADD CONSTRAINT ck_assessment__posterior_height_percent__range CHECK (posterior_height_percent IS NULL OR posterior_height_percent BETWEEN 0 AND 120),
        ADD CONSTRAINT ck_assessment__kyphotic_angle__range CHECK (kyphotic_angle IS NULL OR kyphotic_angle BETWEEN -30 AND 90),
        ADD CONSTRAINT ck_assessment__status__no_radiograph_unless_done CHECK (status = 'DONE' OR (anterior_height_percent IS NULL AND middle_height_percent IS NULL AND posterior_height_percent IS NULL AND kyphotic_angle IS NULL))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE assessment DROP COLUMN kyphotic_angle, DROP COLUMN posterior_height_percent, DROP COLUMN middle_height_percent, DROP COLUMN anterior_height_percent`,
    );
    await q.query(`ALTER TABLE treated_level DROP COLUMN cement_fill_percent`);
    await q.query(
      `ALTER TABLE treatment DROP COLUMN dose_area_product_gy_cm2, DROP COLUMN fluoroscopy_time_seconds, DROP COLUMN readmitted_within_90_days, DROP COLUMN readmitted_within_30_days, DROP COLUMN discharge_destination`,
    );
    await q.query(`DROP TYPE discharge_destination`);
  }
}
