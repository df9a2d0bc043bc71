import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AnalgesicLevel, AssessmentStatus, Eq5dValueSet, MissedVisitReason, ScoreSource, TimePoint } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { PatientEntity, TreatmentEntity } from '@vfr/api-registry';

/** A follow-up visit at a time point of the index treatment (done, missed or withdrawn). */
@Entity('assessment')
@Index('ix_assessment__patient_id', ['patientId', 'visitDate'])
// Analyses reach visits through the index treatment.
@Index('ix_assessment__treatment_id', ['treatmentId', 'timePoint', 'status'])
// One visit per scheduled time point of a treatment: the natural key imports rely on.
@Index('uq_assessment__time_point', ['treatmentId', 'timePoint'], { unique: true, where: `withdrawn_at IS NULL AND time_point <> 'UNSCHEDULED'` })
// A client's id for the create request: a retry returns the visit it already made.
@Index('uq_assessment__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_assessment__nrs_rest__range', 'nrs_rest IS NULL OR nrs_rest BETWEEN 0 AND 10')
@Check('ck_assessment__nrs_activity__range', 'nrs_activity IS NULL OR nrs_activity BETWEEN 0 AND 10')
@Check('ck_assessment__odi__range', 'odi IS NULL OR odi BETWEEN 0 AND 100')
@Check('ck_assessment__rmdq__range', 'rmdq IS NULL OR rmdq BETWEEN 0 AND 24')
@Check('ck_assessment__eq5d_index__range', 'eq5d_index IS NULL OR eq5d_index BETWEEN -1 AND 1')
@Check('ck_assessment__visit_date__required_when_done', `status <> 'DONE' OR visit_date IS NOT NULL`)
@Check(
  'ck_assessment__status__no_scores_unless_done',
  `status = 'DONE' OR (nrs_rest IS NULL AND nrs_activity IS NULL AND odi IS NULL AND rmdq IS NULL AND eq5d_index IS NULL)`,
)
// The questionnaires' items and where each score came from (migration AddInstrumentItems).
@Check(
  'ck_assessment__odi_items__shape',
  'odi_items IS NULL OR (array_ndims(odi_items) = 1 AND cardinality(odi_items) = 10 AND 0 <= ALL (odi_items) AND 5 >= ALL (odi_items))',
)
@Check(
  'ck_assessment__rmdq_items__shape',
  'rmdq_items IS NULL OR (array_ndims(rmdq_items) = 1 AND cardinality(rmdq_items) = 24 AND array_position(rmdq_items, NULL) IS NULL)',
)
@Check(
  'ck_assessment__eq5d_levels__shape',
  'eq5d_levels IS NULL OR (array_ndims(eq5d_levels) = 1 AND cardinality(eq5d_levels) = 5 AND array_position(eq5d_levels, NULL) IS NULL AND 1 <= ALL (eq5d_levels) AND 5 >= ALL (eq5d_levels))',
)
@Check('ck_assessment__eq5d_vas__range', 'eq5d_vas IS NULL OR eq5d_vas BETWEEN 0 AND 100')
@Check(
  'ck_assessment__odi_source',
  `(odi_items IS NULL) = (odi_source IS DISTINCT FROM 'ITEMS') AND (odi IS NULL OR odi_source IS NOT NULL) AND (odi_source IS DISTINCT FROM 'TOTAL' OR odi IS NOT NULL)`,
)
@Check('ck_assessment__rmdq_source', `(rmdq_items IS NULL) = (rmdq_source IS DISTINCT FROM 'ITEMS') AND (rmdq IS NULL) = (rmdq_source IS NULL)`)
@Check(
  'ck_assessment__eq5d_source',
  `(eq5d_levels IS NULL) = (eq5d_source IS DISTINCT FROM 'ITEMS') AND (eq5d_index IS NULL) = (eq5d_source IS NULL) AND (eq5d_source IS DISTINCT FROM 'ITEMS' OR eq5d_value_set IS NOT NULL)`,
)
@Check(
  'ck_assessment__status__no_items_unless_done',
  `status = 'DONE' OR (odi_items IS NULL AND rmdq_items IS NULL AND eq5d_levels IS NULL AND eq5d_vas IS NULL)`,
)
@Check('ck_assessment__imaging_done__visit_done', `imaging_done IS NOT TRUE OR status = 'DONE'`)
// Radiographic follow-up of the index level (migration AddHospitalUseAndRadiographs).
@Check('ck_assessment__anterior_height_percent__range', 'anterior_height_percent IS NULL OR anterior_height_percent BETWEEN 0 AND 120')
@Check('ck_assessment__middle_height_percent__range', 'middle_height_percent IS NULL OR middle_height_percent BETWEEN 0 AND 120')
@Check('ck_assessment__posterior_height_percent__range', 'posterior_height_percent IS NULL OR posterior_height_percent BETWEEN 0 AND 120')
@Check('ck_assessment__kyphotic_angle__range', 'kyphotic_angle IS NULL OR kyphotic_angle BETWEEN -30 AND 90')
@Check(
  'ck_assessment__status__no_radiograph_unless_done',
  `status = 'DONE' OR (anterior_height_percent IS NULL AND middle_height_percent IS NULL AND posterior_height_percent IS NULL AND kyphotic_angle IS NULL)`,
)
// Why a visit did not take place: a missed visit's only (migration AddMissedVisitReason).
@Check('ck_assessment__missed_reason__missed_only', `missed_reason IS NULL OR status = 'MISSED'`)
export class AssessmentEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_assessment__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'uuid' })
  treatmentId: string;

  @ManyToOne(() => TreatmentEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'treatment_id', foreignKeyConstraintName: 'fk_assessment__treatment_id' })
  treatment?: TreatmentEntity;

  @Column({ type: 'enum', enum: TimePoint, enumName: 'time_point' })
  timePoint: TimePoint;

  @Column({ type: 'date', nullable: true })
  visitDate: string | null;

  @Column({ type: 'enum', enum: AssessmentStatus, enumName: 'assessment_status' })
  status: AssessmentStatus;

  @Column({ type: 'smallint', nullable: true })
  nrsRest: number | null;

  @Column({ type: 'smallint', nullable: true })
  nrsActivity: number | null;

  @Column({ type: 'double precision', nullable: true })
  odi: number | null;

  @Column({ type: 'smallint', nullable: true })
  rmdq: number | null;

  @Column({ type: 'double precision', nullable: true })
  eq5dIndex: number | null;

  @Column({ type: 'enum', enum: AnalgesicLevel, enumName: 'analgesic_level', nullable: true })
  analgesicLevel: AnalgesicLevel | null;

  @Column({ type: 'boolean', nullable: true })
  opioidUse: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  backToUsualActivities: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  physiotherapy: boolean | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  /** The ten ODI sections (0-5, null for one not answered); odi is computed from them. */
  @Column({ type: 'smallint', array: true, nullable: true })
  odiItems: (number | null)[] | null;

  @Column({ type: 'enum', enum: ScoreSource, enumName: 'score_source', nullable: true })
  odiSource: ScoreSource | null;

  /** The 24 RMDQ statements (true = yes); rmdq is computed from them. */
  @Column({ type: 'boolean', array: true, nullable: true })
  rmdqItems: boolean[] | null;

  @Column({ type: 'enum', enum: ScoreSource, enumName: 'score_source', nullable: true })
  rmdqSource: ScoreSource | null;

  /** The five EQ-5D-5L levels (1-5); eq5dIndex is computed from them with eq5dValueSet. */
  @Column({ type: 'smallint', array: true, nullable: true })
  eq5dLevels: number[] | null;

  @Column({ type: 'smallint', nullable: true })
  eq5dVas: number | null;

  @Column({ type: 'enum', enum: ScoreSource, enumName: 'score_source', nullable: true })
  eq5dSource: ScoreSource | null;

  /** The value set eq5dIndex was computed or checked with; null for an index entered before sets were stored. */
  @Column({ type: 'enum', enum: Eq5dValueSet, enumName: 'eq5d_value_set', nullable: true })
  eq5dValueSet: Eq5dValueSet | null;

  /** Whether spine imaging (radiograph, CT or MRI) was done at the visit; null: not recorded. */
  @Column({ type: 'boolean', nullable: true })
  imagingDone: boolean | null;
  /** The index level's heights in percent of the adjacent normal vertebra's, and its kyphotic angle in degrees. */
  @Column({ type: 'double precision', nullable: true })
  anteriorHeightPercent: number | null;

  @Column({ type: 'double precision', nullable: true })
  middleHeightPercent: number | null;

  @Column({ type: 'double precision', nullable: true })
  posteriorHeightPercent: number | null;

  @Column({ type: 'double precision', nullable: true })
  kyphoticAngle: number | null;

  /** Why a missed visit did not take place; null: not recorded (and on any visit not missed). */
  @Column({ type: 'enum', enum: MissedVisitReason, enumName: 'missed_visit_reason', nullable: true })
  missedReason: MissedVisitReason | null;
}
