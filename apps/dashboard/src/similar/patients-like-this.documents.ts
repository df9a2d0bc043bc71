import { graphql } from '../gql';

export const PATIENT_PROFILE = graphql(`
  query PatientProfile($id: ID!) {
    patientProfile(patientId: $id) {
      age
      sex
      fractureAgeDays
      genantGrade
      ofClass
      cause
      levelRegion
      baselineNrs
      baselineOdi
      asaClass
      activeCancer
      ongoingCancerTherapy
      preFractureMobility
    }
    patient(id: $id) {
      id
      registryNumber
      ofScore {
        total
        band
        possibleMin
        possibleMax
        bandSettled
      }
    }
  }
`);

export const PATIENTS_LIKE_THIS = graphql(`
  query PatientsLikeThis($profile: PatientProfileInput!) {
    patientsLikeThis(profile: $profile) {
      perPath
      threshold
      steps {
        step
        description
      }
      paths {
        path
        n
        suppressed
        widestStep
        allOfPath
        pain {
          timePoint
          n
          mean
          lower
          upper
          belowFour {
            ...MatchedShareFields
          }
        }
        crossover {
          ...MatchedShareFields
        }
        newFracture {
          ...MatchedShareFields
        }
        death {
          ...MatchedShareFields
        }
        symptomaticComplication {
          ...MatchedShareFields
        }
        sameDayDischarge {
          ...MatchedShareFields
        }
      }
    }
  }
  fragment MatchedShareFields on MatchedShare {
    n
    events
    rate
    lower
    upper
    suppressed
  }
`);
