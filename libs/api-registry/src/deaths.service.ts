import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId } from '@vfr/api-core';
import { checkDeathDate, deathCreateSchema, deathUpdateSchema, DoneVisit, secondDeathMessage, validate, ValidationError } from '@vfr/domain';
import { DeathEntity } from './death.entity';
import { RecordDeathInput, UpdateDeathInput } from './dto/death.input';
import { childForRead, lockPatientRecords, patientForWrite } from './patient-access';

@Injectable()
export class DeathsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  get(actor: Actor, id: string): Promise<DeathEntity> {
    return childForRead(this.dataSource.manager, actor, DeathEntity, id, 'Death');
  }

  record(actor: Actor, input: RecordDeathInput): Promise<DeathEntity> {
    assertId('patientId', input.patientId);
    const values = validate(deathCreateSchema, input);
    return this.writer.run(actor, async (tx) => {
      const patient = await patientForWrite(tx.manager, actor, values.patientId);
      return tx.createOnce(DeathEntity, { requestId: input.requestId, entityType: 'Death', values, scope: ['patientId'] }, async (requestId) => {
        await lockPatientRecords(tx.manager, values.patientId);
        const existing = await tx.manager.findOneBy(DeathEntity, { patientId: values.patientId, withdrawnAt: IsNull() });
        if (existing) throw ValidationError.single('patientId', 'oneDeath', secondDeathMessage(existing.diedOn));
        await this.checkDate(tx.manager, values.patientId, values.diedOn);
        return tx.create(DeathEntity, { ...values, requestId }, { entityType: 'Death', siteId: patient.siteId });
      });
    });
  }

  update(actor: Actor, input: UpdateDeathInput): Promise<DeathEntity> {
    const { id, version, reason, ...changes } = input;
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const death = await tx.lock(DeathEntity, id, 'Death');
      const patient = await patientForWrite(tx.manager, actor, death.patientId, 'id');
      await lockPatientRecords(tx.manager, death.patientId);
      const {
        patient: _p,
        id: _i,
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        withdrawnAt: _w,
        withdrawnReason: _r,
        patientId: _pi,
        requestId: _q,
        ...current
      } = death;
      const merged = validate(deathUpdateSchema, { ...current, ...changes });
      if (merged.diedOn && merged.diedOn !== death.diedOn) await this.checkDate(tx.manager, death.patientId, merged.diedOn);
      return tx.update(DeathEntity, death, version, merged, { entityType: 'Death', siteId: patient.siteId, reason });
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<DeathEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const death = await tx.lock(DeathEntity, id, 'Death');
      const patient = await patientForWrite(tx.manager, actor, death.patientId, 'id');
      return tx.withdraw(DeathEntity, death, version, reason, { entityType: 'Death', siteId: patient.siteId });
    });
  }

  /** The day of death against the first treatment and the latest completed visit (libs/domain's checkDeathDate). */
  private async checkDate(manager: EntityManager, patientId: string, diedOn: string): Promise<void> {
    const [first]: { start_date: string | null }[] = await manager.query(
      `SELECT min(start_date)::text AS start_date FROM treatment WHERE patient_id = $1 AND withdrawn_at IS NULL`,
      [patientId],
    );
    const [visit]: { time_point: string; visit_date: string }[] = await manager.query(
      `SELECT time_point::text, visit_date::text FROM assessment
        WHERE patient_id = $1 AND status = 'DONE' AND withdrawn_at IS NULL AND visit_date IS NOT NULL
        ORDER BY visit_date DESC, created_at DESC LIMIT 1`,
      [patientId],
    );
    const latest: DoneVisit | null = visit ? { timePoint: visit.time_point, visitDate: visit.visit_date } : null;
    const issue = checkDeathDate(diedOn, first?.start_date ?? null, latest);
    if (issue) throw new ValidationError([issue]);
  }

  /** The death in force of each patient (at most one, by the partial unique index). */
  ofPatients(patientIds: readonly string[]): Promise<DeathEntity[]> {
    return this.dataSource.getRepository(DeathEntity).find({ where: { patientId: In([...patientIds]), withdrawnAt: IsNull() } });
  }
}
