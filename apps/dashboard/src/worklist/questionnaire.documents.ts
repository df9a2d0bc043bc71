import { graphql } from '../gql';

export const ISSUE_QUESTIONNAIRE = graphql(`
  mutation IssueQuestionnaire($i: IssueQuestionnaireLinkInput!) {
    issueQuestionnaireLink(input: $i) {
      url
    }
  }
`);

export const AWAITING_REVIEW = graphql(`
  query AwaitingReview {
    questionnaireInvitations(awaitingReview: true) {
      id
      version
      registryNumber
      timePoint
      answers {
        nrsRest
        nrsActivity
      }
    }
  }
`);

export const CONFIRM_QUESTIONNAIRE = graphql(`
  mutation ConfirmQuestionnaire($i: ConfirmQuestionnaireInput!) {
    confirmQuestionnaireAnswers(input: $i) {
      id
    }
  }
`);
