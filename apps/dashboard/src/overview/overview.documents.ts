import { graphql } from '../gql';

// One query per chart so each draws as soon as its own figures arrive.

export const OVERVIEW_VOLUMES = graphql(`
  query OverviewVolumes($filter: CohortFilterInput) {
    treatmentVolumes(filter: $filter) {
      period
      bins {
        period
        kind
        count
        suppressed
      }
    }
    cohortSize(filter: $filter) {
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

export const OVERVIEW_TRAJECTORY = graphql(`
  query OverviewTrajectory($filter: CohortFilterInput) {
    outcomeTrajectory(filter: $filter, measure: NRS) {
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

export const OVERVIEW_RESPONDERS = graphql(`
  query OverviewResponders($filter: CohortFilterInput, $definition: ResponderDefinition!) {
    responderRates(filter: $filter, definition: $definition) {
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

export const OVERVIEW_COMPLICATIONS = graphql(`
  query OverviewComplications($filter: CohortFilterInput) {
    complicationRates(filter: $filter) {
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

export const OVERVIEW_DISCHARGE = graphql(`
  query OverviewDischarge($filter: CohortFilterInput) {
    discharge(filter: $filter) {
      kind
      treatments
      sameDay
      sameDayRate
      sameDayLower
      sameDayUpper
      meanStay
      medianStay
      q1Stay
      q3Stay
      suppressed
    }
  }
`);

export const OVERVIEW_COMPLETENESS = graphql(`
  query OverviewCompleteness($siteId: ID) {
    followUpCompleteness(siteId: $siteId) {
      siteCode
      timePoint
      expected
      done
      missed
      withdrawn
      outstanding
      answeredByPatients
      completeness
    }
  }
`);

export const OVERVIEW_FUNNEL = graphql(`
  query OverviewFunnel($filter: CohortFilterInput) {
    funnelPlot(filter: $filter) {
      registryRate
      sites {
        siteCode
        n
        events
        rate
        suppressed
      }
      limits {
        n
        lower95
        upper95
        lower998
        upper998
      }
    }
  }
`);

export const OVERVIEW_READMISSIONS = graphql(`
  query OverviewReadmissions($filter: CohortFilterInput) {
    readmissions(filter: $filter) {
      kind
      within30 {
        n
        events
        rate
        lower
        upper
        suppressed
      }
      within90 {
        n
        events
        rate
        lower
        upper
        suppressed
      }
      repeatAugmentation {
        n
        events
        rate
        lower
        upper
        suppressed
      }
    }
  }
`);

export const OVERVIEW_SITES = graphql(`
  query OverviewSites {
    me {
      siteId
    }
    sites {
      id
      code
      name
    }
  }
`);

export const OVERVIEW_HEADLINES = graphql(`
  query OverviewHeadlines($site: CohortFilterInput, $registry: CohortFilterInput, $withSite: Boolean!) {
    site: headlineFigures(filter: $site) @include(if: $withSite) {
      figure
      n
      events
      rate
      lower
      upper
      suppressed
    }
    registry: headlineFigures(filter: $registry) {
      figure
      n
      events
      rate
      lower
      upper
      suppressed
    }
  }
`);

export const OVERVIEW_ADJUSTED = graphql(`
  query OverviewAdjusted($filter: CohortFilterInput) {
    month1: adjustedComparison(filter: $filter, measure: NRS, timePoint: M1) {
      n
      suppressedGroups
      means {
        group
        n
        mean
        adjusted
        adjustedLower
        adjustedUpper
      }
      differences {
        group
        versus
        adjusted
        adjustedLower
        adjustedUpper
      }
      balance {
        covariate
        group
        versus
        smdBefore
        smdAfter
      }
    }
    month12: adjustedComparison(filter: $filter, measure: NRS, timePoint: M12) {
      n
      suppressedGroups
      means {
        group
        n
        mean
        adjusted
        adjustedLower
        adjustedUpper
      }
      differences {
        group
        versus
        adjusted
        adjustedLower
        adjustedUpper
      }
      balance {
        covariate
        group
        versus
        smdBefore
        smdAfter
      }
    }
  }
`);
