import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AdditionalInjury, FractureCause, FractureMorphology, OfClass, VertebralLevel } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { PatientEntity } from './patient.entity';

@Entity('fracture')
@Index('ix_fracture__patient_id', ['patientId'])
// One active fracture record per level and patient; a withdrawn one may be re-entered.
@Index('uq_fracture__level', ['patientId', 'level'], { unique: true, where: 'withdrawn_at IS NULL' })
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_fracture__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_fracture__genant_grade__range', 'genant_grade BETWEEN 0 AND 3')
@Check('ck_fracture__height_loss_percent__range', 'height_loss_percent IS NULL OR height_loss_percent BETWEEN 0 AND 100')
@Check('ck_fracture__additional_injury_kinds__no_null', 'array_position(additional_injury_kinds, NULL) IS NULL')
export class FractureEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_fracture__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'enum', enum: VertebralLevel, enumName: 'vertebral_level' })
  level: VertebralLevel;

  @Column({ type: 'date' })
  onsetDate: string;

  @Column({ type: 'enum', enum: FractureCause, enumName: 'fracture_cause' })
  cause: FractureCause;

  @Column({ type: 'smallint' })
  genantGrade: number;

  @Column({ type: 'double precision', nullable: true })
  heightLossPercent: number | null;

  @Column({ type: 'enum', enum: FractureMorphology, enumName: 'fracture_morphology', nullable: true })
  morphology: FractureMorphology | null;

  @Column({ type: 'enum', enum: OfClass, enumName: 'of_class', nullable: true })
  ofClass: OfClass | null;

  @Column({ type: 'boolean', nullable: true })
  mriOedema: boolean | null;

  @Column({ type: 'boolean', default: false })
  posteriorWallInvolved: boolean;

  @Column({ type: 'boolean', default: false })
  neurologicalDeficit: boolean;

  /** Thin declaration of a defined field (libs/domain/src/fields/fracture.fields.ts): [] none, null not recorded. */
  @Column({ type: 'enum', enum: AdditionalInjury, enumName: 'additional_injury', array: true, nullable: true })
  additionalInjuryKinds: AdditionalInjury[] | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  additionalInjuries: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
