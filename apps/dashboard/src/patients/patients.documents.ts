import { graphql } from '../gql';

// The coordinator's patient documents, typed by GraphQL Code Generator (npm run codegen).

export const ME = graphql(`
  query DataEntryMe {
    me {
      id
      role
      siteId
    }
    sites {
      id
      code
      name
    }
  }
`);

export const PATIENT_LIST = graphql(`
  query PatientList($first: Int, $after: String, $filter: PatientFilterInput) {
    patients(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          registryNumber
          sex
          birthYear
          ageAtIndexTreatment
          withdrawnAt
          site {
            code
          }
          identifiers {
            familyName
            givenName
            mrn
          }
          fractures {
            level
            genantGrade
            withdrawnAt
          }
          treatments {
            kind
            startDate
            startDay
            withdrawnAt
          }
          latestAssessment {
            timePoint
            nrsActivity
            odi
          }
        }
      }
    }
  }
`);

export const PATIENT = graphql(`
  query PatientRecord($id: ID!) {
    patient(id: $id) {
      id
      version
      siteId
      registryNumber
      sex
      birthYear
      ageAtIndexTreatment
      bmi
      tScore
      steroidUse
      activeCancer
      ongoingChemotherapy
      ongoingRadiotherapy
      asaClass
      consentStatus
      withdrawnAt
      withdrawnReason
      preFractureMobility
      livingSituation
      clinicalFrailtyScale
      charlsonComorbidityIndex
      dementia
      priorVertebralFractures
      antiOsteoporoticDrug
      antiOsteoporoticStartDate
      antiOsteoporoticStartDay
      dxaDate
      dxaDay
      flsReferral
      vitaminDSupplementation
      painUnderAnalgesia
      mobilisedUnderAnalgesia
      deformityProgression
      anticoagulation
      modifiedFrailtyIndex
      ofScore {
        total
        band
        missing
        possibleMin
        possibleMax
        bandSettled
        components {
          name
          label
          points
          basis
        }
      }
      site {
        code
        name
      }
      identifiers {
        mrn
        familyName
        givenName
        dateOfBirth
      }
      fractures {
        id
        version
        level
        onsetDate
        onsetDay
        cause
        genantGrade
        heightLossPercent
        morphology
        ofClass
        mriOedema
        posteriorWallInvolved
        neurologicalDeficit
        additionalInjuries
        withdrawnAt
        withdrawnReason
        additionalInjuryKinds
      }
      treatments {
        id
        version
        kind
        startDate
        startDay
        analgesicLevel
        brace
        bedRest
        physiotherapy
        anaesthesia
        approach
        imagingGuidance
        balloonUsed
        heightRestorationPercent
        kyphoticAngleBefore
        kyphoticAngleAfter
        durationMinutes
        sameDayDischarge
        lengthOfStayDays
        withdrawnAt
        withdrawnReason
        dischargeDestination
        readmittedWithin30Days
        readmittedWithin90Days
        fluoroscopyTimeSeconds
        doseAreaProductGyCm2
        levels {
          fractureId
          cementType
          cementVolumeMl
          cementFillPercent
        }
      }
      assessments {
        id
        version
        treatmentId
        timePoint
        visitDate
        visitDay
        status
        nrsRest
        nrsActivity
        odi
        rmdq
        eq5dIndex
        analgesicLevel
        opioidUse
        backToUsualActivities
        physiotherapy
        withdrawnAt
        withdrawnReason
        odiItems
        rmdqItems
        eq5dLevels
        eq5dVas
        imagingDone
        anteriorHeightPercent
        middleHeightPercent
        posteriorHeightPercent
        kyphoticAngle
        missedReason
      }
      complications {
        id
        version
        treatmentId
        occurredOn
        occurredDay
        kind
        symptomatic
        leakageType
        clavienDindo
        resolved
        notes
        withdrawnAt
        withdrawnReason
        level
        detection
      }
      death {
        id
        version
        diedOn
        diedDay
        cause
        source
        notes
      }
    }
  }
`);

export const CREATE_PATIENT = graphql(`
  mutation CreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) {
      id
      registryNumber
    }
  }
`);
export const UPDATE_PATIENT = graphql(`
  mutation UpdatePatient($input: UpdatePatientInput!) {
    updatePatient(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_PATIENT = graphql(`
  mutation WithdrawPatient($input: WithdrawInput!) {
    withdrawPatient(input: $input) {
      id
      withdrawnAt
    }
  }
`);

export const CREATE_FRACTURE = graphql(`
  mutation CreateFracture($input: CreateFractureInput!) {
    createFracture(input: $input) {
      id
    }
  }
`);
export const UPDATE_FRACTURE = graphql(`
  mutation UpdateFracture($input: UpdateFractureInput!) {
    updateFracture(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_FRACTURE = graphql(`
  mutation WithdrawFracture($input: WithdrawInput!) {
    withdrawFracture(input: $input) {
      id
      withdrawnAt
    }
  }
`);

export const CREATE_TREATMENT = graphql(`
  mutation CreateTreatment($input: CreateTreatmentInput!) {
    createTreatment(input: $input) {
      id
    }
  }
`);
export const UPDATE_TREATMENT = graphql(`
  mutation UpdateTreatment($input: UpdateTreatmentInput!) {
    updateTreatment(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_TREATMENT = graphql(`
  mutation WithdrawTreatment($input: WithdrawInput!) {
    withdrawTreatment(input: $input) {
      id
      withdrawnAt
    }
  }
`);

export const CREATE_ASSESSMENT = graphql(`
  mutation CreateAssessment($input: CreateAssessmentInput!) {
    createAssessment(input: $input) {
      id
    }
  }
`);
export const UPDATE_ASSESSMENT = graphql(`
  mutation UpdateAssessment($input: UpdateAssessmentInput!) {
    updateAssessment(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_ASSESSMENT = graphql(`
  mutation WithdrawAssessment($input: WithdrawInput!) {
    withdrawAssessment(input: $input) {
      id
      withdrawnAt
    }
  }
`);

export const CREATE_COMPLICATION = graphql(`
  mutation CreateComplication($input: CreateComplicationInput!) {
    createComplication(input: $input) {
      id
    }
  }
`);
export const UPDATE_COMPLICATION = graphql(`
  mutation UpdateComplication($input: UpdateComplicationInput!) {
    updateComplication(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_COMPLICATION = graphql(`
  mutation WithdrawComplication($input: WithdrawInput!) {
    withdrawComplication(input: $input) {
      id
      withdrawnAt
    }
  }
`);

export const RECORD_DEATH = graphql(`
  mutation RecordDeath($input: RecordDeathInput!) {
    recordDeath(input: $input) {
      id
    }
  }
`);
export const UPDATE_DEATH = graphql(`
  mutation UpdateDeath($input: UpdateDeathInput!) {
    updateDeath(input: $input) {
      id
      version
    }
  }
`);
export const WITHDRAW_DEATH = graphql(`
  mutation WithdrawDeath($input: WithdrawInput!) {
    withdrawDeath(input: $input) {
      id
      withdrawn
    }
  }
`);

export const EQ5D_VALUE_SET = graphql(`
  query Eq5dValueSet {
    eq5dValueSet
  }
`);

export const SIMILAR_PATIENTS = graphql(`
  query SimilarPatients($input: SimilarPatientsInput!) {
    similarPatients(input: $input) {
      id
      registryNumber
      identifiers {
        familyName
        givenName
        dateOfBirth
      }
    }
  }
`);
