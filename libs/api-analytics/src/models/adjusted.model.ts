import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('GroupDifference', { description: 'Mean outcome of a group minus the reference group, with a 95% CI' })
export class GroupDifferenceModel {
  @Field() group: string;
  @Field() versus: string;
  @Field(() => Int, { nullable: true, description: 'Patients of the group (withheld or perturbed as the reader sees counts)' }) n: number | null;
  @Field(() => Int, { nullable: true }) nVersus: number | null;
  @Field(() => Float) unadjusted: number;
  @Field(() => Float) unadjustedLower: number;
  @Field(() => Float) unadjustedUpper: number;
  @Field(() => Float, { description: 'Inverse-probability-of-treatment weighted (stabilized, truncated at the 1st/99th percentile)' }) adjusted: number;
  @Field(() => Float, { description: 'Robust (sandwich) 95% CI' }) adjustedLower: number;
  @Field(() => Float) adjustedUpper: number;
}

@ObjectType('BalanceRow', { description: 'Standardized mean difference of a covariate before and after weighting' })
export class BalanceRowModel {
  @Field() covariate: string;
  @Field() group: string;
  @Field() versus: string;
  @Field(() => Float) smdBefore: number;
  @Field(() => Float) smdAfter: number;
}

@ObjectType('AdjustedComparison')
export class AdjustedComparisonModel {
  @Field({ description: 'Outcome compared: the measure at the time point' }) outcome: string;
  @Field(() => Int, { nullable: true, description: 'Patients with the outcome and every covariate (withheld below the small-cell threshold for de-identified readers)' }) n: number | null;
  @Field(() => Int, { nullable: true, description: 'Patients left out for a missing covariate (withheld below the small-cell threshold for de-identified readers)' }) excluded: number | null;
  @Field(() => [String], { description: 'Propensity covariates in the model' }) covariates: string[];
  @Field(() => [String], { description: 'Covariates left out of the model because every patient in the cohort has the same value' }) constantCovariates: string[];
  @Field(() => [GroupDifferenceModel]) differences: GroupDifferenceModel[];
  @Field(() => [BalanceRowModel]) balance: BalanceRowModel[];
  @Field(() => [String], { description: 'Groups left out because they are under the small-cell threshold' }) suppressedGroups: string[];
  @Field({ description: 'Whether the propensity model converged without a ridge penalty' }) propensityConverged: boolean;
}
