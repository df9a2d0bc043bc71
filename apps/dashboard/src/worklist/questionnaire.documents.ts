import { graphql } from '../gql';

export const ISSUE_QUESTIONNAIRE = graphql(`
  mutation IssueQuestionnaire($i: IssueQuestionnaireLinkInput!) {
    issueQuestionnaireLink(input: $i) {
      url
      invitation {
        emailedAt
      }
    }
  }
`);

export const AWAITING_REVIEW = graphql(`
  query AwaitingReview {
    questionnaireInvitations(awaitingReview: true) {
      id
      version
      patientId
      registryNumber
      timePoint
      answeredAt
      respondent
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

export const PATIENT_QUESTIONNAIRES = graphql(`
  query PatientQuestionnaires($patientId: ID!) {
    questionnaireInvitations(patientId: $patientId) {
      id
      version
      treatmentId
      timePoint
      state
      issuedAt
      expiresAt
      answeredAt
      emailedAt
      respondent
      answers {
        nrsRest
        nrsActivity
        odiItems
        rmdqItems
        eq5dLevels
        eq5dVas
      }
    }
  }
`);

export const QUESTIONNAIRE_EMAIL = graphql(`
  query QuestionnaireEmail {
    questionnaireEmail
  }
`);
