import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConsentStatus, Sex } from '@vfr/domain';
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

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
