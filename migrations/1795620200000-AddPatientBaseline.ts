import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The patient's baseline fields (libs/domain/src/fields/patient.fields.ts defines each): the state
 * before the fracture (mobility, living situation, frailty, comorbidity, dementia, earlier
 * vertebral fractures), the osteoporosis care after it (drug class and start, the DXA the T-score
 * comes from, fracture liaison referral, vitamin D) and the OF-Score's clinical components at the
 * treatment decision. All optional: NULL is "not recorded", existing patients keep NULL.
 *
 * Choice lists are PostgreSQL enum types, as every other list of the registry (a text column could
 * hold free text, which the field-access checks refuse to give de-identified readers as a value).
 * The values are written here literally: a migration keeps its meaning if the definitions change
 * later; a test holds the database's CHECKs and enum types equal to today's definitions.
 */
export class AddPatientBaseline1795620200000 implements MigrationInterface {
  name = 'AddPatientBaseline1795620200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE pre_fracture_mobility AS ENUM ('INDEPENDENT', 'WALKING_STICK', 'WALKER', 'WHEELCHAIR', 'BEDBOUND')`);
    await q.query(`CREATE TYPE living_situation AS ENUM ('OWN_HOME_ALONE', 'OWN_HOME_WITH_OTHERS', 'ASSISTED_LIVING', 'NURSING_HOME')`);
    await q.query(
      `CREATE TYPE anti_osteoporotic_drug AS ENUM ('NONE', 'BISPHOSPHONATE_ORAL', 'BISPHOSPHONATE_IV', 'DENOSUMAB', 'TERIPARATIDE', 'ROMOSOZUMAB', 'OTHER')`,
    );
    await q.query(`
      ALTER TABLE patient
        ADD COLUMN pre_fracture_mobility pre_fracture_mobility,
        ADD COLUMN living_situation living_situation,
        ADD COLUMN clinical_frailty_scale smallint,
        ADD COLUMN charlson_comorbidity_index smallint,
        ADD COLUMN dementia boolean,
        ADD COLUMN prior_vertebral_fractures smallint,
        ADD COLUMN anti_osteoporotic_drug anti_osteoporotic_drug,
        ADD COLUMN anti_osteoporotic_start_date date,
        ADD COLUMN dxa_date date,
        ADD COLUMN fls_referral boolean,
        ADD COLUMN vitamin_d_supplementation boolean,
        ADD COLUMN pain_under_analgesia smallint,
        ADD COLUMN mobilised_under_analgesia boolean,
        ADD COLUMN deformity_progression boolean,
        ADD COLUMN anticoagulation boolean,
        ADD COLUMN modified_frailty_index smallint,
        ADD CONSTRAINT ck_patient__clinical_frailty_scale__range CHECK (clinical_frailty_scale BETWEEN 1 AND 9),
        ADD CONSTRAINT ck_patient__charlson_comorbidity_index__range CHECK (charlson_comorbidity_index BETWEEN 0 AND 37),
        ADD CONSTRAINT ck_patient__prior_vertebral_fractures__range CHECK (prior_vertebral_fractures BETWEEN 0 AND 16),
        ADD CONSTRAINT ck_patient__pain_under_analgesia__range CHECK (pain_under_analgesia BETWEEN 0 AND 10),
        ADD CONSTRAINT ck_patient__modified_frailty_index__range CHECK (modified_frailty_index BETWEEN 0 AND 5)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE patient
        DROP COLUMN pre_fracture_mobility, DROP COLUMN living_situation, DROP COLUMN clinical_frailty_scale, DROP COLUMN charlson_comorbidity_index,
        DROP COLUMN dementia, DROP COLUMN prior_vertebral_fractures, DROP COLUMN anti_osteoporotic_drug, DROP COLUMN anti_osteoporotic_start_date,
        DROP COLUMN dxa_date, DROP COLUMN fls_referral, DROP COLUMN vitamin_d_supplementation, DROP COLUMN pain_under_analgesia,
        DROP COLUMN mobilised_under_analgesia, DROP COLUMN deformity_progression, DROP COLUMN anticoagulation, DROP COLUMN modified_frailty_index
    `);
    await q.query(`DROP TYPE pre_fracture_mobility, living_situation, anti_osteoporotic_drug`);
  }
}
