import { graphql } from '../gql';

// One query per chart so each draws as soon as its own figures arrive.

export const OVERVIEW_VOLUMES = graphql(`
  query OverviewVolumes {
    treatmentVolumes {
      period
      bins {
        period
        kind
        count
        suppressed
      }
    }
    cohortSize {
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
  query OverviewTrajectory {
    outcomeTrajectory(measure: NRS) {
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
  query OverviewResponders($definition: ResponderDefinition!) {
    responderRates(definition: $definition) {
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
  query OverviewComplications {
    complicationRates {
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
  query OverviewDischarge {
    discharge {
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
  query OverviewCompleteness {
    followUpCompleteness {
      siteCode
      timePoint
      expected
      done
      missed
      withdrawn
      outstanding
      completeness
    }
  }
`);

export const OVERVIEW_FUNNEL = graphql(`
  query OverviewFunnel {
    funnelPlot {
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
  query OverviewReadmissions {
    readmissions {
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
