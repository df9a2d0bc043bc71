import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@vfr/api-core';
import { ForbiddenError, isIsoDate, Role, ValidationError } from '@vfr/domain';
import { AuditEventEntity } from './audit-event.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record an event refers to by id, named as a person knows it: a registry number, an email, a site code. */
export interface AuditName {
  id: string;
  kind: string;
  name: string;
}

/**
 * Every id an audit event may refer to, named in one statement: patients by registry number,
 * users by email, sites by code, and a patient's records by the patient's registry number and
 * what tells the record apart. Ids of withdrawn records are named too; deleted ones (none are)
 * would stay ids.
 */
const NAMES_SQL = `
  SELECT id::text, 'Patient' AS kind, registry_number AS name FROM patient WHERE id = ANY($1::uuid[])
  UNION ALL SELECT id::text, 'User', email FROM app_user WHERE id = ANY($1::uuid[])
  UNION ALL SELECT id::text, 'Site', code FROM site WHERE id = ANY($1::uuid[])
  UNION ALL SELECT f.id::text, 'Fracture', p.registry_number || ' ' || f.level FROM fracture f JOIN patient p ON p.id = f.patient_id WHERE f.id = ANY($1::uuid[])
  UNION ALL SELECT t.id::text, 'Treatment', p.registry_number || ' ' || t.kind || ' ' || t.start_date::text FROM treatment t JOIN patient p ON p.id = t.patient_id WHERE t.id = ANY($1::uuid[])
  UNION ALL SELECT a.id::text, 'Assessment', p.registry_number || ' ' || a.time_point FROM assessment a JOIN patient p ON p.id = a.patient_id WHERE a.id = ANY($1::uuid[])
  UNION ALL SELECT c.id::text, 'Complication', p.registry_number || ' ' || c.kind FROM complication c JOIN patient p ON p.id = c.patient_id WHERE c.id = ANY($1::uuid[])
  UNION ALL SELECT d.id::text, 'Death', p.registry_number || ' death' FROM death d JOIN patient p ON p.id = d.patient_id WHERE d.id = ANY($1::uuid[])
  UNION ALL SELECT id::text, 'SavedCohort', name FROM saved_cohort WHERE id = ANY($1::uuid[])`;

/** The ids an event refers to: its record, its actor, its site and any id among its values. */
export function idsOf(event: AuditEventEntity): Set<string> {
  const ids = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (UUID.test(v)) ids.add(v.toLowerCase());
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  for (const v of [event.entityId, event.actorId, event.siteId, event.before, event.after]) visit(v);
  return ids;
}

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
    // Whole days in UTC, both ends included: the log shows its times in UTC.
    if (filter.from) qb.andWhere(`e.occurred_at >= CAST(:from AS timestamp) AT TIME ZONE 'UTC'`, { from: filter.from });
    if (filter.to) qb.andWhere(`e.occurred_at < (CAST(:to AS timestamp) + interval '1 day') AT TIME ZONE 'UTC'`, { to: filter.to });
    return qb.getMany();
  }

  /** Every event the filter selects, newest first, in pages of `batch` (the CSV export). */
  async *all(filter: AuditLogFilter, batch = 1000): AsyncGenerator<AuditEventEntity[]> {
    let before: string | undefined;
    for (;;) {
      const page = await this.recent(batch, before, filter);
      if (page.length) yield page;
      if (page.length < batch) return;
      before = String(page[page.length - 1].id);
    }
  }

  /** The names of every id the events refer to, in one statement whatever their number. */
  async names(events: AuditEventEntity[]): Promise<Map<string, AuditName>> {
    const ids = new Set<string>();
    for (const e of events) for (const id of idsOf(e)) ids.add(id);
    if (ids.size === 0) return new Map();
    const rows = await this.dataSource.query<AuditName[]>(NAMES_SQL, [[...ids]]);
    return new Map(rows.map((r) => [r.id, r]));
  }
}

/** Narrows the audit log: all criteria optional, combined with AND. */
export interface AuditLogFilter {
  entityType?: string;
  action?: string;
  /** The beginning of the actor's email. */
  actorEmail?: string;
  /** The first day (YYYY-MM-DD, UTC) of events to include. */
  from?: string;
  /** The last day (YYYY-MM-DD, UTC) of events to include. */
  to?: string;
}

/** The filter's values held to their rules, as the GraphQL query and the CSV export receive them. */
export function checkAuditLogFilter(filter: AuditLogFilter): AuditLogFilter {
  if (filter.entityType && filter.entityType.length > 64) throw ValidationError.single('entityType', 'maxLength', 'entityType must be at most 64 characters');
  if (filter.actorEmail && filter.actorEmail.length > 254) throw ValidationError.single('actorEmail', 'maxLength', 'actorEmail must be at most 254 characters');
  for (const field of ['from', 'to'] as const) {
    const v = filter[field];
    if (v && !isIsoDate(v)) throw ValidationError.single(field, 'date', `${field} must be a calendar date YYYY-MM-DD (got "${String(v).slice(0, 20)}")`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw ValidationError.single('to', 'notBeforeFrom', `to (${filter.to}) must not be before from (${filter.from})`);
  }
  return filter;
}
