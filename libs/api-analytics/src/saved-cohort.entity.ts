import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordEntity } from '@vfr/api-database';
import { UserEntity } from '@vfr/api-auth';

/** A named cohort definition: its owner's, or shared with everyone who analyses the registry. */
@Entity('saved_cohort')
@Index('uq_saved_cohort__name', ['ownerId', 'name'], { unique: true, where: 'withdrawn_at IS NULL' })
@Index('ix_saved_cohort__shared', ['shared'])
// The client's id for the create request: a retry returns the record it already made.
@Index('uq_saved_cohort__request_id', ['requestId'], { unique: true, where: 'request_id IS NOT NULL' })
@Check('ck_saved_cohort__name__length', 'char_length(name) BETWEEN 1 AND 120')
export class SavedCohortEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  /** The filter, as validated by libs/domain's cohortFilterSchema. */
  @Column({ type: 'jsonb' })
  filter: Record<string, unknown>;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_saved_cohort__owner_id' })
  owner?: UserEntity;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;
}
