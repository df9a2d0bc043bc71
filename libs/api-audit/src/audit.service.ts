import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@vfr/api-core';
import { ForbiddenError, Role } from '@vfr/domain';
import { AuditEventEntity } from './audit-event.entity';

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A record's full history, oldest first. Coordinators see only their own site's records; the
   * site is that of the events themselves, so another site's history comes back empty.
   */
  async history(actor: Actor, entityType: string, entityId: string): Promise<AuditEventEntity[]> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.entity_type = :entityType AND e.entity_id = :entityId', { entityType, entityId })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (actor.role !== Role.ADMIN) {
      if (actor.role !== Role.COORDINATOR || !actor.siteId) throw new ForbiddenError();
      qb.andWhere('e.site_id = :siteId', { siteId: actor.siteId });
    }
    return qb.getMany();
  }

  /** The most recent events, newest first (admins). */
  recent(limit: number, before?: string, filter: AuditLogFilter = {}): Promise<AuditEventEntity[]> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(limit);
    if (before) qb.andWhere('e.id < :before', { before });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorEmail) qb.andWhere("e.actor_email ILIKE :actor ESCAPE '\\'", { actor: `${filter.actorEmail.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb.getMany();
  }
}

/** Narrows the audit log: all criteria optional, combined with AND. */
export interface AuditLogFilter {
  entityType?: string;
  action?: string;
  /** The beginning of the actor's email. */
  actorEmail?: string;
}
