import { graphql } from '../gql';

/** The index level's radiographs at follow-up and the loss of correction (docs/methods.md, Radiographic follow-up and loss of correction). */
export const COHORT_RADIOGRAPHS = graphql(`
  query CohortRadiographs($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {
    radiographicFollowUp(filter: $filter, grouping: $grouping) {
      group
      timePoint
      lossReference
      lossOfCorrection {
        n
        mean
        lower
        upper
        suppressed
      }
      kyphoticAngle {
        n
        mean
        lower
        upper
        suppressed
      }
      anteriorHeight {
        n
        mean
        lower
        upper
        suppressed
      }
    }
  }
`);
