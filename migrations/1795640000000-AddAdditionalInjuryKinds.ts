import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fracture's additional injuries by kind (libs/domain/src/fields/fracture.fields.ts), beside
 * the free text: categories, which researchers may be given where the free text is withheld.
 * An empty array is "none", NULL "not recorded". The existing free text is neither read nor
 * changed: every existing row keeps NULL, for a coordinator to record the kinds from the source
 * documents. No element may be NULL; each kind at most once is the API's and the import's rule.
 * The values are written literally: a migration keeps its meaning if the definitions change later.
 */
export class AddAdditionalInjuryKinds1795640000000 implements MigrationInterface {
  name = 'AddAdditionalInjuryKinds1795640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE additional_injury AS ENUM ('RIB', 'STERNUM', 'OTHER_SPINE', 'PELVIS', 'HIP', 'UPPER_LIMB', 'LOWER_LIMB', 'HEAD', 'THORAX_ORGAN', 'ABDOMEN_ORGAN', 'OTHER')`,
    );
    await q.query(`
      ALTER TABLE fracture
        ADD COLUMN additional_injury_kinds additional_injury[],
        ADD CONSTRAINT ck_fracture__additional_injury_kinds__no_null CHECK (array_position(additional_injury_kinds, NULL) IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fracture DROP CONSTRAINT ck_fracture__additional_injury_kinds__no_null, DROP COLUMN additional_injury_kinds`);
    await q.query(`DROP TYPE additional_injury`);
  }
}
