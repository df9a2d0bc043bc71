import { graphql } from '../gql';

export const COHORT_SITES = graphql(`
  query CohortSites {
    sites {
      id
      code
      name
    }
  }
`);

export const COHORT_SIZE = graphql(`
  query CohortSize($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {
    cohortSize(filter: $filter, grouping: $grouping) {
      total
      threshold
      groups {
        group
        n
        suppressed
      }
    }
  }
`);

export const COHORT_TRAJECTORY = graphql(`
  query CohortTrajectory($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!) {
    outcomeTrajectory(filter: $filter, grouping: $grouping, measure: $measure) {
      group
      timePoint
      n
      mean
      lower
      upper
      suppressed
    }
  }
`);

export const COHORT_RESPONDERS = graphql(`
  query CohortResponders($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $definition: ResponderDefinition!) {
    responderRates(filter: $filter, grouping: $grouping, definition: $definition) {
      group
      category
      n
      events
      rate
      lower
      upper
      suppressed
    }
  }
`);

export const COHORT_ADJUSTED = graphql(`
  query CohortAdjusted(
    $filter: CohortFilterInput
    $grouping: TreatmentGrouping!
    $measure: OutcomeMeasure!
    $timePoint: TimePoint!
    $trimming: PropensityTrimming!
  ) {
    adjustedComparison(filter: $filter, grouping: $grouping, measure: $measure, timePoint: $timePoint, trimming: $trimming) {
      n
      excluded
      outcome
      covariates
      constantCovariates
      propensityConverged
      suppressedGroups
      trimming
      trimmingThreshold
      trimmedGroups
      referenceCategories {
        factor
        reference
      }
      missingData {
        group
        cohort
        observed
        analysed
      }
      sensitivityConverged
      overlapBinEdges
      overlap {
        score
        group
        counts
      }
      differences {
        group
        versus
        n
        nVersus
        unadjusted
        unadjustedLower
        unadjustedUpper
        adjusted
        adjustedLower
        adjustedUpper
        sensitivity
        sensitivityLower
        sensitivityUpper
      }
      balance {
        covariate
        group
        versus
        smdBefore
        smdAfter
      }
      weights {
        group
        n
        trimmed
        min
        median
        max
        sum
        ess
      }
    }
  }
`);

// The same figures for the risk of a new fracture by the time point (aliased, so one table draws both).
export const COHORT_ADJUSTED_NEW_FRACTURE = graphql(`
  query CohortAdjustedNewFracture($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {
    adjustedComparison: adjustedNewFractureComparison(filter: $filter, grouping: $grouping, timePoint: $timePoint, trimming: $trimming) {
      n
      excluded
      outcome
      covariates
      constantCovariates
      propensityConverged
      suppressedGroups
      trimming
      trimmingThreshold
      trimmedGroups
      referenceCategories {
        factor
        reference
      }
      missingData {
        group
        cohort
        observed
        analysed
      }
      sensitivityConverged
      overlapBinEdges
      overlap {
        score
        group
        counts
      }
      differences {
        group
        versus
        n
        nVersus
        unadjusted
        unadjustedLower
        unadjustedUpper
        adjusted
        adjustedLower
        adjustedUpper
        sensitivity
        sensitivityLower
        sensitivityUpper
      }
      balance {
        covariate
        group
        versus
        smdBefore
        smdAfter
      }
      weights {
        group
        n
        trimmed
        min
        median
        max
        sum
        ess
      }
    }
  }
`);

export const COHORT_TABLE_ONE = graphql(`
  query CohortTableOne($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {
    characteristicsTable(filter: $filter, grouping: $grouping) {
      variable
      summary
      maxAbsSmd
      values {
        group
        value
        sd
        count
        n
        suppressed
      }
      differences {
        group
        versus
        smd
      }
    }
  }
`);

export const COHORT_SURVIVAL = graphql(`
  query CohortSurvival($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {
    relief: survival(filter: $filter, grouping: $grouping, endpoint: PAIN_RELIEF) {
      logRankP
      logRankChiSquare
      logRankDf
      curves {
        group
        n
        events
        medianDays
        medianLower
        medianUpper
        suppressed
        steps {
          day
          survival
          lower
          upper
          atRisk
        }
      }
    }
    death: survival(filter: $filter, grouping: $grouping, endpoint: OVERALL_SURVIVAL) {
      logRankP
      logRankChiSquare
      logRankDf
      curves {
        group
        n
        events
        medianDays
        medianLower
        medianUpper
        suppressed
        steps {
          day
          survival
          lower
          upper
          atRisk
        }
      }
    }
    fracture: competingRisks(filter: $filter, grouping: $grouping) {
      curves {
        group
        event
        n
        events
        atOneYear
        atTwoYears
        suppressed
        steps {
          day
          incidence
          lower
          upper
          atRisk
        }
      }
      tests {
        event
        chiSquare
        df
        p
      }
    }
  }
`);

export const SAVED_COHORTS = graphql(`
  query SavedCohorts {
    savedCohorts {
      id
      version
      name
      description
      filter
      shared
      ownerId
      updatedAt
    }
  }
`);

export const RENAME_SAVED_COHORT = graphql(`
  mutation RenameSavedCohort($input: UpdateSavedCohortInput!) {
    updateSavedCohort(input: $input) {
      id
      version
      name
    }
  }
`);

export const DELETE_SAVED_COHORT = graphql(`
  mutation DeleteSavedCohort($input: WithdrawInput!) {
    withdrawSavedCohort(input: $input) {
      id
    }
  }
`);

export const SAVE_COHORT = graphql(`
  mutation SaveCohort($input: SaveCohortInput!) {
    saveCohort(input: $input) {
      id
      version
      name
      filter
      shared
    }
  }
`);

/** New fractures within follow-up by level and by adjacency, and imaging per visit (docs/methods.md, New fractures and imaging). */
export const COHORT_NEW_FRACTURES = graphql(`
  query CohortNewFractures($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {
    byLevel: newFracturesByLevel(filter: $filter, grouping: $grouping) {
      group
      category
      n
      events
      rate
      lower
      upper
      suppressed
    }
    byAdjacency: newFracturesByAdjacency(filter: $filter, grouping: $grouping) {
      group
      category
      n
      events
      rate
      lower
      upper
      suppressed
    }
    imaging: imagingRates(filter: $filter, grouping: $grouping) {
      group
      category
      n
      events
      rate
      lower
      upper
      suppressed
    }
  }
`);
