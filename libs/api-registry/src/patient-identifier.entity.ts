import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PatientEntity } from './patient.entity';

/**
 * Direct identifiers, held apart from the pseudonymous record so that de-identified reads never
 * touch them: only coordinators of the patient's site and admins are given this row.
 */
@Entity('patient_identifier')
@Index('uq_patient_identifier__mrn', ['siteId', 'mrn'], { unique: true })
export class PatientIdentifierEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_patient_identifier' })
  patientId: string;

  @OneToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_patient_identifier__patient_id' })
  patient?: PatientEntity;

  /** Copied from the patient so that the MRN is unique per site and the row shards with its site. */
  @Column({ type: 'uuid' })
  siteId: string;

  @Column({ type: 'varchar', length: 32 })
  mrn: string;

  @Column({ type: 'varchar', length: 100 })
  familyName: string;

  @Column({ type: 'varchar', length: 100 })
  givenName: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
