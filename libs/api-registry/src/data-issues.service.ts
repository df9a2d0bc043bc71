import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor, checkPageSize, Connection, decodeCursor, encodeCursor, siteScope, SqlParams } from '@vfr/api-core';
import { AuditAction, ConflictError, NotFoundError, TEXT_LIMITS, ValidationError } from '@vfr/domain';
import { DataIssueFilterInput, ResolveDataIssueInput } from './dto/data-issue.input';
import { DataIssueModel } from './models/data-issue.model';

interface Row {
  id: string;
  found_at: Date;
  found_by: string;
  rule: string;
  table_name: string;
  record_id: string | null;
  patient_id: string | null;
  registry_number: string | null;
  site_id: string | null;
  detail: string;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: string | null;
}

const COLUMNS = `d.id::text AS id, d.found_at, d.found_by, d.rule, d.table_name, d.record_id, d.patient_id, p.registry_number, d.site_id,
  d.detail, d.resolved_at, d.resolved_by, d.resolution`;

function model(r: Row): DataIssueModel {
  return {
    id: r.id,
    foundAt: r.found_at,
    foundBy: r.found_by,
    rule: r.rule,
    tableName: r.table_name,
    recordId: r.record_id,
    patientId: r.patient_id,
    registryNumber: r.registry_number,
    siteId: r.site_id,
    detail: r.detail,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
  };
}

const ID_PATTERN = /^[1-9]\d{0,17}$/;

/**
 * The data issues migrations and checks report (table data_issue): any rule, for the site's
 * coordinators (their site's issues) and the admins (every site's) to review and resolve. An
 * issue is never deleted; resolving it records who, when and how, in the row and in the audit
 * trail.
 */
@Injectable()
export class DataIssuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  async page(actor: Actor, first: number | undefined, after: string | undefined, filter: DataIssueFilterInput = {}): Promise<Connection<DataIssueModel>> {
    const size = checkPageSize(first);
    const p = new SqlParams();
    const where: string[] = [];
    const scope = siteScope(actor);
    if (scope) where.push(`d.site_id = ${p.add(scope, 'uuid')}`);
    if (filter.rule != null) {
      const rule = filter.rule.trim();
      if (!rule || rule.length > 100) throw ValidationError.single('filter.rule', 'maxLength', 'filter.rule must be 1 to 100 characters');
      if (rule.endsWith('.')) where.push(`starts_with(d.rule, ${p.add(rule)})`);
      else where.push(`d.rule = ${p.add(rule)}`);
    }
    if (filter.open === true) where.push('d.resolved_at IS NULL');
    if (filter.open === false) where.push('d.resolved_at IS NOT NULL');
    const matching = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM data_issue d ${matching}`, p.values);
    if (after) {
      const [id] = decodeCursor(after, 1);
      if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw ValidationError.single('after', 'format', 'after is not a cursor returned by this list');
      where.push(`d.id > ${p.add(id, 'bigint')}`);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM data_issue d LEFT JOIN patient p ON p.id = d.patient_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id LIMIT ${p.add(size + 1, 'int')}`,
      p.values,
    );
    const page = rows.slice(0, size);
    const edges = page.map((r) => ({ cursor: encodeCursor([r.id]), node: model(r) }));
    return {
      edges,
      totalCount: n,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: !!after,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  resolve(actor: Actor, input: ResolveDataIssueInput): Promise<DataIssueModel> {
    const id = String(input.id ?? '');
    if (!ID_PATTERN.test(id)) throw ValidationError.single('id', 'format', 'id must be the id of a data issue (a whole number)');
    const resolution = (input.resolution ?? '').trim();
    if (!resolution)
      throw ValidationError.single('resolution', 'required', 'resolution is required: say what was done about the issue, or why nothing needs doing');
    if (resolution.length > TEXT_LIMITS.freeText)
      throw ValidationError.single('resolution', 'maxLength', `resolution must be at most ${TEXT_LIMITS.freeText} characters`);
    return this.writer.run(actor, async (tx) => {
      const [row]: Row[] = await tx.manager.query(
        `SELECT ${COLUMNS} FROM data_issue d LEFT JOIN patient p ON p.id = d.patient_id WHERE d.id = $1::bigint FOR UPDATE OF d`,
        [id],
      );
      // Another site's issue is "not found", as another site's record is.
      const scope = siteScope(actor);
      if (!row || (scope !== null && row.site_id !== scope)) throw new NotFoundError('DataIssue', id);
      if (row.resolved_at)
        throw new ConflictError('id', 'resolved', `data issue ${id} was already resolved on ${row.resolved_at.toISOString()}: ${row.resolution}`);
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
      const [[done]]: [{ resolved_at: Date }[], number] = await tx.manager.query(
        `UPDATE data_issue SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1::bigint RETURNING resolved_at`,
        [id, actor.userId, resolution],
      );
      await tx.audit({
        entityType: 'DataIssue',
        entityId: id,
        siteId: row.site_id,
        action: AuditAction.UPDATE,
        reason: resolution,
        before: { resolvedAt: null, resolvedBy: null, resolution: null },
        after: { resolvedAt: done.resolved_at.toISOString(), resolvedBy: actor.userId, resolution },
      });
      return model({ ...row, resolved_at: done.resolved_at, resolved_by: actor.userId, resolution });
    });
  }
}
