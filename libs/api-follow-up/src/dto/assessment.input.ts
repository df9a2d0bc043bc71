import { Field, Float, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { AnalgesicLevel, AssessmentStatus, MissedVisitReason, REQUEST_ID_FIELD, TimePoint } from '@vfr/api-core';
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
  @Field(() => [Int], {
    nullable: 'itemsAndList',
    description: 'The ten ODI sections in order, 0-5, null for a section not answered; odi is then computed from them (with up to two unanswered)',
  })
  odiItems?: (number | null)[] | null;
  @Field(() => [Boolean], { nullable: true, description: 'The 24 RMDQ statements in order, true for yes; rmdq is then computed from them' })
  rmdqItems?: boolean[] | null;
  @Field(() => [Int], {
    nullable: true,
    description:
      "The five EQ-5D-5L levels (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), 1-5; eq5dIndex is then computed with the registry's value set",
  })
  eq5dLevels?: number[] | null;
  @Field(() => Int, { nullable: true, description: 'EQ VAS, 0-100' }) eq5dVas?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Spine imaging (radiograph, CT or MRI) done at the visit' }) imagingDone?: boolean | null;
  @Field(() => Float, { nullable: true, description: 'Index level, percent of the adjacent normal vertebra, 0-120' }) anteriorHeightPercent?: number | null;
  @Field(() => Float, { nullable: true, description: 'Index level, percent of the adjacent normal vertebra, 0-120' }) middleHeightPercent?: number | null;
  @Field(() => Float, { nullable: true, description: 'Index level, percent of the adjacent normal vertebra, 0-120' }) posteriorHeightPercent?: number | null;
  @Field(() => Float, { nullable: true, description: 'Kyphotic angle of the index level, degrees, -30 to 90' }) kyphoticAngle?: number | null;
  @Field(() => MissedVisitReason, { nullable: true, description: 'Why the visit did not take place: a missed visit only; null: not recorded' })
  missedReason?: MissedVisitReason | null;
}

@InputType()
export class UpdateAssessmentInput extends IntersectionType(
  PartialType(OmitType(CreateAssessmentInput, ['patientId', 'treatmentId', 'requestId'] as const), { omitDefaultValues: true }),
  UpdateFields,
) {}
