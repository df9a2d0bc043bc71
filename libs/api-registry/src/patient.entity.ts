import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AntiOsteoporoticDrug, ConsentStatus, LivingSituation, PreFractureMobility, Sex } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { SiteEntity } from '@vfr/api-auth';

/** The pseudonymous patient: everything that identifies a person lives in patient_identifier. */
@Entity('patient')
@Index('uq_patient__registry_number', ['registryNumber'], { unique: true })
@Index('ix_patient__site_id', ['siteId', 'registryNumber'])
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_patient__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_patient__birth_year__range', 'birth_year BETWEEN 1900 AND 2100')
@Check('ck_patient__bmi__range', 'bmi IS NULL OR bmi BETWEEN 10 AND 80')
@Check('ck_patient__t_score__range', 't_score IS NULL OR t_score BETWEEN -8 AND 4')
@Check('ck_patient__asa_class__range', 'asa_class IS NULL OR asa_class BETWEEN 1 AND 5')
@Check('ck_patient__registry_number__pattern', `registry_number ~ '^[A-Za-z0-9-]{1,32}$'`)
// The baseline fields' CHECKs (migration AddPatientBaseline1795620200000); their values come from
// libs/domain/src/fields/patient.fields.ts, and a test compares the database's with it.
@Check('ck_patient__clinical_frailty_scale__range', 'clinical_frailty_scale BETWEEN 1 AND 9')
@Check('ck_patient__charlson_comorbidity_index__range', 'charlson_comorbidity_index BETWEEN 0 AND 37')
@Check('ck_patient__prior_vertebral_fractures__range', 'prior_vertebral_fractures BETWEEN 0 AND 16')
@Check('ck_patient__pain_under_analgesia__range', 'pain_under_analgesia BETWEEN 0 AND 10')
@Check('ck_patient__modified_frailty_index__range', 'modified_frailty_index BETWEEN 0 AND 5')
export class PatientEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  siteId: string;

  @ManyToOne(() => SiteEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_patient__site_id' })
  site?: SiteEntity;

  @Column({ type: 'varchar', length: 32 })
  registryNumber: string;

  @Column({ type: 'enum', enum: Sex, enumName: 'sex' })
  sex: Sex;

  @Column({ type: 'smallint' })
  birthYear: number;

  @Column({ type: 'double precision', nullable: true })
  bmi: number | null;

  @Column({ type: 'double precision', nullable: true })
  tScore: number | null;

  @Column({ type: 'boolean', default: false })
  steroidUse: boolean;

  @Column({ type: 'boolean', default: false })
  activeCancer: boolean;

  @Column({ type: 'boolean', default: false })
  ongoingChemotherapy: boolean;

  @Column({ type: 'boolean', default: false })
  ongoingRadiotherapy: boolean;

  @Column({ type: 'smallint', nullable: true })
  asaClass: number | null;

  @Column({ type: 'enum', enum: ConsentStatus, enumName: 'consent_status', default: ConsentStatus.PENDING })
  consentStatus: ConsentStatus;

  // Baseline (libs/domain/src/fields/patient.fields.ts defines each).
  @Column({ type: 'enum', enum: PreFractureMobility, enumName: 'pre_fracture_mobility', nullable: true })
  preFractureMobility: PreFractureMobility | null;

  @Column({ type: 'enum', enum: LivingSituation, enumName: 'living_situation', nullable: true })
  livingSituation: LivingSituation | null;

  @Column({ type: 'smallint', nullable: true })
  clinicalFrailtyScale: number | null;

  @Column({ type: 'smallint', nullable: true })
  charlsonComorbidityIndex: number | null;

  @Column({ type: 'boolean', nullable: true })
  dementia: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  priorVertebralFractures: number | null;

  @Column({ type: 'enum', enum: AntiOsteoporoticDrug, enumName: 'anti_osteoporotic_drug', nullable: true })
  antiOsteoporoticDrug: AntiOsteoporoticDrug | null;

  @Column({ type: 'date', nullable: true })
  antiOsteoporoticStartDate: string | null;

  @Column({ type: 'date', nullable: true })
  dxaDate: string | null;

  @Column({ type: 'boolean', nullable: true })
  flsReferral: boolean | null;

  // Named: the naming strategy would make vitamin_dsupplementation of it.
  @Column({ type: 'boolean', nullable: true, name: 'vitamin_d_supplementation' })
  vitaminDSupplementation: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  painUnderAnalgesia: number | null;

  @Column({ type: 'boolean', nullable: true })
  mobilisedUnderAnalgesia: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  deformityProgression: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  anticoagulation: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  modifiedFrailtyIndex: number | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
