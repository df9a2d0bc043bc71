import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CementType } from '@vfr/domain';
import { FractureEntity } from './fracture.entity';
import { TreatmentEntity } from './treatment.entity';

/** A fracture a treatment treats, with the cement given at that level (procedures only). */
@Entity('treated_level')
@Index('ix_treated_level__fracture_id', ['fractureId'])
@Check('ck_treated_level__cement_volume_ml__range', 'cement_volume_ml IS NULL OR (cement_volume_ml > 0 AND cement_volume_ml <= 20)')
@Check('ck_treated_level__cement_fill_percent__range', 'cement_fill_percent IS NULL OR cement_fill_percent BETWEEN 0 AND 100')
export class TreatedLevelEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_treated_level' })
  treatmentId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_treated_level' })
  fractureId: string;

  @ManyToOne(() => TreatmentEntity, (t) => t.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'treatment_id', foreignKeyConstraintName: 'fk_treated_level__treatment_id' })
  treatment?: Relation<TreatmentEntity>; // Relation<> breaks the import cycle in decorator metadata

  @ManyToOne(() => FractureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fracture_id', foreignKeyConstraintName: 'fk_treated_level__fracture_id' })
  fracture?: FractureEntity;

  @Column({ type: 'enum', enum: CementType, enumName: 'cement_type', nullable: true })
  cementType: CementType | null;

  @Column({ type: 'double precision', nullable: true })
  cementVolumeMl: number | null;

  /** Share of the vertebral body the cement filled, percent. */
  @Column({ type: 'double precision', nullable: true })
  cementFillPercent: number | null;
}
