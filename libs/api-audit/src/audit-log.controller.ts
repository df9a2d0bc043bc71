import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Actor, csvWriter, ErrorResponse, Roles, sendHttpError } from '@vfr/api-core';
import { AuditAction, Role, ValidationError } from '@vfr/domain';
import { AccessAudit } from './access-audit';
import { AuditLogFilter, AuditService, checkAuditLogFilter, idsOf } from './audit.service';

const COLUMNS = ['id', 'occurred_at', 'user', 'action', 'record_type', 'record_id', 'record', 'names', 'before', 'after', 'reason'];

/**
 * The audit log as CSV: every event the filter selects (not a page of them), newest first, with
 * the names of the ids each refers to. The download is itself an export event, written before
 * the first row is sent.
 */
@Controller('api')
export class AuditLogController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessAudit,
  ) {}

  @Roles(Role.ADMIN)
  @Get('audit-log.csv')
  async csv(
    @Query() query: Record<string, string | undefined>,
    @Req() req: { actor: Actor },
    @Res({ passthrough: true }) res: { setHeader(k: string, v: string): void },
  ): Promise<StreamableFile> {
    const action = query.action;
    if (action && !Object.values(AuditAction).includes(action as AuditAction)) {
      throw ValidationError.single('action', 'enum', `action must be one of ${Object.values(AuditAction).join(', ')} (got "${action.slice(0, 40)}")`);
    }
    const filter: AuditLogFilter = checkAuditLogFilter({
      entityType: query.entityType || undefined,
      action: action || undefined,
      actorEmail: query.actorEmail || undefined,
      from: query.from || undefined,
      to: query.to || undefined,
    });
    await this.access.record({
      action: AuditAction.EXPORT,
      entityType: 'Export',
      entityId: 'audit-log',
      actor: { userId: req.actor.userId, email: req.actor.email },
      siteId: req.actor.siteId ?? null,
      details: { filter },
    });
    const audit = this.audit;
    async function* rows() {
      for await (const page of audit.all(filter)) {
        const names = await audit.names(page);
        for (const e of page) {
          const named = [...idsOf(e)].flatMap((id) => names.get(id) ?? []);
          yield {
            id: String(e.id),
            occurred_at: e.occurredAt.toISOString(),
            user: e.actorEmail ?? 'system',
            action: e.action,
            record_type: e.entityType,
            record_id: e.entityId,
            record: names.get(e.entityId.toLowerCase())?.name ?? '',
            names: named.map((n) => `${n.kind} ${n.id} = ${n.name}`).join('; '),
            before: e.before ? JSON.stringify(e.before) : '',
            after: e.after ? JSON.stringify(e.after) : '',
            reason: e.reason ?? '',
          };
        }
      }
    }
    const stamp = [filter.from, filter.to].filter(Boolean).join('-to-');
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-log${stamp ? `-${stamp}` : ''}.csv"`);
    const stream = Readable.from(rows()).pipe(csvWriter(COLUMNS, (c) => c === 'id'));
    return new StreamableFile(stream).setErrorHandler((err, r) => sendHttpError(r as unknown as ErrorResponse, err));
  }
}
