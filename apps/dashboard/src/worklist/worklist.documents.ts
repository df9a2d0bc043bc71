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

export const CALL_LIST = graphql(`
  query CallList($first: Int, $filter: WorklistFilterInput, $sort: WorklistSort) {
    worklist(first: $first, filter: $filter, sort: $sort) {
      totalCount
      edges {
        node {
          patientId
          registryNumber
          treatmentId
          timePoint
          targetDate
          windowStart
          windowEnd
          state
          daysOverdue
          identifiers {
            familyName
            givenName
          }
        }
      }
    }
  }
`);

export const MARK_VISITS_MISSED = graphql(`
  mutation MarkVisitsMissed($input: MarkVisitsMissedInput!) {
    markVisitsMissed(input: $input) {
      id
    }
  }
`);
