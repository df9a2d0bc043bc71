import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { AnalgesicLevel, Anaesthesia, DischargeDestination, ImagingGuidance, ProcedureApproach, TreatmentKind } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { PatientEntity } from './patient.entity';
import { TreatedLevelEntity } from './treated-level.entity';

@Entity('treatment')
@Index('ix_treatment__patient_id', ['patientId', 'startDate'])
@Index('ix_treatment__kind', ['kind', 'startDate'])
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_treatment__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_treatment__anaesthesia__required_for_procedure', `kind = 'CONSERVATIVE' OR (anaesthesia IS NOT NULL AND approach IS NOT NULL)`)
@Check(
  'ck_treatment__kind__no_procedure_fields_for_conservative',
  `kind <> 'CONSERVATIVE' OR (anaesthesia IS NULL AND approach IS NULL AND imaging_guidance IS NULL AND balloon_used IS NULL AND height_restoration_percent IS NULL AND duration_minutes IS NULL)`,
)
@Check('ck_treatment__balloon_used__kyphoplasty_only', `balloon_used IS NULL OR balloon_used = false OR kind = 'KYPHOPLASTY'`)
@Check('ck_treatment__height_restoration_percent__range', 'height_restoration_percent IS NULL OR height_restoration_percent BETWEEN 0 AND 100')
@Check('ck_treatment__kyphotic_angle_before__range', 'kyphotic_angle_before IS NULL OR kyphotic_angle_before BETWEEN -30 AND 90')
@Check('ck_treatment__kyphotic_angle_after__range', 'kyphotic_angle_after IS NULL OR kyphotic_angle_after BETWEEN -30 AND 90')
@Check('ck_treatment__duration_minutes__range', 'duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600')
@Check('ck_treatment__length_of_stay_days__range', 'length_of_stay_days IS NULL OR length_of_stay_days BETWEEN 0 AND 365')
@Check(
  'ck_treatment__same_day_discharge__consistency',
  'same_day_discharge IS NULL OR length_of_stay_days IS NULL OR (same_day_discharge = (length_of_stay_days = 0))',
)
// Hospital use and radiation (migration AddHospitalUseAndRadiographs).
@Check('ck_treatment__fluoroscopy_time_seconds__range', 'fluoroscopy_time_seconds IS NULL OR fluoroscopy_time_seconds BETWEEN 1 AND 7200')
@Check(
  'ck_treatment__dose_area_product_gy_cm2__range',
  'dose_area_product_gy_cm2 IS NULL OR (dose_area_product_gy_cm2 > 0 AND dose_area_product_gy_cm2 <= 1000)',
)
@Check('ck_treatment__kind__no_radiation_for_conservative', `kind <> 'CONSERVATIVE' OR (fluoroscopy_time_seconds IS NULL AND dose_area_product_gy_cm2 IS NULL)`)
export class TreatmentEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_treatment__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'enum', enum: TreatmentKind, enumName: 'treatment_kind' })
  kind: TreatmentKind;

  @Column({ type: 'date' })
  startDate: string;

  @OneToMany(() => TreatedLevelEntity, (l) => l.treatment)
  levels?: Relation<TreatedLevelEntity[]>;

  // Conservative care
  @Column({ type: 'enum', enum: AnalgesicLevel, enumName: 'analgesic_level', nullable: true })
  analgesicLevel: AnalgesicLevel | null;

  @Column({ type: 'boolean', nullable: true })
  brace: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  bedRest: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  physiotherapy: boolean | null;

  // Vertebroplasty and kyphoplasty
  @Column({ type: 'enum', enum: Anaesthesia, enumName: 'anaesthesia', nullable: true })
  anaesthesia: Anaesthesia | null;

  @Column({ type: 'enum', enum: ProcedureApproach, enumName: 'procedure_approach', nullable: true })
  approach: ProcedureApproach | null;

  @Column({ type: 'enum', enum: ImagingGuidance, enumName: 'imaging_guidance', nullable: true })
  imagingGuidance: ImagingGuidance | null;

  @Column({ type: 'boolean', nullable: true })
  balloonUsed: boolean | null;

  @Column({ type: 'double precision', nullable: true })
  heightRestorationPercent: number | null;

  @Column({ type: 'double precision', nullable: true })
  kyphoticAngleBefore: number | null;

  @Column({ type: 'double precision', nullable: true })
  kyphoticAngleAfter: number | null;

  @Column({ type: 'smallint', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'boolean', nullable: true })
  sameDayDischarge: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  lengthOfStayDays: number | null;

  // Hospital use (every kind)
  @Column({ type: 'enum', enum: DischargeDestination, enumName: 'discharge_destination', nullable: true })
  dischargeDestination: DischargeDestination | null;

  @Column({ type: 'boolean', nullable: true, name: 'readmitted_within_30_days' })
  readmittedWithin30Days: boolean | null;

  @Column({ type: 'boolean', nullable: true, name: 'readmitted_within_90_days' })
  readmittedWithin90Days: boolean | null;

  // Radiation (procedures)
  @Column({ type: 'integer', nullable: true })
  fluoroscopyTimeSeconds: number | null;

  @Column({ type: 'double precision', nullable: true })
  doseAreaProductGyCm2: number | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
