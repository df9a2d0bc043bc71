import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId, SqlParams } from '@vfr/api-core';
import { AggregateReader } from '@vfr/api-database';
import { CohortFilter, ForbiddenError, NotFoundError, Role, TreatmentGrouping, ValidationError } from '@vfr/domain';
import { CELL, cellScopeSql, readKind, followUp, groupedCohortSql, readCohortFilter } from './cohort.sql';
import { SaveCohortInput, UpdateSavedCohortInput } from './dto/cohort-filter.input';
import { SavedCohortEntity } from './saved-cohort.entity';
import { disclosureFor, recordKeySumSql, shownCells, shownCount } from './suppression';

const name = (v: unknown, field = 'name') => {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) throw ValidationError.single(field, 'required', `${field} is required`);
  if (s.length > 120) throw ValidationError.single(field, 'maxLength', `${field} must be at most 120 characters (got ${s.length})`);
  return s;
};

@Injectable()
export class CohortsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: AggregateReader,
    private readonly writer: AuditedWriter,
  ) {}

  filter(actor: Actor, input: unknown): CohortFilter {
    return readCohortFilter(actor, input);
  }

  /** Patients in the cohort, per treatment group, as this reader may see them (suppression.ts). */
  async size(actor: Actor, input: unknown, grouping: TreatmentGrouping) {
    const params = new SqlParams();
    const group = followUp(grouping).group;
    const filter = this.filter(actor, input);
    // By first treatment, from the maintained cells where they hold the cohort.
    const scope = grouping === TreatmentGrouping.FIRST_TREATMENT ? cellScopeSql(filter, actor, params) : null;
    const rows: { grp: string; n: number; k: number }[] = await this.reader.query(
      scope !== null
        ? `SELECT grp, sum(n)::int AS n, sum(k)::int8 AS k FROM analysis_cell ac WHERE ac.fig = ${CELL.SIZE} AND ${scope} GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`
        : `SELECT ${group} AS grp, count(*)::int AS n, ${recordKeySumSql(actor, undefined, 'c.record_key')} AS k FROM (${groupedCohortSql(filter, actor, params, grouping)}) c GROUP BY 1 ORDER BY 1`,
      params.values,
      readKind(scope),
    );
    const d = disclosureFor(actor);
    const shown = shownCells(d, rows);
    const total = { n: rows.reduce((a, r) => a + r.n, 0), k: rows.reduce((a, r) => a + Number(r.k), 0) };
    return {
      threshold: d.threshold,
      total: shownCount(d, total),
      groups: rows.map((r, i) => ({ group: r.grp, n: shown[i], suppressed: shown[i] === null })),
    };
  }

  list(actor: Actor): Promise<SavedCohortEntity[]> {
    return this.dataSource
      .getRepository(SavedCohortEntity)
      .createQueryBuilder('c')
      .where('c.withdrawn_at IS NULL AND (c.owner_id = :me OR c.shared)', { me: actor.userId })
      .orderBy('c.name')
      .getMany();
  }

  save(actor: Actor, input: SaveCohortInput): Promise<SavedCohortEntity> {
    const values = {
      name: name(input.name),
      description: input.description?.trim() || null,
      filter: this.filter(actor, input.filter) as Record<string, unknown>,
      shared: input.shared,
      ownerId: actor.userId,
    };
    return this.writer.run(actor, (tx) =>
      tx.createOnce(SavedCohortEntity, { requestId: input.requestId, entityType: 'SavedCohort', values, scope: ['ownerId'] }, (requestId) =>
        tx.create(SavedCohortEntity, { ...values, requestId }, { entityType: 'SavedCohort', siteId: actor.siteId }),
      ),
    );
  }

  update(actor: Actor, input: UpdateSavedCohortInput): Promise<SavedCohortEntity> {
    assertId('id', input.id);
    return this.writer.run(actor, async (tx) => {
      const cohort = await tx.lock(SavedCohortEntity, input.id, 'SavedCohort');
      this.assertOwner(actor, cohort);
      const changes: Partial<SavedCohortEntity> = {};
      if (input.name !== undefined) changes.name = name(input.name);
      if (input.description !== undefined) changes.description = input.description?.trim() || null;
      if (input.filter !== undefined) changes.filter = this.filter(actor, input.filter);
      if (input.shared !== undefined) changes.shared = input.shared;
      return tx.update(SavedCohortEntity, cohort, input.version, changes, { entityType: 'SavedCohort', siteId: actor.siteId });
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<SavedCohortEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const cohort = await tx.lock(SavedCohortEntity, id, 'SavedCohort');
      this.assertOwner(actor, cohort);
      return tx.withdraw(SavedCohortEntity, cohort, version, reason, { entityType: 'SavedCohort', siteId: actor.siteId });
    });
  }

  private assertOwner(actor: Actor, cohort: SavedCohortEntity): void {
    if (cohort.ownerId === actor.userId || actor.role === Role.ADMIN) return;
    if (!cohort.shared) throw new NotFoundError('SavedCohort', cohort.id);
    throw new ForbiddenError('Only the owner of a saved cohort may change it');
  }
}
