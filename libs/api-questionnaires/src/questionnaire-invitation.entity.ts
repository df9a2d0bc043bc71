import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { QuestionnaireAnswers, QuestionnaireRespondent, TimePoint } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { SiteEntity, UserEntity } from '@vfr/api-auth';
import { PatientEntity, TreatmentEntity } from '@vfr/api-registry';
import { AssessmentEntity } from '@vfr/api-follow-up';

/**
 * A link a patient answers an expected visit's questionnaire with (migration
 * AddQuestionnaireInvitations): only the SHA-256 of its token is kept. The answers wait here until
 * a coordinator confirms them into the visit (assessment_id). Revoked or replaced: withdrawn.
 */
@Entity('questionnaire_invitation')
@Index('uq_questionnaire_invitation__token_hash', ['tokenHash'], { unique: true })
@Index('uq_questionnaire_invitation__visit', ['treatmentId', 'timePoint'], { unique: true, where: 'withdrawn_at IS NULL' })
@Index('ix_questionnaire_invitation__site_id', ['siteId', 'answeredAt'], { where: 'withdrawn_at IS NULL' })
@Index('ix_questionnaire_invitation__patient_id', ['patientId'])
@Index('ix_questionnaire_invitation__assessment_id', ['assessmentId'], { where: 'assessment_id IS NOT NULL' })
@Check('ck_questionnaire_invitation__token_hash__length', 'octet_length(token_hash) = 32')
@Check('ck_questionnaire_invitation__language__known', `language IN ('en', 'de')`)
@Check('ck_questionnaire_invitation__answers__with_answer', '(answered_at IS NULL) = (answers IS NULL) AND (answered_at IS NULL) = (respondent IS NULL)')
@Check(
  'ck_questionnaire_invitation__reviewed_at__after_answer',
  'reviewed_at IS NULL OR (answered_at IS NOT NULL AND reviewed_by IS NOT NULL AND assessment_id IS NOT NULL AND corrected IS NOT NULL)',
)
@Check('ck_questionnaire_invitation__time_point__scheduled', `time_point <> 'UNSCHEDULED'`)
export class QuestionnaireInvitationEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_questionnaire_invitation__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'uuid' })
  treatmentId: string;

  @ManyToOne(() => TreatmentEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'treatment_id', foreignKeyConstraintName: 'fk_questionnaire_invitation__treatment_id' })
  treatment?: TreatmentEntity;

  @Column({ type: 'uuid' })
  siteId: string;

  @ManyToOne(() => SiteEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_questionnaire_invitation__site_id' })
  site?: SiteEntity;

  @Column({ type: 'enum', enum: TimePoint, enumName: 'time_point' })
  timePoint: TimePoint;

  /** SHA-256 of the link's token (the token itself is never stored). */
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'fk_questionnaire_invitation__issued_by' })
  issuer?: UserEntity;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** The language the form opens in (the patient may switch). */
  @Column({ type: 'text', default: 'en' })
  language: string;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'enum', enum: QuestionnaireRespondent, enumName: 'questionnaire_respondent', nullable: true })
  respondent: QuestionnaireRespondent | null;

  /** The answers as submitted (checked with the instruments' rules), until and after review. */
  @Column({ type: 'jsonb', nullable: true })
  answers: Omit<QuestionnaireAnswers, 'respondent'> | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_questionnaire_invitation__reviewed_by' })
  reviewer?: UserEntity;

  /** The visit the confirmed answers became. */
  @Column({ type: 'uuid', nullable: true })
  assessmentId: string | null;

  @ManyToOne(() => AssessmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_questionnaire_invitation__assessment_id' })
  assessment?: AssessmentEntity;

  /** Whether the coordinator changed any answer when confirming (the changes are in the audit trail). */
  @Column({ type: 'boolean', nullable: true })
  corrected: boolean | null;

  /** When the link was sent by email (the address itself is not kept). */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
