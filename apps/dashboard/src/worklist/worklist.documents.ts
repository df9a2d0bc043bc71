import { graphql } from '../gql';

export const WORKLIST = graphql(`
  query Worklist($first: Int, $after: String, $filter: WorklistFilterInput, $sort: WorklistSort) {
    worklist(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          patientId
          registryNumber
          treatmentId
          treatmentKind
          treatmentDate
          timePoint
          targetDate
          windowStart
          windowEnd
          state
          daysOverdue
        }
      }
    }
  }
`);

export const COMPLETENESS = graphql(`
  query WorklistCompleteness {
    followUpCompleteness {
      siteId
      siteCode
      timePoint
      expected
      done
      missed
      outstanding
      completeness
    }
  }
`);
