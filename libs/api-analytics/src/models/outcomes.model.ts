import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { TimePoint } from '@vfr/api-core';

@ObjectType('TrajectoryPoint', { description: 'One treatment group at one time point; statistics null when suppressed or undefined' })
export class TrajectoryPointModel {
  @Field() group: string;
  @Field(() => TimePoint) timePoint: TimePoint;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true }) sd: number | null;
  @Field(() => Float, { nullable: true, description: '95% CI of the mean (t distribution)' }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field(() => Float, { nullable: true }) median: number | null;
  @Field(() => Float, { nullable: true }) q1: number | null;
  @Field(() => Float, { nullable: true }) q3: number | null;
  @Field(() => Int, { nullable: true, description: 'Patients with a baseline value too' }) nChange: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean change from baseline' }) meanChange: number | null;
  @Field(() => Float, { nullable: true }) changeLower: number | null;
  @Field(() => Float, { nullable: true }) changeUpper: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('Proportion', { description: 'A rate with its Wilson 95% interval; null when suppressed' })
export class ProportionModel {
  @Field() group: string;
  @Field({ description: 'Time point or complication kind' }) category: string;
  @Field(() => Int, { nullable: true }) events: number | null;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('SurvivalStep')
export class SurvivalStepModel {
  @Field(() => Int, { description: 'Days from the index treatment' }) day: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int) events: number;
  @Field(() => Float) survival: number;
  @Field(() => Float, { nullable: true, description: 'Null where the interval is undefined (survival 0)' }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
}

@ObjectType('SurvivalCurve')
export class SurvivalCurveModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Int, { nullable: true }) events: number | null;
  @Field(() => Float, { nullable: true, description: 'Median time to event in days (null if not reached)' }) medianDays: number | null;
  @Field(() => Float, { nullable: true }) medianLower: number | null;
  @Field(() => Float, { nullable: true }) medianUpper: number | null;
  @Field(() => [SurvivalStepModel]) steps: SurvivalStepModel[];
  @Field() suppressed: boolean;
}

@ObjectType('SurvivalAnalysis')
export class SurvivalAnalysisModel {
  @Field(() => [SurvivalCurveModel]) curves: SurvivalCurveModel[];
  @Field(() => Float, { nullable: true, description: 'Log-rank chi-square' }) logRankChiSquare: number | null;
  @Field(() => Int, { nullable: true }) logRankDf: number | null;
  @Field(() => Float, { nullable: true }) logRankP: number | null;
}
