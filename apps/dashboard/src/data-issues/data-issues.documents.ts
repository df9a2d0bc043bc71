import { graphql } from '../gql';

export const DATA_ISSUES = graphql(`
  query DataIssues($first: Int, $after: String, $filter: DataIssueFilterInput) {
    dataIssues(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          foundAt
          foundBy
          rule
          tableName
          recordId
          patientId
          registryNumber
          detail
          resolvedAt
          resolution
        }
      }
    }
  }
`);

export const RESOLVE_DATA_ISSUE = graphql(`
  mutation ResolveDataIssue($input: ResolveDataIssueInput!) {
    resolveDataIssue(input: $input) {
      id
      resolvedAt
      resolution
    }
  }
`);
