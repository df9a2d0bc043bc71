import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TimePoint } from '@vfr/api-core';

/** What a group's loss of correction is measured from (docs/methods.md, Radiographic follow-up and loss of correction). */
export enum CorrectionReference {
  /** The procedure's own angle right after it (`kyphoticAngleAfter`): vertebroplasty and kyphoplasty. */
  AFTER_PROCEDURE = 'AFTER_PROCEDURE',
  /** The angle at the visit taken for month 1, the first scheduled radiograph: conservative care, which corrects nothing. */
  M1_RADIOGRAPH = 'M1_RADIOGRAPH',
}

registerEnumType(CorrectionReference, {
  name: 'CorrectionReference',
  description: "AFTER_PROCEDURE: from the procedure's kyphoticAngleAfter; M1_RADIOGRAPH: from the angle at the month-1 visit (conservative care)",
});

@ObjectType('MeanEstimate', { description: 'A mean with its 95% t interval; n, mean and interval null when suppressed' })
export class MeanEstimateModel {
  @Field(() => Int, { nullable: true, description: 'Patients with a value (as the reader may see it)' }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: '95% CI of the mean (t distribution); null below two values' }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('RadiographicPoint', { description: "One treatment group at one scheduled time point from month 1: the index level's radiograph" })
export class RadiographicPointModel {
  @Field() group: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => MeanEstimateModel, { description: 'Kyphotic angle of the index level (degrees)' }) kyphoticAngle: MeanEstimateModel;
  @Field(() => MeanEstimateModel, { description: 'Anterior height of the index level (% of the adjacent normal vertebra)' }) anteriorHeight: MeanEstimateModel;
  @Field(() => CorrectionReference) lossReference: CorrectionReference;
  @Field(() => MeanEstimateModel, {
    nullable: true,
    description:
      'Mean change of the kyphotic angle from the reference to this time point (degrees; positive: correction lost). Null at the reference itself (month 1 for conservative care)',
  })
  lossOfCorrection: MeanEstimateModel | null;
}
