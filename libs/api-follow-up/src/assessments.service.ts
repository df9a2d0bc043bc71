import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditedTransaction, AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId } from '@vfr/api-core';
import { childForRead, diedOnOf, lockPatientRecords, patientForWrite, TreatmentEntity } from '@vfr/api-registry';
import {
  assessmentCreateSchema,
  assessmentUpdateSchema,
  AssessmentStatus,
  checkVisitNotAfterDeath,
  checkVisitWindow,
  DomainError,
  markVisitsMissedSchema,
  MISSED_VISIT_REASON_LABELS,
  NotFoundError,
  validate,
  ValidationError,
  VisitToCheck,
} from '@vfr/domain';
import { eq5dValueSetFromEnv } from '@vfr/api-database';
import { FieldIssue, InstrumentEntry, scoreEq5d, scoreInstruments, scoreOdi, scoreRmdq } from '@vfr/domain';
import { EntityManager } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';
import { CreateAssessmentInput, UpdateAssessmentInput } from './dto/assessment.input';
import { MarkVisitsMissedInput } from './dto/mark-missed.input';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  get(actor: Actor, id: string): Promise<AssessmentEntity> {
    return childForRead(this.dataSource.manager, actor, AssessmentEntity, id, 'Assessment');
  }

  create(actor: Actor, input: CreateAssessmentInput): Promise<AssessmentEntity> {
    assertId('patientId', input.patientId);
    assertId('treatmentId', input.treatmentId);
    const validated = validate(assessmentCreateSchema, input);
    // The scores are computed from the items (a total sent with them must agree), never taken on trust.
    const scored = scoreInstruments(validated, eq5dValueSetFromEnv());
    if (scored.issues.length) throw new ValidationError(scored.issues);
    return this.writer.run(actor, (tx) => this.createChecked(tx, actor, input, validated, scored.scores));
  }

  /**
   * A visit created inside a transaction the caller holds (a patient's questionnaire confirmed:
   * the visit and the questionnaire's review are one change), with the same checks as `create`.
   */
  createWithin(tx: AuditedTransaction, actor: Actor, input: CreateAssessmentInput, reason?: string): Promise<AssessmentEntity> {
    assertId('patientId', input.patientId);
    assertId('treatmentId', input.treatmentId);
    const validated = validate(assessmentCreateSchema, input);
    const scored = scoreInstruments(validated, eq5dValueSetFromEnv());
    if (scored.issues.length) throw new ValidationError(scored.issues);
    return this.createChecked(tx, actor, input, validated, scored.scores, reason);
  }

  private async createChecked(
    tx: AuditedTransaction,
    actor: Actor,
    input: CreateAssessmentInput,
    validated: ReturnType<typeof validate<typeof assessmentCreateSchema>>,
    scores: ReturnType<typeof scoreInstruments>['scores'],
    reason?: string,
  ): Promise<AssessmentEntity> {
    const values = { ...validated, ...scores };
    const patient = await patientForWrite(tx.manager, actor, values.patientId);
    // A visit sent again is found before its time point is judged taken (by itself).
    return tx.createOnce(AssessmentEntity, { requestId: input.requestId, entityType: 'Assessment', values, scope: ['patientId'] }, async (requestId) => {
      await this.checkTreatment(tx.manager, values.patientId, values.treatmentId, {
        timePoint: values.timePoint,
        status: values.status,
        visitDate: values.visitDate,
      });
      await this.checkTimePointFree(tx.manager, values.treatmentId, values.timePoint, null);
      await this.checkNotAfterDeath(tx.manager, values.patientId, values.status, values.visitDate ?? null);
      return tx.create(AssessmentEntity, { ...values, requestId }, { entityType: 'Assessment', siteId: patient.siteId, reason });
    });
  }

  /**
   * Records several expected visits as missed, for one reason (on each visit, and in words in its
   * audit event), in one audited transaction: every row is checked first (the patient in the
   * actor's scope, the treatment current, the time point not yet recorded) and one refused row
   * refuses them all, each problem naming its row
   * (`visits.<i>.<field>`), so that nothing is half done. A patient out of the actor's scope
   * answers "not found" for its row, as a single record would.
   */
  markMissed(actor: Actor, input: MarkVisitsMissedInput): Promise<AssessmentEntity[]> {
    const { visits, reason } = validate(markVisitsMissedSchema, input);
    const why = `Marked missed: ${MISSED_VISIT_REASON_LABELS[reason]}`;
    return this.writer.run(actor, async (tx) => {
      const issues: FieldIssue[] = [];
      const sites: string[] = [];
      for (const [i, v] of visits.entries()) {
        const row = (e: unknown): FieldIssue[] => {
          // Another site's patient is "not found", as everywhere (and so refuses the whole request
          // as not found): the error names the row and says no more.
          if (e instanceof NotFoundError) throw new NotFoundError('Patient', v.patientId, `visits.${i}.patientId`);
          if (e instanceof ValidationError)
            return e.issues.map((x) => ({ field: `visits.${i}.${x.field}`, rule: x.rule, message: `visits.${i} (${v.timePoint}): ${x.message}` }));
          if (e instanceof DomainError) return [{ field: `visits.${i}`, rule: 'refused', message: `visits.${i} (${v.timePoint}): ${e.message}` }];
          throw e;
        };
        try {
          const patient = await patientForWrite(tx.manager, actor, v.patientId);
          await this.checkTreatment(tx.manager, v.patientId, v.treatmentId, { timePoint: v.timePoint, status: AssessmentStatus.MISSED, visitDate: null });
          await this.checkTimePointFree(tx.manager, v.treatmentId, v.timePoint, null);
          sites[i] = patient.siteId;
        } catch (e) {
          issues.push(...row(e));
        }
      }
      if (issues.length) throw new ValidationError(issues);
      const created: AssessmentEntity[] = [];
      for (const [i, v] of visits.entries()) {
        const values = {
          patientId: v.patientId,
          treatmentId: v.treatmentId,
          timePoint: v.timePoint,
          status: AssessmentStatus.MISSED,
          visitDate: null,
          missedReason: reason,
        };
        created.push(await tx.create(AssessmentEntity, values, { entityType: 'Assessment', siteId: sites[i], reason: why }));
      }
      return created;
    });
  }

  update(actor: Actor, input: UpdateAssessmentInput): Promise<AssessmentEntity> {
    const { id, version, reason, ...changes } = input;
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const visit = await tx.lock(AssessmentEntity, id, 'Assessment');
      const patient = await patientForWrite(tx.manager, actor, visit.patientId, 'id');
      const {
        patient: _p,
        treatment: _t,
        id: _i,
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        withdrawnAt: _w,
        withdrawnReason: _r,
        patientId: _pi,
        treatmentId: _ti,
        ...current
      } = visit;
      // Status and scores are validated together (a missed visit carries no scores).
      const checked = validate(assessmentUpdateSchema, { ...current, ...changes });
      const merged = { ...checked, ...rescored(changes, checked) };
      // The window is judged on the merged visit whenever its date, time point or status changes. An
      // edit of its scores alone leaves a visit recorded before the rule (reported as a data issue)
      // as it is, so that correcting a score does not first require settling its date.
      const placed = { timePoint: merged.timePoint ?? visit.timePoint, status: merged.status ?? visit.status, visitDate: merged.visitDate ?? null };
      const moved = placed.timePoint !== visit.timePoint || placed.status !== visit.status || (placed.visitDate ?? null) !== (visit.visitDate ?? null);
      await this.checkTreatment(tx.manager, visit.patientId, visit.treatmentId, moved ? placed : null);
      if (merged.timePoint && merged.timePoint !== visit.timePoint) await this.checkTimePointFree(tx.manager, visit.treatmentId, merged.timePoint, visit.id);
      await this.checkNotAfterDeath(tx.manager, visit.patientId, merged.status ?? visit.status, merged.visitDate ?? null);
      return tx.update(AssessmentEntity, visit, version, merged, { entityType: 'Assessment', siteId: patient.siteId, reason });
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<AssessmentEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const visit = await tx.lock(AssessmentEntity, id, 'Assessment');
      const patient = await patientForWrite(tx.manager, actor, visit.patientId, 'id');
      return tx.withdraw(AssessmentEntity, visit, version, reason, { entityType: 'Assessment', siteId: patient.siteId });
    });
  }

  /** The treatment is a current one of the patient, and the visit lies in its time point's window from that treatment's start. */
  private async checkTreatment(manager: EntityManager, patientId: string, treatmentId: string, visit: VisitToCheck | null): Promise<void> {
    const treatment = await manager.findOneBy(TreatmentEntity, { id: treatmentId, patientId, withdrawnAt: IsNull() });
    if (!treatment) throw ValidationError.single('treatmentId', 'exists', 'treatmentId is not a current treatment of this patient');
    const issue = visit && checkVisitWindow(visit, treatment.startDate);
    if (issue) throw new ValidationError([issue]);
  }

  /**
   * A completed visit cannot be dated after the patient's death (libs/domain's death rules). The
   * patient's row is held first, so that a death recorded at the same moment is judged after or
   * before this visit, never beside it.
   */
  private async checkNotAfterDeath(manager: EntityManager, patientId: string, status: string, visitDate: string | null): Promise<void> {
    if (status !== 'DONE' || !visitDate) return;
    await lockPatientRecords(manager, patientId);
    const issue = checkVisitNotAfterDeath(visitDate, await diedOnOf(manager, patientId));
    if (issue) throw new ValidationError([issue]);
  }

  /** One visit per scheduled time point; the database enforces it too. */
  private async checkTimePointFree(manager: EntityManager, treatmentId: string, timePoint: string, exceptId: string | null): Promise<void> {
    if (timePoint === 'UNSCHEDULED') return;
    const other = await manager.findOneBy(AssessmentEntity, { treatmentId, timePoint: timePoint as never, withdrawnAt: IsNull() });
    if (other && other.id !== exceptId) {
      throw ValidationError.single('timePoint', 'unique', `timePoint ${timePoint} is already recorded for this treatment; edit that visit instead`);
    }
  }

  ofPatients(patientIds: readonly string[]): Promise<AssessmentEntity[]> {
    return this.dataSource.getRepository(AssessmentEntity).find({
      where: { patientId: In([...patientIds]), withdrawnAt: IsNull() },
      order: { visitDate: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The latest completed visit of each patient, in one statement (DISTINCT ON). */
  latestOf(patientIds: readonly string[]): Promise<AssessmentEntity[]> {
    return this.dataSource
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .distinctOn(['a.patient_id'])
      .where('a.patient_id IN (:...ids)', { ids: [...patientIds] })
      .andWhere("a.status = 'DONE' AND a.withdrawn_at IS NULL")
      .orderBy('a.patient_id')
      .addOrderBy('a.visit_date', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
  }
}

/**
 * The scores of an update: an instrument whose score or items the update sends is scored again
 * (items sent without a score: the stored score is replaced by the computed one; a score sent
 * while items are stored must agree with them, so a total cannot silently outvote its answers);
 * an instrument the update leaves alone keeps what is stored, so that correcting another field of
 * a visit entered before these rules does not first require settling its scores.
 */
function rescored(changes: Record<string, unknown>, merged: InstrumentEntry): Record<string, unknown> {
  const sent = (...keys: string[]) => keys.some((k) => k in changes && changes[k] !== undefined);
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  if (sent('odi', 'odiItems')) {
    const r = scoreOdi({ ...merged, odi: sent('odi') ? merged.odi : null });
    issues.push(...r.issues);
    Object.assign(out, r.scores);
  }
  if (sent('rmdq', 'rmdqItems')) {
    const r = scoreRmdq({ ...merged, rmdq: sent('rmdq') ? merged.rmdq : null });
    issues.push(...r.issues);
    Object.assign(out, r.scores);
  }
  if (sent('eq5dIndex', 'eq5dLevels')) {
    const r = scoreEq5d({ ...merged, eq5dIndex: sent('eq5dIndex') ? merged.eq5dIndex : null }, eq5dValueSetFromEnv());
    issues.push(...r.issues);
    Object.assign(out, r.scores);
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}
