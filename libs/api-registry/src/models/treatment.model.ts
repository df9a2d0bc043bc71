import { Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AnalgesicLevel,
  Anaesthesia,
  CementType,
  DischargeDestination,
  FieldView,
  ImagingGuidance,
  PatientRecordModel,
  ProcedureApproach,
  RecordField,
  TreatmentKind,
} from '@vfr/api-core';
import { TreatedLevelEntity } from '../treated-level.entity';
import { TreatmentEntity } from '../treatment.entity';

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts).
@ObjectType('TreatedLevel', { description: 'A fracture treated, with the cement given at that level' })
export class TreatedLevelModel {
  @RecordField('TreatedLevel', () => ID) fractureId: string;
  @RecordField('TreatedLevel', () => CementType, { nullable: true }) cementType: CementType | null;
  @RecordField('TreatedLevel', () => Float, { nullable: true }) cementVolumeMl: number | null;
  @RecordField('TreatedLevel', () => Float, { nullable: true }) cementFillPercent: number | null;

  static from(e: TreatedLevelEntity, view: FieldView): TreatedLevelModel {
    return view.project('TreatedLevel', e);
  }
}

@ObjectType('Treatment')
export class TreatmentModel extends PatientRecordModel('Treatment') {
  @RecordField('Treatment', () => ID) patientId: string;
  @RecordField('Treatment', () => TreatmentKind) kind: TreatmentKind;
  @RecordField('Treatment', () => String) startDate: string | null;
  @RecordField('Treatment', () => Int) startDay: number | null;
  @RecordField('Treatment', () => AnalgesicLevel, { nullable: true }) analgesicLevel: AnalgesicLevel | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) brace: boolean | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) bedRest: boolean | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) physiotherapy: boolean | null;
  @RecordField('Treatment', () => Anaesthesia, { nullable: true }) anaesthesia: Anaesthesia | null;
  @RecordField('Treatment', () => ProcedureApproach, { nullable: true }) approach: ProcedureApproach | null;
  @RecordField('Treatment', () => ImagingGuidance, { nullable: true }) imagingGuidance: ImagingGuidance | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) balloonUsed: boolean | null;
  @RecordField('Treatment', () => Float, { nullable: true }) heightRestorationPercent: number | null;
  @RecordField('Treatment', () => Float, { nullable: true }) kyphoticAngleBefore: number | null;
  @RecordField('Treatment', () => Float, { nullable: true }) kyphoticAngleAfter: number | null;
  @RecordField('Treatment', () => Int, { nullable: true }) durationMinutes: number | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) sameDayDischarge: boolean | null;
  @RecordField('Treatment', () => Int, { nullable: true }) lengthOfStayDays: number | null;
  @RecordField('Treatment', () => DischargeDestination, { nullable: true }) dischargeDestination: DischargeDestination | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) readmittedWithin30Days: boolean | null;
  @RecordField('Treatment', () => Boolean, { nullable: true }) readmittedWithin90Days: boolean | null;
  @RecordField('Treatment', () => Int, { nullable: true }) fluoroscopyTimeSeconds: number | null;
  @RecordField('Treatment', () => Float, { nullable: true }) doseAreaProductGyCm2: number | null;

  static from(e: TreatmentEntity, view: FieldView): TreatmentModel {
    return view.project('Treatment', e);
  }
}
