import { ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CementLeakageType,
  ClavienDindoGrade,
  ComplicationKind,
  FieldView,
  FractureDetection,
  VertebralLevel,
  PatientRecordModel,
  RecordField,
} from '@vfr/api-core';
import { ComplicationEntity } from '../complication.entity';

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts);
// the plain values are thin declarations of fields defined in libs/domain/src/fields/complication.fields.ts
// (a test holds every definition to a field here).
@ObjectType('Complication')
export class ComplicationModel extends PatientRecordModel('Complication') {
  @RecordField('Complication', () => ID) patientId: string;
  @RecordField('Complication', () => ID, { nullable: true }) treatmentId: string | null;
  @RecordField('Complication', () => String) occurredOn: string | null;
  @RecordField('Complication', () => Int) occurredDay: number | null;
  @RecordField('Complication', () => ComplicationKind) kind: ComplicationKind;
  @RecordField('Complication', () => Boolean, { nullable: true }) symptomatic: boolean | null;
  @RecordField('Complication', () => CementLeakageType, { nullable: true }) leakageType: CementLeakageType | null;
  @RecordField('Complication', () => ClavienDindoGrade, { nullable: true }) clavienDindo: ClavienDindoGrade | null;
  @RecordField('Complication') resolved: boolean;
  @RecordField('Complication', () => String) notes: string | null;
  @RecordField('Complication', () => VertebralLevel, { nullable: true }) level: VertebralLevel | null;
  @RecordField('Complication', () => FractureDetection, { nullable: true }) detection: FractureDetection | null;

  static from(e: ComplicationEntity, view: FieldView): ComplicationModel {
    return view.project('Complication', e);
  }
}
