import { ID, Int, ObjectType } from '@nestjs/graphql';
import { DeathCause, DeathSource, FieldView, PatientRecordModel, RecordField } from '@vfr/api-core';
import { DeathEntity } from '../death.entity';

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts).
@ObjectType('Death')
export class DeathModel extends PatientRecordModel('Death') {
  @RecordField('Death', () => ID) patientId: string;
  @RecordField('Death', () => String) diedOn: string | null;
  @RecordField('Death', () => Int) diedDay: number | null;
  @RecordField('Death', () => DeathCause) cause: DeathCause;
  @RecordField('Death', () => DeathSource) source: DeathSource;
  @RecordField('Death', () => String) notes: string | null;

  static from(e: DeathEntity, view: FieldView): DeathModel {
    return view.project('Death', e);
  }
}
