import { Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FieldView, FractureCause, FractureMorphology, OfClass, PatientRecordModel, RecordField, VertebralLevel } from '@vfr/api-core';
import { AdditionalInjury } from '@vfr/domain';
import { FractureEntity } from '../fracture.entity';

registerEnumType(AdditionalInjury, {
  name: 'AdditionalInjury',
  description: 'An injury besides the vertebral fractures, by kind; OTHER_SPINE: a spinal fracture not adjacent to the registered ones',
});

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts);
// the plain values are thin declarations of fields defined in libs/domain/src/fields/fracture.fields.ts
// (a test holds every definition to a field here).
@ObjectType('Fracture')
export class FractureModel extends PatientRecordModel('Fracture') {
  @RecordField('Fracture', () => ID) patientId: string;
  @RecordField('Fracture', () => VertebralLevel) level: VertebralLevel;
  @RecordField('Fracture', () => String) onsetDate: string | null;
  @RecordField('Fracture', () => Int) onsetDay: number | null;
  @RecordField('Fracture', () => FractureCause) cause: FractureCause;
  @RecordField('Fracture', () => Int) genantGrade: number;
  @RecordField('Fracture', () => Float, { nullable: true }) heightLossPercent: number | null;
  @RecordField('Fracture', () => FractureMorphology, { nullable: true }) morphology: FractureMorphology | null;
  @RecordField('Fracture', () => OfClass, { nullable: true }) ofClass: OfClass | null;
  @RecordField('Fracture', () => Boolean, { nullable: true }) mriOedema: boolean | null;
  @RecordField('Fracture') posteriorWallInvolved: boolean;
  @RecordField('Fracture') neurologicalDeficit: boolean;
  @RecordField('Fracture', () => [AdditionalInjury], { nullable: true }) additionalInjuryKinds: AdditionalInjury[] | null;
  @RecordField('Fracture', () => String) additionalInjuries: string | null;

  static from(e: FractureEntity, view: FieldView): FractureModel {
    return view.project('Fracture', e);
  }
}
