import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalgesicLevel, AssessmentStatus, DateView, RecordModel, recordFields, TimePoint } from '@vfr/api-core';
import { AssessmentEntity } from '../assessment.entity';

@ObjectType('Assessment', { description: 'A follow-up visit' })
export class AssessmentModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { description: 'The index treatment the time point counts from' }) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for de-identified readers' }) visitDate: string | null;
  @Field(() => Int, { nullable: true, description: 'Days from the index treatment' }) visitDay: number | null;
  @Field(() => AssessmentStatus) status: AssessmentStatus;
  @Field(() => Int, { nullable: true, description: 'Pain at rest, NRS 0-10' }) nrsRest: number | null;
  @Field(() => Int, { nullable: true, description: 'Pain on activity, NRS 0-10' }) nrsActivity: number | null;
  @Field(() => Float, { nullable: true, description: 'Oswestry Disability Index 0-100' }) odi: number | null;
  @Field(() => Int, { nullable: true, description: 'Roland-Morris Disability Questionnaire 0-24' }) rmdq: number | null;
  @Field(() => Float, { nullable: true, description: 'EQ-5D-5L index' }) eq5dIndex: number | null;
  @Field(() => AnalgesicLevel, { nullable: true }) analgesicLevel: AnalgesicLevel | null;
  @Field(() => Boolean, { nullable: true }) opioidUse: boolean | null;
  @Field(() => Boolean, { nullable: true }) backToUsualActivities: boolean | null;
  @Field(() => Boolean, { nullable: true }) physiotherapy: boolean | null;

  static from(e: AssessmentEntity, view: DateView): AssessmentModel {
    const { patient: _p, treatment: _t, ...own } = e;
    return { ...own, ...recordFields(e, view), visitDate: view.date(e.visitDate), visitDay: view.day(e.visitDate) };
  }
}
