import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PropensityTrimming {
  NONE = 'NONE',
  CRUMP = 'CRUMP',
}
registerEnumType(PropensityTrimming, {
  name: 'PropensityTrimming',
  description: 'Trimming of patients by generalized propensity before weighting',
  valuesMap: {
    NONE: { description: 'Every patient kept (the default)' },
    CRUMP: { description: 'Multinomial Crump rule (Crump et al. 2009; Yoshida et al. 2019): patients with any generalized propensity under 0.1 (two groups) or 0.067 (three groups) are removed and the propensity model refitted' },
  },
});

@ObjectType('GroupDifference', { description: 'Mean outcome of a group minus the reference group, with a 95% CI' })
export class GroupDifferenceModel {
  @Field() group: string;
  @Field() versus: string;
  @Field(() => Int, { nullable: true, description: 'Patients of the group (withheld or perturbed as the reader sees counts)' }) n: number | null;
  @Field(() => Int, { nullable: true }) nVersus: number | null;
  @Field(() => Float) unadjusted: number;
  @Field(() => Float) unadjustedLower: number;
  @Field(() => Float) unadjustedUpper: number;
  @Field(() => Float, { description: 'Inverse-probability-of-treatment weighted (stabilized weights, not truncated)' }) adjusted: number;
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

@ObjectType('GroupWeights', { description: "A group's stabilized inverse-probability-of-treatment weights and their effective sample size" })
export class GroupWeightsModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true, description: 'Patients of the group weighted (withheld or perturbed as the reader sees counts)' }) n: number | null;
  @Field(() => Int, { nullable: true, description: 'Patients of the group removed by trimming (withheld or perturbed as the reader sees counts)' }) trimmed: number | null;
  @Field(() => Float, { nullable: true, description: 'Smallest weight (withheld with n)' }) min: number | null;
  @Field(() => Float, { nullable: true, description: 'Median weight (withheld with n)' }) median: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest weight (withheld with n)' }) max: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of the weights, about n for stabilized weights (withheld with n, and from readers whose counts are perturbed)' }) sum: number | null;
  @Field(() => Float, { nullable: true, description: 'Kish effective sample size, (sum w)^2 / sum w^2 (withheld with n; to the nearest 5 for readers whose counts are perturbed)' }) ess: number | null;
}

@ObjectType('AdjustedComparison', {
  description: 'IPTW comparison: multinomial propensity model, stabilized weights not truncated, optional Crump trimming, Hajek means with a sandwich CI',
})
export class AdjustedComparisonModel {
  @Field({ description: 'Outcome compared: the measure at the time point' }) outcome: string;
  @Field(() => Int, { nullable: true, description: 'Patients with the outcome and every covariate (withheld below the small-cell threshold for de-identified readers)' }) n: number | null;
  @Field(() => Int, { nullable: true, description: 'Patients left out for a missing covariate (withheld below the small-cell threshold for de-identified readers)' }) excluded: number | null;
  @Field(() => [String], { description: 'Propensity covariates in the model' }) covariates: string[];
  @Field(() => [String], { description: 'Covariates left out of the model because every patient in the cohort has the same value' }) constantCovariates: string[];
  @Field(() => [GroupDifferenceModel]) differences: GroupDifferenceModel[];
  @Field(() => [BalanceRowModel], { description: 'Balance of each covariate for every pair of groups' }) balance: BalanceRowModel[];
  @Field(() => [GroupWeightsModel], { description: 'Weight distribution and effective sample size per group' }) weights: GroupWeightsModel[];
  @Field(() => PropensityTrimming, { description: 'Trimming applied before weighting' }) trimming: PropensityTrimming;
  @Field(() => Float, { nullable: true, description: 'Generalized-propensity threshold of the trimming, null without trimming' }) trimmingThreshold: number | null;
  @Field(() => [String], { description: 'Groups left out because trimming left fewer than two of their patients' }) trimmedGroups: string[];
  @Field(() => [String], { description: 'Groups left out because they are under the small-cell threshold' }) suppressedGroups: string[];
  @Field({ description: 'Whether the propensity model converged without a ridge penalty' }) propensityConverged: boolean;
}
