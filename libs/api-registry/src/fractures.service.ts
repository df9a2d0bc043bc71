import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor, assertId } from '@vfr/api-core';
import { fractureContradictions, fractureCreateSchema, fractureUpdateSchema, validate, ValidationError } from '@vfr/domain';
import { CreateFractureInput, UpdateFractureInput } from './dto/fracture.input';
import { FractureEntity } from './fracture.entity';
import { childForRead, patientForWrite } from './patient-access';

/**
 * The cross-field rules (libs/domain's cross-field.rules.ts) judged on the fracture as it would be
 * after the update: a change of the Genant grade alone is held against the stored height loss.
 * Fields left out of the update (undefined) keep their stored values, as the writer keeps them.
 */
function checkFindingsAfterUpdate(stored: FractureEntity, changes: Partial<FractureEntity> | object): void {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const issues = fractureContradictions({ ...stored, ...defined });
  if (issues.length) throw new ValidationError(issues);
}

@Injectable()
export class FracturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  get(actor: Actor, id: string): Promise<FractureEntity> {
    return childForRead(this.dataSource.manager, actor, FractureEntity, id, 'Fracture');
  }

  create(actor: Actor, input: CreateFractureInput): Promise<FractureEntity> {
    assertId('patientId', input.patientId);
    const values = validate(fractureCreateSchema, input);
    return this.writer.run(actor, async (tx) => {
      const patient = await patientForWrite(tx.manager, actor, values.patientId);
      return tx.createOnce(FractureEntity, { requestId: input.requestId, entityType: 'Fracture', values, scope: ['patientId'] }, (requestId) =>
        tx.create(FractureEntity, { ...values, requestId }, { entityType: 'Fracture', siteId: patient.siteId }),
      );
    });
  }

  update(actor: Actor, input: UpdateFractureInput): Promise<FractureEntity> {
    const { id, version, reason, ...changes } = input;
    assertId('id', id);
    const values = validate(fractureUpdateSchema, changes);
    return this.writer.run(actor, async (tx) => {
      const fracture = await tx.lock(FractureEntity, id, 'Fracture');
      const patient = await patientForWrite(tx.manager, actor, fracture.patientId, 'id');
      // An edit of an older version is refused as stale by the writer, before its values are judged.
      if (fracture.version === version) checkFindingsAfterUpdate(fracture, values);
      return tx.update(FractureEntity, fracture, version, values, { entityType: 'Fracture', siteId: patient.siteId, reason });
    });
  }

  withdraw(actor: Actor, id: string, version: number, reason: string): Promise<FractureEntity> {
    assertId('id', id);
    return this.writer.run(actor, async (tx) => {
      const fracture = await tx.lock(FractureEntity, id, 'Fracture');
      const patient = await patientForWrite(tx.manager, actor, fracture.patientId, 'id');
      return tx.withdraw(FractureEntity, fracture, version, reason, { entityType: 'Fracture', siteId: patient.siteId });
    });
  }

  ofPatients(patientIds: readonly string[]): Promise<FractureEntity[]> {
    return this.dataSource.getRepository(FractureEntity).find({
      where: { patientId: In([...patientIds]), withdrawnAt: IsNull() },
      order: { onsetDate: 'ASC', level: 'ASC' },
    });
  }
}
