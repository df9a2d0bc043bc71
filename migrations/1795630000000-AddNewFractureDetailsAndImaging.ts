import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new fracture's vertebral level and how it was found (complication kinds ADJACENT_LEVEL_FRACTURE
 * and REMOTE_FRACTURE only), and whether spine imaging was done at a visit (docs/methods.md, New
 * fractures and imaging). All optional: existing rows keep NULL, "not recorded".
 *
 * Adjacency is not stored: it follows from the level and the index treatment's levels, and the
 * kind must agree with it (libs/domain cross-field.rules.ts). The values are written literally: a
 * migration keeps its meaning if the definitions change later.
 */
export class AddNewFractureDetailsAndImaging1795630000000 implements MigrationInterface {
  name = 'AddNewFractureDetailsAndImaging1795630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE fracture_detection AS ENUM ('CLINICAL', 'SCHEDULED_IMAGING', 'INCIDENTAL')`);
    await q.query(`
      ALTER TABLE complication
        ADD COLUMN level vertebral_level,
        ADD COLUMN detection fracture_detection,
        ADD CONSTRAINT ck_complication__level__new_fracture_only
          CHECK ((level IS NULL AND detection IS NULL) OR kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE'))`);
    await q.query(`
      ALTER TABLE assessment
        ADD COLUMN imaging_done boolean,
        ADD CONSTRAINT ck_assessment__imaging_done__visit_done CHECK (imaging_done IS NOT TRUE OR status = 'DONE')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessment DROP CONSTRAINT ck_assessment__imaging_done__visit_done, DROP COLUMN imaging_done`);
    await q.query(`ALTER TABLE complication DROP CONSTRAINT ck_complication__level__new_fracture_only, DROP COLUMN detection, DROP COLUMN level`);
    await q.query(`DROP TYPE fracture_detection`);
  }
}
