import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditedTransaction, AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId } from '@vfr/api-core';
import {
  complicationChangesSchema,
  complicationCreateSchema,
  complicationUpdateSchema,
  newFractureContradictions,
  NEW_FRACTURE_KINDS,
  validate,
  ValidationError,
} from '@vfr/domain';
import { ComplicationEntity } from './complication.entity';
import { CreateComplicationInput, UpdateComplicationInput } from './dto/complication.input';
import { childForRead, patientForWrite } from './patient-access';
import { TreatmentEntity } from './treatment.entity';

@Injectable()
export class ComplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  get(actor: Actor, id: string): Promise<ComplicationEntity> {
    return childForRead(this.dataSource.manager, actor, ComplicationEntity, id, 'Complication');
  }

  create(actor: Actor, input: CreateComplicationInput): Promise<ComplicationEntity> {
    assertId('patientId', input.patientId);
    const values = validate(complicationCreateSchema, input);
    return this.writer.run(actor, async (tx) => {
      const patient = await patientForWrite(tx.manager, actor, values.patientId);
      return tx.createOnce(ComplicationEntity, { requestId: input.requestId, entityType: 'Complication', values, scope: ['patientId'] }, async (requestId) => {
        await this.checkTreatment(tx, values.patientId, values.treatmentId, values.occurredOn);
        await this.checkAdjacency(tx, values.patientId, values);
        return tx.create(ComplicationEntity, { ...values, requestId }, { entityType: 'Complication', siteId: patient.siteId });
      });
    });
  }

  update(actor: Actor, input: UpdateComplicationInput): Promise<ComplicationEntity> {
    const { id, version, reason, ...changes } = input;
    assertId('id', id);
    validate(complicationChangesSchema, { kind: changes.kind });
    return this.writer.run(actor, async (tx) => {
      const complication = await tx.lock(ComplicationEntity, id, 'Complication');
      const patient = await patientForWrite(tx.manager, actor, complication.patientId, 'id');
      const { patient: _p, treatment: _t, id: _i, version: _v, createdAt: _c, updatedAt: _u, withdrawnAt: _w, withdrawnReason: _r, ...current } = complication;
      const merged = validate(complicationUpdateSchema, { ...current, ...changes });
      await this.checkTreatment(tx, complication.patientId, merged.treatmentId, merged.occurredOn ?? complication.occurredOn);
      await this.checkAdjacency(tx, complication.patientId, { kind: merged.kind ?? complication.kind, level: merged.level });
      return tx.update(ComplicationEntity, complication, version, merged, { entityType: 'Complication', siteId: patient.siteId, reason });
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<ComplicationEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const complication = await tx.lock(ComplicationEntity, id, 'Complication');
      const patient = await patientForWrite(tx.manager, actor, complication.patientId, 'id');
      return tx.withdraw(ComplicationEntity, complication, version, reason, { entityType: 'Complication', siteId: patient.siteId });
    });
  }

  /** A complication's treatment must be the patient's, and the complication cannot precede it. */
  private async checkTreatment(tx: AuditedTransaction, patientId: string, treatmentId: string | null | undefined, occurredOn: string): Promise<void> {
    if (!treatmentId) return;
    assertId('treatmentId', treatmentId);
    const treatment = await tx.manager.findOneBy(TreatmentEntity, { id: treatmentId, patientId, withdrawnAt: IsNull() });
    if (!treatment) throw ValidationError.single('treatmentId', 'exists', 'treatmentId is not a current treatment of this patient');
    if (occurredOn < treatment.startDate) {
      throw ValidationError.single('occurredOn', 'notBeforeTreatment', `occurredOn (${occurredOn}) is before the treatment started (${treatment.startDate})`);
    }
  }

  /**
   * A new fracture's kind must agree with its level: adjacent when the level is directly above or
   * below one the index (first) treatment treated, remote otherwise (libs/domain
   * cross-field.rules.ts). The treated levels are read here, the same index treatment as the
   * analysis table's; a patient without a treatment has nothing to be adjacent to.
   */
  private async checkAdjacency(tx: AuditedTransaction, patientId: string, v: { kind?: string | null; level?: string | null }): Promise<void> {
    if (!v.level || !NEW_FRACTURE_KINDS.includes(v.kind as never)) return;
    const rows: { level: string }[] = await tx.manager.query(
      `SELECT f.level::text AS level FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id
       WHERE tl.treatment_id = (SELECT t.id FROM treatment t WHERE t.patient_id = $1 AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1)`,
      [patientId],
    );
    const issues = newFractureContradictions({ kind: v.kind, level: v.level, treatedLevels: rows.map((r) => r.level) });
    if (issues.length) throw new ValidationError(issues);
  }

  ofPatients(patientIds: readonly string[]): Promise<ComplicationEntity[]> {
    return this.dataSource.getRepository(ComplicationEntity).find({
      where: { patientId: In([...patientIds]), withdrawnAt: IsNull() },
      order: { occurredOn: 'ASC' },
    });
  }
}
