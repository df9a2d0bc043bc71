import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, Column } from 'typeorm';

/**
 * Columns every registry record has: a UUID, an optimistic-lock version that updates must quote,
 * timestamps, and a soft withdrawal (records are withdrawn with a reason, never deleted).
 */
export abstract class RecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;
}
