import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, AuditAction, CurrentActor, Roles } from '@vfr/api-core';
import { Role, ValidationError } from '@vfr/domain';
import { AuditService, checkAuditLogFilter } from './audit.service';
import { AuditEventModel } from './models/audit-event.model';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [AuditEventModel], { description: "A record's history: who changed which field from what to what, when and why" })
  async auditTrail(
    @CurrentActor() actor: Actor,
    @Args('entityType') entityType: string,
    @Args('entityId', { type: () => ID }) entityId: string,
  ): Promise<AuditEventModel[]> {
    const events = await this.audit.history(actor, entityType, entityId);
    const names = await this.audit.names(events);
    return events.map((e) => AuditEventModel.from(e, names));
  }

  @Roles(Role.ADMIN)
  @Query(() => [AuditEventModel], { description: 'The audit log, newest first' })
  async auditLog(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('before', { type: () => ID, nullable: true }) before?: string,
    @Args('entityType', { type: () => String, nullable: true, description: 'e.g. Patient, Assessment, User' }) entityType?: string,
    @Args('action', { type: () => AuditAction, nullable: true }) action?: AuditAction,
    @Args('actorEmail', { type: () => String, nullable: true, description: "The beginning of the actor's email" }) actorEmail?: string,
    @Args('from', { type: () => String, nullable: true, description: 'The first day of events, YYYY-MM-DD in UTC (included)' }) from?: string,
    @Args('to', { type: () => String, nullable: true, description: 'The last day of events, YYYY-MM-DD in UTC (included)' }) to?: string,
  ): Promise<AuditEventModel[]> {
    if (first < 1 || first > 500) throw ValidationError.single('first', 'range', 'first must be from 1 to 500');
    if (before && !/^\d+$/.test(before)) throw ValidationError.single('before', 'format', 'before must be an audit event id');
    const filter = checkAuditLogFilter({ entityType, action, actorEmail, from: from ?? undefined, to: to ?? undefined });
    const events = await this.audit.recent(first, before, filter);
    const names = await this.audit.names(events);
    return events.map((e) => AuditEventModel.from(e, names));
  }
}
