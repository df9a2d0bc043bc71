import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by `npm run migration:generate`; the analgesic_level enum is shared by
// treatment and assessment, so it is created once.
export class CreateRegistrySchema1795551735437 implements MigrationInterface {
  name = 'CreateRegistrySchema1795551735437';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."audit_action" AS ENUM('CREATE', 'UPDATE', 'WITHDRAW', 'IMPORT', 'EXPORT', 'LOGIN')`);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" character varying(254), "site_id" uuid, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(64) NOT NULL, "action" "public"."audit_action" NOT NULL, "before" jsonb, "after" jsonb, "reason" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event__actor_id" ON "audit_event"  ("actor_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event__site_id" ON "audit_event"  ("site_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event__entity" ON "audit_event"  ("entity_type", "entity_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "site" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "code" character varying(16) NOT NULL, "name" character varying(120) NOT NULL, CONSTRAINT "ck_site__code__pattern" CHECK (code ~ '^[A-Z0-9]{2,16}$'), CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_site__code" ON "site"  ("code") `);
    await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('ADMIN', 'COORDINATOR', 'RESEARCHER', 'DEPARTMENT_HEAD')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "role" "public"."role" NOT NULL, "site_id" uuid, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_app_user__site_id__required_for_role" CHECK (role IN ('ADMIN', 'RESEARCHER') OR site_id IS NOT NULL), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_app_user__site_id" ON "app_user"  ("site_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user__email" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE TYPE "public"."sex" AS ENUM('FEMALE', 'MALE')`);
    await queryRunner.query(`CREATE TYPE "public"."consent_status" AS ENUM('PENDING', 'GIVEN', 'DECLINED', 'WITHDRAWN')`);
    await queryRunner.query(
      `CREATE TABLE "patient" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "site_id" uuid NOT NULL, "registry_number" character varying(32) NOT NULL, "sex" "public"."sex" NOT NULL, "birth_year" smallint NOT NULL, "bmi" double precision, "t_score" double precision, "steroid_use" boolean NOT NULL DEFAULT false, "active_cancer" boolean NOT NULL DEFAULT false, "ongoing_chemotherapy" boolean NOT NULL DEFAULT false, "ongoing_radiotherapy" boolean NOT NULL DEFAULT false, "asa_class" smallint, "consent_status" "public"."consent_status" NOT NULL DEFAULT 'PENDING', CONSTRAINT "ck_patient__registry_number__pattern" CHECK (registry_number ~ '^[A-Za-z0-9-]{1,32}$'), CONSTRAINT "ck_patient__asa_class__range" CHECK (asa_class IS NULL OR asa_class BETWEEN 1 AND 5), CONSTRAINT "ck_patient__t_score__range" CHECK (t_score IS NULL OR t_score BETWEEN -8 AND 4), CONSTRAINT "ck_patient__bmi__range" CHECK (bmi IS NULL OR bmi BETWEEN 10 AND 80), CONSTRAINT "ck_patient__birth_year__range" CHECK (birth_year BETWEEN 1900 AND 2100), CONSTRAINT "PK_8dfa510bb29ad31ab2139fbfb99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_patient__site_id" ON "patient"  ("site_id", "registry_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_patient__registry_number" ON "patient"  ("registry_number") `);
    await queryRunner.query(
      `CREATE TABLE "patient_identifier" ("patient_id" uuid NOT NULL, "site_id" uuid NOT NULL, "mrn" character varying(32) NOT NULL, "family_name" character varying(100) NOT NULL, "given_name" character varying(100) NOT NULL, "date_of_birth" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_patient_identifier" PRIMARY KEY ("patient_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_patient_identifier__mrn" ON "patient_identifier"  ("site_id", "mrn") `);
    await queryRunner.query(
      `CREATE TYPE "public"."vertebral_level" AS ENUM('T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."fracture_cause" AS ENUM('OSTEOPOROTIC', 'TRAUMATIC', 'METASTASIS', 'MYELOMA', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."fracture_morphology" AS ENUM('WEDGE', 'BICONCAVE', 'CRUSH')`);
    await queryRunner.query(`CREATE TYPE "public"."of_class" AS ENUM('OF1', 'OF2', 'OF3', 'OF4', 'OF5')`);
    await queryRunner.query(
      `CREATE TABLE "fracture" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "patient_id" uuid NOT NULL, "level" "public"."vertebral_level" NOT NULL, "onset_date" date NOT NULL, "cause" "public"."fracture_cause" NOT NULL, "genant_grade" smallint NOT NULL, "height_loss_percent" double precision, "morphology" "public"."fracture_morphology", "of_class" "public"."of_class", "mri_oedema" boolean, "posterior_wall_involved" boolean NOT NULL DEFAULT false, "neurological_deficit" boolean NOT NULL DEFAULT false, "additional_injuries" character varying(2000), CONSTRAINT "ck_fracture__height_loss_percent__range" CHECK (height_loss_percent IS NULL OR height_loss_percent BETWEEN 0 AND 100), CONSTRAINT "ck_fracture__genant_grade__range" CHECK (genant_grade BETWEEN 0 AND 3), CONSTRAINT "PK_35e8d9f8ced8609d238249718a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_fracture__level" ON "fracture"  ("patient_id", "level") WHERE withdrawn_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_fracture__patient_id" ON "fracture"  ("patient_id") `);
    await queryRunner.query(`CREATE TYPE "public"."cement_type" AS ENUM('PMMA', 'PMMA_HIGH_VISCOSITY', 'CALCIUM_PHOSPHATE', 'OTHER')`);
    await queryRunner.query(
      `CREATE TABLE "treated_level" ("treatment_id" uuid NOT NULL, "fracture_id" uuid NOT NULL, "cement_type" "public"."cement_type", "cement_volume_ml" double precision, CONSTRAINT "ck_treated_level__cement_volume_ml__range" CHECK (cement_volume_ml IS NULL OR (cement_volume_ml > 0 AND cement_volume_ml <= 20)), CONSTRAINT "pk_treated_level" PRIMARY KEY ("treatment_id", "fracture_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_treated_level__fracture_id" ON "treated_level"  ("fracture_id") `);
    await queryRunner.query(`CREATE TYPE "public"."treatment_kind" AS ENUM('CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY')`);
    await queryRunner.query(`CREATE TYPE "public"."analgesic_level" AS ENUM('NONE', 'NON_OPIOID', 'WEAK_OPIOID', 'STRONG_OPIOID')`);
    await queryRunner.query(`CREATE TYPE "public"."anaesthesia" AS ENUM('LOCAL', 'SEDATION', 'GENERAL')`);
    await queryRunner.query(`CREATE TYPE "public"."procedure_approach" AS ENUM('UNIPEDICULAR', 'BIPEDICULAR')`);
    await queryRunner.query(`CREATE TYPE "public"."imaging_guidance" AS ENUM('FLUOROSCOPY', 'CT')`);
    await queryRunner.query(
      `CREATE TABLE "treatment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "patient_id" uuid NOT NULL, "kind" "public"."treatment_kind" NOT NULL, "start_date" date NOT NULL, "analgesic_level" "public"."analgesic_level", "brace" boolean, "bed_rest" boolean, "physiotherapy" boolean, "anaesthesia" "public"."anaesthesia", "approach" "public"."procedure_approach", "imaging_guidance" "public"."imaging_guidance", "balloon_used" boolean, "height_restoration_percent" double precision, "kyphotic_angle_before" double precision, "kyphotic_angle_after" double precision, "duration_minutes" smallint, "same_day_discharge" boolean, "length_of_stay_days" smallint, CONSTRAINT "ck_treatment__same_day_discharge__consistency" CHECK (same_day_discharge IS NULL OR length_of_stay_days IS NULL OR (same_day_discharge = (length_of_stay_days = 0))), CONSTRAINT "ck_treatment__length_of_stay_days__range" CHECK (length_of_stay_days IS NULL OR length_of_stay_days BETWEEN 0 AND 365), CONSTRAINT "ck_treatment__duration_minutes__range" CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600), CONSTRAINT "ck_treatment__kyphotic_angle_after__range" CHECK (kyphotic_angle_after IS NULL OR kyphotic_angle_after BETWEEN -30 AND 90), CONSTRAINT "ck_treatment__kyphotic_angle_before__range" CHECK (kyphotic_angle_before IS NULL OR kyphotic_angle_before BETWEEN -30 AND 90), CONSTRAINT "ck_treatment__height_restoration_percent__range" CHECK (height_restoration_percent IS NULL OR height_restoration_percent BETWEEN 0 AND 100), CONSTRAINT "ck_treatment__balloon_used__kyphoplasty_only" CHECK (balloon_used IS NULL OR balloon_used = false OR kind = 'KYPHOPLASTY'), CONSTRAINT "ck_treatment__kind__no_procedure_fields_for_conservative" CHECK (kind <> 'CONSERVATIVE' OR (anaesthesia IS NULL AND approach IS NULL AND imaging_guidance IS NULL AND balloon_used IS NULL AND height_restoration_percent IS NULL AND duration_minutes IS NULL)), CONSTRAINT "ck_treatment__anaesthesia__required_for_procedure" CHECK (kind = 'CONSERVATIVE' OR (anaesthesia IS NOT NULL AND approach IS NOT NULL)), CONSTRAINT "PK_5ed256f72665dee35f8e47b416e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_treatment__kind" ON "treatment"  ("kind", "start_date") `);
    await queryRunner.query(`CREATE INDEX "ix_treatment__patient_id" ON "treatment"  ("patient_id", "start_date") `);
    await queryRunner.query(
      `CREATE TYPE "public"."complication_kind" AS ENUM('CEMENT_LEAKAGE', 'PULMONARY_CEMENT_EMBOLISM', 'ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE', 'FURTHER_HEIGHT_LOSS', 'INFECTION', 'NEUROLOGICAL_DEFICIT', 'HAEMATOMA', 'ANAESTHESIA_RELATED', 'DEATH', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."cement_leakage_type" AS ENUM('B', 'S', 'C', 'D')`);
    await queryRunner.query(`CREATE TYPE "public"."clavien_dindo_grade" AS ENUM('I', 'II', 'IIIA', 'IIIB', 'IVA', 'IVB', 'V')`);
    await queryRunner.query(
      `CREATE TABLE "complication" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "patient_id" uuid NOT NULL, "treatment_id" uuid, "occurred_on" date NOT NULL, "kind" "public"."complication_kind" NOT NULL, "symptomatic" boolean, "leakage_type" "public"."cement_leakage_type", "clavien_dindo" "public"."clavien_dindo_grade", "resolved" boolean NOT NULL DEFAULT false, "notes" character varying(2000), CONSTRAINT "ck_complication__clavien_dindo__death_is_grade_v" CHECK (kind <> 'DEATH' OR clavien_dindo IS NULL OR clavien_dindo = 'V'), CONSTRAINT "ck_complication__leakage_type__cement_leakage_only" CHECK (leakage_type IS NULL OR kind = 'CEMENT_LEAKAGE'), CONSTRAINT "PK_04b5df94c470f53faf475abfcf4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_complication__treatment_id" ON "complication"  ("treatment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_complication__patient_id" ON "complication"  ("patient_id", "occurred_on") `);
    await queryRunner.query(`CREATE TYPE "public"."time_point" AS ENUM('BASELINE', 'D1', 'W1', 'M1', 'M3', 'M6', 'M12', 'M24', 'UNSCHEDULED')`);
    await queryRunner.query(`CREATE TYPE "public"."assessment_status" AS ENUM('DONE', 'MISSED', 'WITHDRAWN')`);
    await queryRunner.query(
      `CREATE TABLE "assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "patient_id" uuid NOT NULL, "treatment_id" uuid NOT NULL, "time_point" "public"."time_point" NOT NULL, "visit_date" date, "status" "public"."assessment_status" NOT NULL, "nrs_rest" smallint, "nrs_activity" smallint, "odi" double precision, "rmdq" smallint, "eq5d_index" double precision, "analgesic_level" "public"."analgesic_level", "opioid_use" boolean, "back_to_usual_activities" boolean, "physiotherapy" boolean, CONSTRAINT "ck_assessment__status__no_scores_unless_done" CHECK (status = 'DONE' OR (nrs_rest IS NULL AND nrs_activity IS NULL AND odi IS NULL AND rmdq IS NULL AND eq5d_index IS NULL)), CONSTRAINT "ck_assessment__visit_date__required_when_done" CHECK (status <> 'DONE' OR visit_date IS NOT NULL), CONSTRAINT "ck_assessment__eq5d_index__range" CHECK (eq5d_index IS NULL OR eq5d_index BETWEEN -1 AND 1), CONSTRAINT "ck_assessment__rmdq__range" CHECK (rmdq IS NULL OR rmdq BETWEEN 0 AND 24), CONSTRAINT "ck_assessment__odi__range" CHECK (odi IS NULL OR odi BETWEEN 0 AND 100), CONSTRAINT "ck_assessment__nrs_activity__range" CHECK (nrs_activity IS NULL OR nrs_activity BETWEEN 0 AND 10), CONSTRAINT "ck_assessment__nrs_rest__range" CHECK (nrs_rest IS NULL OR nrs_rest BETWEEN 0 AND 10), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_assessment__time_point" ON "assessment"  ("treatment_id", "time_point") WHERE withdrawn_at IS NULL AND time_point <> 'UNSCHEDULED'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_assessment__patient_id" ON "assessment"  ("patient_id", "visit_date") `);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user__site_id" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "patient" ADD CONSTRAINT "fk_patient__site_id" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "patient_identifier" ADD CONSTRAINT "fk_patient_identifier__patient_id" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fracture" ADD CONSTRAINT "fk_fracture__patient_id" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "treated_level" ADD CONSTRAINT "fk_treated_level__treatment_id" FOREIGN KEY ("treatment_id") REFERENCES "treatment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "treated_level" ADD CONSTRAINT "fk_treated_level__fracture_id" FOREIGN KEY ("fracture_id") REFERENCES "fracture"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "treatment" ADD CONSTRAINT "fk_treatment__patient_id" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complication" ADD CONSTRAINT "fk_complication__patient_id" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complication" ADD CONSTRAINT "fk_complication__treatment_id" FOREIGN KEY ("treatment_id") REFERENCES "treatment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment" ADD CONSTRAINT "fk_assessment__patient_id" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment" ADD CONSTRAINT "fk_assessment__treatment_id" FOREIGN KEY ("treatment_id") REFERENCES "treatment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "fk_assessment__treatment_id"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "fk_assessment__patient_id"`);
    await queryRunner.query(`ALTER TABLE "complication" DROP CONSTRAINT "fk_complication__treatment_id"`);
    await queryRunner.query(`ALTER TABLE "complication" DROP CONSTRAINT "fk_complication__patient_id"`);
    await queryRunner.query(`ALTER TABLE "treatment" DROP CONSTRAINT "fk_treatment__patient_id"`);
    await queryRunner.query(`ALTER TABLE "treated_level" DROP CONSTRAINT "fk_treated_level__fracture_id"`);
    await queryRunner.query(`ALTER TABLE "treated_level" DROP CONSTRAINT "fk_treated_level__treatment_id"`);
    await queryRunner.query(`ALTER TABLE "fracture" DROP CONSTRAINT "fk_fracture__patient_id"`);
    await queryRunner.query(`ALTER TABLE "patient_identifier" DROP CONSTRAINT "fk_patient_identifier__patient_id"`);
    await queryRunner.query(`ALTER TABLE "patient" DROP CONSTRAINT "fk_patient__site_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user__site_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessment__patient_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_assessment__time_point"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
    await queryRunner.query(`DROP TYPE "public"."analgesic_level"`);
    await queryRunner.query(`DROP TYPE "public"."assessment_status"`);
    await queryRunner.query(`DROP TYPE "public"."time_point"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complication__patient_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complication__treatment_id"`);
    await queryRunner.query(`DROP TABLE "complication"`);
    await queryRunner.query(`DROP TYPE "public"."clavien_dindo_grade"`);
    await queryRunner.query(`DROP TYPE "public"."cement_leakage_type"`);
    await queryRunner.query(`DROP TYPE "public"."complication_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_treatment__patient_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_treatment__kind"`);
    await queryRunner.query(`DROP TABLE "treatment"`);
    await queryRunner.query(`DROP TYPE "public"."imaging_guidance"`);
    await queryRunner.query(`DROP TYPE "public"."procedure_approach"`);
    await queryRunner.query(`DROP TYPE "public"."anaesthesia"`);
    await queryRunner.query(`DROP TYPE "public"."treatment_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_treated_level__fracture_id"`);
    await queryRunner.query(`DROP TABLE "treated_level"`);
    await queryRunner.query(`DROP TYPE "public"."cement_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_fracture__patient_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_fracture__level"`);
    await queryRunner.query(`DROP TABLE "fracture"`);
    await queryRunner.query(`DROP TYPE "public"."of_class"`);
    await queryRunner.query(`DROP TYPE "public"."fracture_morphology"`);
    await queryRunner.query(`DROP TYPE "public"."fracture_cause"`);
    await queryRunner.query(`DROP TYPE "public"."vertebral_level"`);
    await queryRunner.query(`DROP INDEX "public"."uq_patient_identifier__mrn"`);
    await queryRunner.query(`DROP TABLE "patient_identifier"`);
    await queryRunner.query(`DROP INDEX "public"."uq_patient__registry_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_patient__site_id"`);
    await queryRunner.query(`DROP TABLE "patient"`);
    await queryRunner.query(`DROP TYPE "public"."consent_status"`);
    await queryRunner.query(`DROP TYPE "public"."sex"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user__email"`);
    await queryRunner.query(`DROP INDEX "public"."ix_app_user__site_id"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_site__code"`);
    await queryRunner.query(`DROP TABLE "site"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event__entity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event__site_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event__actor_id"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
  }
}
