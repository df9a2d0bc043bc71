import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '@vfr/domain';
import { AuditEventEntity } from './audit-event.entity';

/**
 * Events of access rather than change: sign-in and its failures, lockouts, sign-out, password
 * changes and resets, reads that return identifiers. Each is written before the answer leaves
 * the server (awaited by the caller), in the caller's transaction when it passes one.
 */
export interface AccessEvent {
  action: AuditAction;
  /** "Session" for sign-in and sign-out, "User" for passwords, "PatientIdentifier" for reads. */
  entityType: string;
  entityId: string;
  /** Who: the signed-in user, or the account a sign-in was for; null when no account matched. */
  actor?: { userId: string; email: string } | null;
  siteId?: string | null;
  details?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Entity types of access events, for the audit log's filters. */
export const ACCESS_ENTITY_TYPES = ['Session', 'User', 'PatientIdentifier', 'Export'] as const;

@Injectable()
export class AccessAudit {
  constructor(private readonly dataSource: DataSource) {}

  async record(event: AccessEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorId: event.actor?.userId ?? null,
      actorEmail: event.actor?.email ?? null,
      siteId: event.siteId ?? null,
      entityType: event.entityType,
      entityId: event.entityId.slice(0, 64),
      action: event.action,
      before: null,
      after: (event.details ?? null) as never,
      reason: event.reason ?? null,
    });
  }
}
