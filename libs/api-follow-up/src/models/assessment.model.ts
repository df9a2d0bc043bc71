import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalgesicLevel, AssessmentStatus, RecordModel, recordFields, TimePoint } from '@vfr/api-core';
import { AssessmentEntity } from '../assessment.entity';

@ObjectType('Assessment', { description: 'A follow-up visit' })
export class AssessmentModel extends RecordModel {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { description: 'The index treatment the time point counts from' }) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => String, { nullable: true }) visitDate: string | null;
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

  static from(e: AssessmentEntity): AssessmentModel {
    const { patient: _p, treatment: _t, ...own } = e;
    return { ...own, ...recordFields(e) };
  }
}
