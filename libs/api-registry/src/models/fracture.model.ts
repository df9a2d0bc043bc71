import { Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FieldView, FractureCause, FractureMorphology, OfClass, PatientRecordModel, RecordField, VertebralLevel } from '@vfr/api-core';
import { FractureEntity } from '../fracture.entity';

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts).
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
  @RecordField('Fracture', () => String) additionalInjuries: string | null;

  static from(e: FractureEntity, view: FieldView): FractureModel {
    return view.project('Fracture', e);
  }
}
