import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditedTransaction, AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId } from '@vfr/api-core';
import {
  AuditAction,
  TREATMENT_FIELDS,
  treatmentCreateSchema,
  treatmentUpdateSchema,
  validate,
  ValidationError,
  visitsOutOfWindowAfterMove,
} from '@vfr/domain';
import { CreateTreatmentInput, TreatedLevelInput, UpdateTreatmentInput } from './dto/treatment.input';
import { FractureEntity } from './fracture.entity';
import { childForRead, patientForWrite } from './patient-access';
import { TreatedLevelEntity } from './treated-level.entity';
import { TreatmentEntity } from './treatment.entity';

@Injectable()
export class TreatmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  get(actor: Actor, id: string): Promise<TreatmentEntity> {
    return childForRead(this.dataSource.manager, actor, TreatmentEntity, id, 'Treatment');
  }

  create(actor: Actor, input: CreateTreatmentInput): Promise<TreatmentEntity> {
    assertId('patientId', input.patientId);
    const { levels, ...values } = validate(treatmentCreateSchema, input);
    return this.writer.run(actor, async (tx) => {
      const patient = await patientForWrite(tx.manager, actor, values.patientId);
      const request = { requestId: input.requestId, entityType: 'Treatment', values: { ...values, levels: levelValues(levels) }, scope: ['patientId'] };
      const stored = async (earlier: TreatmentEntity) => ({ levels: levelValues(await this.levelsOf(tx.manager, [earlier.id])) });
      return tx.createOnce(TreatmentEntity, { ...request, stored }, async (requestId) => {
        const treatment = await tx.create(TreatmentEntity, { ...values, requestId }, { entityType: 'Treatment', siteId: patient.siteId });
        treatment.levels = await this.writeLevels(tx, treatment, levels, patient.siteId);
        return treatment;
      });
    });
  }

  update(actor: Actor, input: UpdateTreatmentInput): Promise<TreatmentEntity> {
    const { id, version, reason, ...changes } = input;
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const treatment = await tx.lock(TreatmentEntity, id, 'Treatment');
      const patient = await patientForWrite(tx.manager, actor, treatment.patientId, 'id');
      const current = await this.levelsOf(tx.manager, [id]);
      // The rules span fields (a procedure needs anaesthesia and cement...), so the merged record is validated whole.
      const merged = validate(treatmentUpdateSchema, {
        ...pickTreatmentFields(treatment),
        levels: current.map((l) => ({
          fractureId: l.fractureId,
          cementType: l.cementType,
          cementVolumeMl: l.cementVolumeMl,
          cementFillPercent: l.cementFillPercent,
        })),
        ...changes,
      });
      const { levels, ...values } = merged;
      if (values.startDate && values.startDate !== treatment.startDate) await this.checkVisitsStayInWindows(tx.manager, treatment.id, values.startDate);
      const updated = await tx.update(TreatmentEntity, treatment, version, values, { entityType: 'Treatment', siteId: patient.siteId, reason });
      updated.levels = changes.levels ? await this.replaceLevels(tx, updated, current, levels ?? [], patient.siteId, reason ?? null) : current;
      return updated;
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<TreatmentEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const treatment = await tx.lock(TreatmentEntity, id, 'Treatment');
      const patient = await patientForWrite(tx.manager, actor, treatment.patientId, 'id');
      return tx.withdraw(TreatmentEntity, treatment, version, reason, { entityType: 'Treatment', siteId: patient.siteId });
    });
  }

  /**
   * A treatment's visits are placed in windows counted from its start: moving the start must not
   * silently move them out (an M1 visit would become a day-0 visit still called M1). Such a change
   * is refused, naming each visit, until the visits are corrected or the date is.
   */
  private async checkVisitsStayInWindows(manager: EntityManager, treatmentId: string, newStart: string): Promise<void> {
    const visits: { id: string; timePoint: string; status: string; visitDate: string | null }[] = await manager.query(
      `SELECT id, time_point AS "timePoint", status, visit_date::text AS "visitDate" FROM assessment
       WHERE treatment_id = $1 AND withdrawn_at IS NULL AND visit_date IS NOT NULL ORDER BY visit_date, id`,
      [treatmentId],
    );
    const out = visitsOutOfWindowAfterMove(visits, newStart);
    if (!out.length) return;
    const named = out.map(
      ({ visit, issue }) => `${visit.timePoint} visit ${visit.id} of ${visit.visitDate} (${issue.message.replace(/^visitDate \S+ is /, '')})`,
    );
    throw ValidationError.single(
      'startDate',
      'window',
      `startDate ${newStart} would put ${out.length === 1 ? 'a visit' : `${out.length} visits`} of this treatment outside ${out.length === 1 ? 'its window' : 'their windows'}: ` +
        `${named.join('; ')}. Correct ${out.length === 1 ? 'that visit' : 'those visits'} (date or time point) first, or keep the start date`,
    );
  }

  private async writeLevels(tx: AuditedTransaction, treatment: TreatmentEntity, levels: TreatedLevelInput[], siteId: string): Promise<TreatedLevelEntity[]> {
    await this.checkFractures(tx.manager, treatment.patientId, levels);
    const rows = levels.map((l) =>
      tx.manager.create(TreatedLevelEntity, {
        treatmentId: treatment.id,
        fractureId: l.fractureId,
        cementType: l.cementType ?? null,
        cementVolumeMl: l.cementVolumeMl ?? null,
        cementFillPercent: l.cementFillPercent ?? null,
      }),
    );
    await tx.manager.insert(TreatedLevelEntity, rows);
    await tx.audit({
      entityType: 'Treatment',
      entityId: treatment.id,
      siteId,
      action: AuditAction.UPDATE,
      before: null,
      after: { levels: levels.map((l) => ({ ...l })) },
    });
    return rows;
  }

  private async replaceLevels(
    tx: AuditedTransaction,
    treatment: TreatmentEntity,
    current: TreatedLevelEntity[],
    levels: TreatedLevelInput[],
    siteId: string,
    reason: string | null,
  ): Promise<TreatedLevelEntity[]> {
    await this.checkFractures(tx.manager, treatment.patientId, levels);
    await tx.manager.delete(TreatedLevelEntity, { treatmentId: treatment.id });
    const rows = levels.map((l) =>
      tx.manager.create(TreatedLevelEntity, {
        treatmentId: treatment.id,
        fractureId: l.fractureId,
        cementType: l.cementType ?? null,
        cementVolumeMl: l.cementVolumeMl ?? null,
        cementFillPercent: l.cementFillPercent ?? null,
      }),
    );
    await tx.manager.insert(TreatedLevelEntity, rows);
    await tx.audit({
      entityType: 'Treatment',
      entityId: treatment.id,
      siteId,
      action: AuditAction.UPDATE,
      reason,
      before: {
        levels: current.map((l) => ({
          fractureId: l.fractureId,
          cementType: l.cementType,
          cementVolumeMl: l.cementVolumeMl,
          cementFillPercent: l.cementFillPercent,
        })),
      },
      after: { levels: levels.map((l) => ({ ...l })) },
    });
    return rows;
  }

  /** Each treated fracture must be a current fracture of the same patient. */
  private async checkFractures(manager: EntityManager, patientId: string, levels: TreatedLevelInput[]): Promise<void> {
    levels.forEach((l, i) => assertId(`levels.${i}.fractureId`, l.fractureId));
    const found = await manager.findBy(FractureEntity, { id: In(levels.map((l) => l.fractureId)), patientId, withdrawnAt: IsNull() });
    const ids = new Set(found.map((f) => f.id));
    const issues = levels
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => !ids.has(l.fractureId))
      .map(({ i }) => ({ field: `levels.${i}.fractureId`, rule: 'exists', message: `levels.${i}.fractureId is not a current fracture of this patient` }));
    if (issues.length) throw new ValidationError(issues);
  }

  levelsOf(manager: EntityManager, treatmentIds: readonly string[]): Promise<TreatedLevelEntity[]> {
    return manager.findBy(TreatedLevelEntity, { treatmentId: In([...treatmentIds]) });
  }

  ofPatients(patientIds: readonly string[]): Promise<TreatmentEntity[]> {
    return this.dataSource.getRepository(TreatmentEntity).find({
      where: { patientId: In([...patientIds]), withdrawnAt: IsNull() },
      order: { startDate: 'ASC', createdAt: 'ASC' },
    });
  }
}

/** Treated levels as compared between a create and the one its request id made before. */
function levelValues(levels: readonly TreatedLevelInput[]) {
  return levels
    .map((l) => ({
      fractureId: l.fractureId,
      cementType: l.cementType ?? null,
      cementVolumeMl: l.cementVolumeMl ?? null,
      cementFillPercent: l.cementFillPercent ?? null,
    }))
    .sort((a, b) => (a.fractureId < b.fractureId ? -1 : a.fractureId > b.fractureId ? 1 : 0));
}

/** The stored treatment as the rules judge it: its kind, start and every defined field (fields/treatment.fields.ts). */
function pickTreatmentFields(t: TreatmentEntity) {
  const stored = t as unknown as Record<string, unknown>;
  return { kind: t.kind, startDate: t.startDate, ...Object.fromEntries(Object.keys(TREATMENT_FIELDS).map((f) => [f, stored[f]])) };
}
