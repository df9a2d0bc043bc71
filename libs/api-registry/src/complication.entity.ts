import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CementLeakageType, ClavienDindoGrade, ComplicationKind, FractureDetection, VertebralLevel } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { PatientEntity } from './patient.entity';
import { TreatmentEntity } from './treatment.entity';

@Entity('complication')
@Index('ix_complication__patient_id', ['patientId', 'occurredOn'])
@Index('ix_complication__treatment_id', ['treatmentId'])
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_complication__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_complication__leakage_type__cement_leakage_only', `leakage_type IS NULL OR kind = 'CEMENT_LEAKAGE'`)
@Check('ck_complication__clavien_dindo__death_is_grade_v', `kind <> 'DEATH' OR clavien_dindo IS NULL OR clavien_dindo = 'V'`)
@Check('ck_complication__level__new_fracture_only', `(level IS NULL AND detection IS NULL) OR kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')`)
export class ComplicationEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_complication__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'uuid', nullable: true })
  treatmentId: string | null;

  @ManyToOne(() => TreatmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'treatment_id', foreignKeyConstraintName: 'fk_complication__treatment_id' })
  treatment?: TreatmentEntity;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'enum', enum: ComplicationKind, enumName: 'complication_kind' })
  kind: ComplicationKind;

  @Column({ type: 'boolean', nullable: true })
  symptomatic: boolean | null;

  @Column({ type: 'enum', enum: CementLeakageType, enumName: 'cement_leakage_type', nullable: true })
  leakageType: CementLeakageType | null;

  @Column({ type: 'enum', enum: ClavienDindoGrade, enumName: 'clavien_dindo_grade', nullable: true })
  clavienDindo: ClavienDindoGrade | null;

  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  /** New fractures only: the fractured vertebra. */
  @Column({ type: 'enum', enum: VertebralLevel, enumName: 'vertebral_level', nullable: true })
  level: VertebralLevel | null;

  /** New fractures only: how it was found. */
  @Column({ type: 'enum', enum: FractureDetection, enumName: 'fracture_detection', nullable: true })
  detection: FractureDetection | null;
}
