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
    CRUMP: {
      description:
        'Multinomial Crump rule (Crump et al. 2009; Yoshida et al. 2019): patients with any generalized propensity under 0.1 (two groups) or 0.067 (three groups) are removed and the propensity model refitted',
    },
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
  @Field(() => Float, {
    nullable: true,
    description:
      'Sensitivity analysis for missing outcomes: IPTW difference with each observed patient also weighted by 1 / P(outcome observed | group, covariates), ' +
      'both models fitted on every patient with complete covariates (null when the group has fewer than two patients observed)',
  })
  sensitivity: number | null;
  @Field(() => Float, { nullable: true, description: 'Robust (sandwich) 95% CI of the sensitivity analysis' }) sensitivityLower: number | null;
  @Field(() => Float, { nullable: true }) sensitivityUpper: number | null;
}

@ObjectType('GroupMean', {
  description: "A group's mean outcome: as observed, and IPTW-adjusted (what the mean would be had every patient compared been treated as this group was)",
})
export class GroupMeanModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true, description: 'Patients analysed (withheld or perturbed as the reader sees counts)' }) n: number | null;
  @Field(() => Float, { description: 'Mean of the patients analysed' }) mean: number;
  @Field(() => Float, { description: 'Student t 95% CI' }) lower: number;
  @Field(() => Float) upper: number;
  @Field(() => Float, { description: 'Hajek weighted mean (stabilized weights, not truncated)' }) adjusted: number;
  @Field(() => Float, { description: 'Robust (sandwich) 95% CI' }) adjustedLower: number;
  @Field(() => Float) adjustedUpper: number;
}

@ObjectType('GroupMissingData', { description: "A group's patients: in the cohort, with the outcome at the time point, and analysed (with every covariate)" })
export class GroupMissingDataModel {
  @Field() group: string;
  @Field(() => Int, { nullable: true, description: 'Patients of the group in the cohort (withheld or perturbed as the reader sees counts)' }) cohort:
    number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, patients with the outcome at the time point (withheld or perturbed as the reader sees counts; withheld for researchers where it would give away a small difference)',
  })
  observed: number | null;
  @Field(() => Int, { nullable: true, description: 'Of them, patients analysed: every covariate recorded, and kept by trimming (the n of the comparison)' })
  analysed: number | null;
}

@ObjectType('PropensityHistogram', {
  description: "Distribution of one treatment's generalized propensity among the patients of one actual group, in fixed bins over 0..1 (overlapBinEdges)",
})
export class PropensityHistogramModel {
  @Field({ description: 'The treatment whose propensity is binned' }) score: string;
  @Field({ description: "The patients' actual group" }) group: string;
  @Field(() => [Int], { nullable: 'items', description: 'Patients per bin (withheld or perturbed as the reader sees counts)' }) counts: (number | null)[];
}

@ObjectType('ReferenceCategory', { description: 'The reference level of a categorical covariate (the level without an indicator)' })
export class ReferenceCategoryModel {
  @Field({ description: 'cause, fractureAge or asa' }) factor: string;
  @Field({ description: "The reference level; an indicator's name when the usual reference is empty in the cohort and that level took its place" })
  reference: string;
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
  @Field(() => Int, { nullable: true, description: 'Patients of the group removed by trimming (withheld or perturbed as the reader sees counts)' }) trimmed:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Smallest weight (withheld with n)' }) min: number | null;
  @Field(() => Float, { nullable: true, description: 'Median weight (withheld with n)' }) median: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest weight (withheld with n)' }) max: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Sum of the weights, about n for stabilized weights (withheld with n, and from readers whose counts are perturbed)',
  })
  sum: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Kish effective sample size, (sum w)^2 / sum w^2 (withheld with n; to the nearest 5 for readers whose counts are perturbed)',
  })
  ess: number | null;
}

@ObjectType('AdjustedComparison', {
  description: 'IPTW comparison: multinomial propensity model, stabilized weights not truncated, optional Crump trimming, Hajek means with a sandwich CI',
})
export class AdjustedComparisonModel {
  @Field({ description: 'Outcome compared: the measure at the time point' }) outcome: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Patients with the outcome and every covariate (withheld below the small-cell threshold for de-identified readers)',
  })
  n: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Patients left out for a missing covariate (withheld below the small-cell threshold for de-identified readers)',
  })
  excluded: number | null;
  @Field(() => [String], { description: 'Propensity covariates in the model' }) covariates: string[];
  @Field(() => [String], {
    description:
      'Covariates left out of the model because every patient in the cohort has the same value (an indicator of a category nobody in the cohort is in, or everybody is)',
  })
  constantCovariates: string[];
  @Field(() => [ReferenceCategoryModel], { description: 'Reference level of each categorical covariate' }) referenceCategories: ReferenceCategoryModel[];
  @Field(() => [GroupMissingDataModel], { description: 'Per group: in the cohort, with the outcome, analysed' }) missingData: GroupMissingDataModel[];
  @Field(() => [Float], { description: 'Edges of the propensity histogram bins, 0 to 1' }) overlapBinEdges: number[];
  @Field(() => [PropensityHistogramModel], {
    description:
      "Overlap of the propensity scores: for each treatment's generalized propensity (only the second group's for two groups, the other being its mirror image), its histogram in each actual group",
  })
  overlap: PropensityHistogramModel[];
  @Field({ description: 'Whether the models of the missing-outcome sensitivity analysis converged without a ridge penalty' }) sensitivityConverged: boolean;
  @Field(() => [GroupMeanModel], { description: 'Per group analysed: the mean outcome, observed and adjusted' }) means: GroupMeanModel[];
  @Field(() => [GroupDifferenceModel]) differences: GroupDifferenceModel[];
  @Field(() => [BalanceRowModel], { description: 'Balance of each covariate for every pair of groups' }) balance: BalanceRowModel[];
  @Field(() => [GroupWeightsModel], { description: 'Weight distribution and effective sample size per group' }) weights: GroupWeightsModel[];
  @Field(() => PropensityTrimming, { description: 'Trimming applied before weighting' }) trimming: PropensityTrimming;
  @Field(() => Float, { nullable: true, description: 'Generalized-propensity threshold of the trimming, null without trimming' }) trimmingThreshold:
    number | null;
  @Field(() => [String], { description: 'Groups left out because trimming left fewer than two of their patients' }) trimmedGroups: string[];
  @Field(() => [String], { description: 'Groups left out because they are under the small-cell threshold' }) suppressedGroups: string[];
  @Field({ description: 'Whether the propensity model converged without a ridge penalty' }) propensityConverged: boolean;
}
