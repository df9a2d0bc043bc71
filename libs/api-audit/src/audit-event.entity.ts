import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction } from '@vfr/domain';

/**
 * Append-only: the API's database role may only INSERT and SELECT here, and a trigger refuses
 * UPDATE, DELETE and TRUNCATE to everyone else (see docs/access-control.md).
 */
@Entity('audit_event')
@Index('ix_audit_event__entity', ['entityType', 'entityId', 'occurredAt'])
@Index('ix_audit_event__site_id', ['siteId', 'occurredAt'])
@Index('ix_audit_event__actor_id', ['actorId', 'occurredAt'])
@Index('ix_audit_event__action', ['action', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  /** The site whose data changed (null for registry-wide records such as users of no site). */
  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
