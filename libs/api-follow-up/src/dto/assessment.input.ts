import { Field, Float, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { AnalgesicLevel, AssessmentStatus, REQUEST_ID_FIELD, TimePoint } from '@vfr/api-core';
import { UpdateFields } from '@vfr/api-registry';

@InputType()
export class CreateAssessmentInput {
  @Field(() => ID) patientId: string;
  @Field(() => ID, { description: 'The index treatment' }) treatmentId: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required when the visit was done' }) visitDate?: string | null;
  @Field(() => AssessmentStatus, { defaultValue: AssessmentStatus.DONE }) status: AssessmentStatus;
  @Field(() => Int, { nullable: true }) nrsRest?: number | null;
  @Field(() => Int, { nullable: true }) nrsActivity?: number | null;
  @Field(() => Float, { nullable: true }) odi?: number | null;
  @Field(() => Int, { nullable: true }) rmdq?: number | null;
  @Field(() => Float, { nullable: true }) eq5dIndex?: number | null;
  @Field(() => AnalgesicLevel, { nullable: true }) analgesicLevel?: AnalgesicLevel | null;
  @Field(() => Boolean, { nullable: true }) opioidUse?: boolean | null;
  @Field(() => Boolean, { nullable: true }) backToUsualActivities?: boolean | null;
  @Field(() => Boolean, { nullable: true }) physiotherapy?: boolean | null;
  @Field(() => ID, REQUEST_ID_FIELD) requestId?: string | null;
}

@InputType()
export class UpdateAssessmentInput extends IntersectionType(
  PartialType(OmitType(CreateAssessmentInput, ['patientId', 'treatmentId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}
