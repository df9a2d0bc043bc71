import { Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AnalgesicLevel,
  AssessmentStatus,
  Eq5dValueSet,
  FieldView,
  MissedVisitReason,
  PatientRecordModel,
  RecordField,
  ScoreSource,
  TimePoint,
} from '@vfr/api-core';
import { AssessmentEntity } from '../assessment.entity';

// Each field as the field-access table gives it to the reader (libs/domain/src/field-access.ts).
@ObjectType('Assessment', { description: 'A follow-up visit' })
export class AssessmentModel extends PatientRecordModel('Assessment') {
  @RecordField('Assessment', () => ID) patientId: string;
  @RecordField('Assessment', () => ID) treatmentId: string;
  @RecordField('Assessment', () => TimePoint) timePoint: TimePoint;
  @RecordField('Assessment', () => String) visitDate: string | null;
  @RecordField('Assessment', () => Int) visitDay: number | null;
  @RecordField('Assessment', () => AssessmentStatus) status: AssessmentStatus;
  @RecordField('Assessment', () => Int, { nullable: true }) nrsRest: number | null;
  @RecordField('Assessment', () => Int, { nullable: true }) nrsActivity: number | null;
  @RecordField('Assessment', () => Float, { nullable: true }) odi: number | null;
  @RecordField('Assessment', () => Int, { nullable: true }) rmdq: number | null;
  @RecordField('Assessment', () => Float, { nullable: true }) eq5dIndex: number | null;
  @RecordField('Assessment', () => AnalgesicLevel, { nullable: true }) analgesicLevel: AnalgesicLevel | null;
  @RecordField('Assessment', () => Boolean, { nullable: true }) opioidUse: boolean | null;
  @RecordField('Assessment', () => Boolean, { nullable: true }) backToUsualActivities: boolean | null;
  @RecordField('Assessment', () => Boolean, { nullable: true }) physiotherapy: boolean | null;
  @RecordField('Assessment', () => [Int], { nullable: 'itemsAndList' }) odiItems: (number | null)[] | null;
  @RecordField('Assessment', () => ScoreSource, { nullable: true }) odiSource: ScoreSource | null;
  @RecordField('Assessment', () => [Boolean], { nullable: true }) rmdqItems: boolean[] | null;
  @RecordField('Assessment', () => ScoreSource, { nullable: true }) rmdqSource: ScoreSource | null;
  @RecordField('Assessment', () => [Int], { nullable: true }) eq5dLevels: number[] | null;
  @RecordField('Assessment', () => Int, { nullable: true }) eq5dVas: number | null;
  @RecordField('Assessment', () => ScoreSource, { nullable: true }) eq5dSource: ScoreSource | null;
  @RecordField('Assessment', () => Eq5dValueSet, { nullable: true }) eq5dValueSet: Eq5dValueSet | null;
  @RecordField('Assessment', () => Boolean, { nullable: true }) imagingDone: boolean | null;
  @RecordField('Assessment', () => Float, { nullable: true }) anteriorHeightPercent: number | null;
  @RecordField('Assessment', () => Float, { nullable: true }) middleHeightPercent: number | null;
  @RecordField('Assessment', () => Float, { nullable: true }) posteriorHeightPercent: number | null;
  @RecordField('Assessment', () => Float, { nullable: true }) kyphoticAngle: number | null;
  @RecordField('Assessment', () => MissedVisitReason, { nullable: true }) missedReason: MissedVisitReason | null;

  static from(e: AssessmentEntity, view: FieldView): AssessmentModel {
    return view.project('Assessment', e);
  }
}
