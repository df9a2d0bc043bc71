import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DeathCause, DeathSource } from '@vfr/domain';
import { RecordEntity } from '@vfr/api-database';
import { PatientEntity } from './patient.entity';

/**
 * A patient's death: its own record, not a complication (docs/methods.md, Death and overall
 * survival). It ends the patient's follow-up, is the event of overall survival and the competing
 * risk of a new fracture, and takes the patient out of the visits expected after that day.
 */
@Entity('death')
// A patient dies once: one death in force per patient (a wrong one is withdrawn, then replaced).
@Index('uq_death__patient_id', ['patientId'], { unique: true, where: 'withdrawn_at IS NULL' })
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_death__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
export class DeathEntity extends RecordEntity {
  @Column({ type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_death__patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'date' })
  diedOn: string;

  @Column({ type: 'enum', enum: DeathCause, enumName: 'death_cause' })
  cause: DeathCause;

  @Column({ type: 'enum', enum: DeathSource, enumName: 'death_source' })
  source: DeathSource;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
