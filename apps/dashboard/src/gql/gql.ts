/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminUsers { users { id version email displayName role siteId active } sites { id version code name } }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id version role siteId active } }\n": typeof types.AdminUpdateUserDocument,
    "\n  query AdminSites { sites { id version code name createdAt } }\n": typeof types.AdminSitesDocument,
    "\n  mutation AdminCreateSite($input: CreateSiteInput!) { createSite(input: $input) { id } }\n": typeof types.AdminCreateSiteDocument,
    "\n  mutation AdminUpdateSite($input: UpdateSiteInput!) { updateSite(input: $input) { id version code name } }\n": typeof types.AdminUpdateSiteDocument,
    "\n  query AdminAuditLog($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String) {\n    auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail) {\n      id occurredAt actorEmail entityType entityId action before after reason\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  query CohortSites { sites { id code name } }\n": typeof types.CohortSitesDocument,
    "\n  query CohortSize($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    cohortSize(filter: $filter, grouping: $grouping) { total threshold groups { group n suppressed } }\n  }\n": typeof types.CohortSizeDocument,
    "\n  query CohortTrajectory($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!) {\n    outcomeTrajectory(filter: $filter, grouping: $grouping, measure: $measure) { group timePoint n mean lower upper suppressed }\n  }\n": typeof types.CohortTrajectoryDocument,
    "\n  query CohortResponders($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $definition: ResponderDefinition!) {\n    responderRates(filter: $filter, grouping: $grouping, definition: $definition) { group category n events rate lower upper suppressed }\n  }\n": typeof types.CohortRespondersDocument,
    "\n  query CohortAdjusted($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison(filter: $filter, grouping: $grouping, measure: $measure, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n": typeof types.CohortAdjustedDocument,
    "\n  query CohortAdjustedNewFracture($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison: adjustedNewFractureComparison(filter: $filter, grouping: $grouping, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n": typeof types.CohortAdjustedNewFractureDocument,
    "\n  query CohortTableOne($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    characteristicsTable(filter: $filter, grouping: $grouping) {\n      variable summary maxAbsSmd values { group value sd count n suppressed } differences { group versus smd }\n    }\n  }\n": typeof types.CohortTableOneDocument,
    "\n  query CohortSurvival($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    relief: survival(filter: $filter, grouping: $grouping, endpoint: PAIN_RELIEF) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    death: survival(filter: $filter, grouping: $grouping, endpoint: OVERALL_SURVIVAL) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    fracture: competingRisks(filter: $filter, grouping: $grouping) {\n      curves { group event n events atOneYear atTwoYears suppressed steps { day incidence lower upper atRisk } }\n      tests { event chiSquare df p }\n    }\n  }\n": typeof types.CohortSurvivalDocument,
    "\n  query SavedCohorts { savedCohorts { id version name description filter shared updatedAt } }\n": typeof types.SavedCohortsDocument,
    "\n  mutation SaveCohort($input: SaveCohortInput!) { saveCohort(input: $input) { id version name filter shared } }\n": typeof types.SaveCohortDocument,
    "\n  query CohortNewFractures($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    byLevel: newFracturesByLevel(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    byAdjacency: newFracturesByAdjacency(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    imaging: imagingRates(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n  }\n": typeof types.CohortNewFracturesDocument,
    "\n  query CohortRadiographs($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    radiographicFollowUp(filter: $filter, grouping: $grouping) {\n      group timePoint lossReference\n      lossOfCorrection { n mean lower upper suppressed }\n      kyphoticAngle { n mean lower upper suppressed }\n      anteriorHeight { n mean lower upper suppressed }\n    }\n  }\n": typeof types.CohortRadiographsDocument,
    "\n  query DataIssues($first: Int, $after: String, $filter: DataIssueFilterInput) {\n    dataIssues(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id foundAt foundBy rule tableName recordId patientId registryNumber detail resolvedAt resolution } }\n    }\n  }\n": typeof types.DataIssuesDocument,
    "\n  mutation ResolveDataIssue($input: ResolveDataIssueInput!) { resolveDataIssue(input: $input) { id resolvedAt resolution } }\n": typeof types.ResolveDataIssueDocument,
    "\n  query OverviewVolumes {\n    treatmentVolumes { period bins { period kind count suppressed } }\n    cohortSize { total threshold groups { group n suppressed } }\n  }\n": typeof types.OverviewVolumesDocument,
    "\n  query OverviewTrajectory {\n    outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper suppressed }\n  }\n": typeof types.OverviewTrajectoryDocument,
    "\n  query OverviewResponders($definition: ResponderDefinition!) {\n    responderRates(definition: $definition) { group category n events rate lower upper suppressed }\n  }\n": typeof types.OverviewRespondersDocument,
    "\n  query OverviewComplications {\n    complicationRates { group category n events rate lower upper suppressed }\n  }\n": typeof types.OverviewComplicationsDocument,
    "\n  query OverviewDischarge {\n    discharge { kind treatments sameDay sameDayRate sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay suppressed }\n  }\n": typeof types.OverviewDischargeDocument,
    "\n  query OverviewCompleteness {\n    followUpCompleteness { siteCode timePoint expected done missed withdrawn outstanding completeness }\n  }\n": typeof types.OverviewCompletenessDocument,
    "\n  query OverviewFunnel {\n    funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } }\n  }\n": typeof types.OverviewFunnelDocument,
    "\n  query OverviewReadmissions {\n    readmissions {\n      kind\n      within30 { n events rate lower upper suppressed }\n      within90 { n events rate lower upper suppressed }\n      repeatAugmentation { n events rate lower upper suppressed }\n    }\n  }\n": typeof types.OverviewReadmissionsDocument,
    "\n  query DataEntryMe { me { id role siteId } sites { id code name } }\n": typeof types.DataEntryMeDocument,
    "\n  query PatientList($first: Int, $after: String, $filter: PatientFilterInput) {\n    patients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id registryNumber sex birthYear ageAtIndexTreatment withdrawnAt\n          site { code }\n          identifiers { familyName givenName mrn }\n          fractures { level genantGrade withdrawnAt }\n          treatments { kind startDate startDay withdrawnAt }\n          latestAssessment { timePoint nrsActivity odi }\n        }\n      }\n    }\n  }\n": typeof types.PatientListDocument,
    "\n  query PatientRecord($id: ID!) {\n    patient(id: $id) {\n      id version siteId registryNumber sex birthYear ageAtIndexTreatment bmi tScore steroidUse activeCancer\n      ongoingChemotherapy ongoingRadiotherapy asaClass consentStatus withdrawnAt withdrawnReason\n      preFractureMobility livingSituation clinicalFrailtyScale charlsonComorbidityIndex dementia priorVertebralFractures\n      antiOsteoporoticDrug antiOsteoporoticStartDate antiOsteoporoticStartDay dxaDate dxaDay flsReferral vitaminDSupplementation\n      painUnderAnalgesia mobilisedUnderAnalgesia deformityProgression anticoagulation modifiedFrailtyIndex\n      ofScore { total band missing possibleMin possibleMax bandSettled components { name label points basis } }\n      site { code name }\n      identifiers { mrn familyName givenName dateOfBirth }\n      fractures {\n        id version level onsetDate onsetDay cause genantGrade heightLossPercent morphology ofClass mriOedema\n        posteriorWallInvolved neurologicalDeficit additionalInjuries withdrawnAt withdrawnReason\n        additionalInjuryKinds\n      }\n      treatments {\n        id version kind startDate startDay analgesicLevel brace bedRest physiotherapy anaesthesia approach imagingGuidance\n        balloonUsed heightRestorationPercent kyphoticAngleBefore kyphoticAngleAfter durationMinutes sameDayDischarge\n        lengthOfStayDays withdrawnAt withdrawnReason\n        dischargeDestination readmittedWithin30Days readmittedWithin90Days fluoroscopyTimeSeconds doseAreaProductGyCm2\n        levels { fractureId cementType cementVolumeMl cementFillPercent }\n      }\n      assessments {\n        id version treatmentId timePoint visitDate visitDay status nrsRest nrsActivity odi rmdq eq5dIndex analgesicLevel\n        opioidUse backToUsualActivities physiotherapy withdrawnAt withdrawnReason\n        odiItems rmdqItems eq5dLevels eq5dVas\n        imagingDone\n        anteriorHeightPercent middleHeightPercent posteriorHeightPercent kyphoticAngle\n      }\n      complications {\n        id version treatmentId occurredOn occurredDay kind symptomatic leakageType clavienDindo resolved notes withdrawnAt withdrawnReason\n        level detection\n      }\n      death { id version diedOn diedDay cause source notes }\n    }\n  }\n": typeof types.PatientRecordDocument,
    "\n  mutation CreatePatient($input: CreatePatientInput!) { createPatient(input: $input) { id registryNumber } }\n": typeof types.CreatePatientDocument,
    "\n  mutation UpdatePatient($input: UpdatePatientInput!) { updatePatient(input: $input) { id version } }\n": typeof types.UpdatePatientDocument,
    "\n  mutation WithdrawPatient($input: WithdrawInput!) { withdrawPatient(input: $input) { id withdrawnAt } }\n": typeof types.WithdrawPatientDocument,
    "\n  mutation CreateFracture($input: CreateFractureInput!) { createFracture(input: $input) { id } }\n": typeof types.CreateFractureDocument,
    "\n  mutation UpdateFracture($input: UpdateFractureInput!) { updateFracture(input: $input) { id version } }\n": typeof types.UpdateFractureDocument,
    "\n  mutation WithdrawFracture($input: WithdrawInput!) { withdrawFracture(input: $input) { id withdrawnAt } }\n": typeof types.WithdrawFractureDocument,
    "\n  mutation CreateTreatment($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }\n": typeof types.CreateTreatmentDocument,
    "\n  mutation UpdateTreatment($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { id version } }\n": typeof types.UpdateTreatmentDocument,
    "\n  mutation WithdrawTreatment($input: WithdrawInput!) { withdrawTreatment(input: $input) { id withdrawnAt } }\n": typeof types.WithdrawTreatmentDocument,
    "\n  mutation CreateAssessment($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }\n": typeof types.CreateAssessmentDocument,
    "\n  mutation UpdateAssessment($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version } }\n": typeof types.UpdateAssessmentDocument,
    "\n  mutation WithdrawAssessment($input: WithdrawInput!) { withdrawAssessment(input: $input) { id withdrawnAt } }\n": typeof types.WithdrawAssessmentDocument,
    "\n  mutation CreateComplication($input: CreateComplicationInput!) { createComplication(input: $input) { id } }\n": typeof types.CreateComplicationDocument,
    "\n  mutation UpdateComplication($input: UpdateComplicationInput!) { updateComplication(input: $input) { id version } }\n": typeof types.UpdateComplicationDocument,
    "\n  mutation WithdrawComplication($input: WithdrawInput!) { withdrawComplication(input: $input) { id withdrawnAt } }\n": typeof types.WithdrawComplicationDocument,
    "\n  mutation RecordDeath($input: RecordDeathInput!) { recordDeath(input: $input) { id } }\n": typeof types.RecordDeathDocument,
    "\n  mutation UpdateDeath($input: UpdateDeathInput!) { updateDeath(input: $input) { id version } }\n": typeof types.UpdateDeathDocument,
    "\n  mutation WithdrawDeath($input: WithdrawInput!) { withdrawDeath(input: $input) { id withdrawn } }\n": typeof types.WithdrawDeathDocument,
    "\n  query Eq5dValueSet { eq5dValueSet }\n": typeof types.Eq5dValueSetDocument,
    "\n  query Worklist($first: Int, $after: String, $filter: WorklistFilterInput, $sort: WorklistSort) {\n    worklist(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          patientId registryNumber treatmentId treatmentKind treatmentDate timePoint targetDate windowStart windowEnd state daysOverdue\n        }\n      }\n    }\n  }\n": typeof types.WorklistDocument,
    "\n  query WorklistCompleteness { followUpCompleteness { siteId siteCode timePoint expected done missed outstanding completeness } }\n": typeof types.WorklistCompletenessDocument,
};
const documents: Documents = {
    "\n  query AdminUsers { users { id version email displayName role siteId active } sites { id version code name } }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id version role siteId active } }\n": types.AdminUpdateUserDocument,
    "\n  query AdminSites { sites { id version code name createdAt } }\n": types.AdminSitesDocument,
    "\n  mutation AdminCreateSite($input: CreateSiteInput!) { createSite(input: $input) { id } }\n": types.AdminCreateSiteDocument,
    "\n  mutation AdminUpdateSite($input: UpdateSiteInput!) { updateSite(input: $input) { id version code name } }\n": types.AdminUpdateSiteDocument,
    "\n  query AdminAuditLog($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String) {\n    auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail) {\n      id occurredAt actorEmail entityType entityId action before after reason\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  query CohortSites { sites { id code name } }\n": types.CohortSitesDocument,
    "\n  query CohortSize($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    cohortSize(filter: $filter, grouping: $grouping) { total threshold groups { group n suppressed } }\n  }\n": types.CohortSizeDocument,
    "\n  query CohortTrajectory($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!) {\n    outcomeTrajectory(filter: $filter, grouping: $grouping, measure: $measure) { group timePoint n mean lower upper suppressed }\n  }\n": types.CohortTrajectoryDocument,
    "\n  query CohortResponders($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $definition: ResponderDefinition!) {\n    responderRates(filter: $filter, grouping: $grouping, definition: $definition) { group category n events rate lower upper suppressed }\n  }\n": types.CohortRespondersDocument,
    "\n  query CohortAdjusted($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison(filter: $filter, grouping: $grouping, measure: $measure, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n": types.CohortAdjustedDocument,
    "\n  query CohortAdjustedNewFracture($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison: adjustedNewFractureComparison(filter: $filter, grouping: $grouping, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n": types.CohortAdjustedNewFractureDocument,
    "\n  query CohortTableOne($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    characteristicsTable(filter: $filter, grouping: $grouping) {\n      variable summary maxAbsSmd values { group value sd count n suppressed } differences { group versus smd }\n    }\n  }\n": types.CohortTableOneDocument,
    "\n  query CohortSurvival($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    relief: survival(filter: $filter, grouping: $grouping, endpoint: PAIN_RELIEF) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    death: survival(filter: $filter, grouping: $grouping, endpoint: OVERALL_SURVIVAL) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    fracture: competingRisks(filter: $filter, grouping: $grouping) {\n      curves { group event n events atOneYear atTwoYears suppressed steps { day incidence lower upper atRisk } }\n      tests { event chiSquare df p }\n    }\n  }\n": types.CohortSurvivalDocument,
    "\n  query SavedCohorts { savedCohorts { id version name description filter shared updatedAt } }\n": types.SavedCohortsDocument,
    "\n  mutation SaveCohort($input: SaveCohortInput!) { saveCohort(input: $input) { id version name filter shared } }\n": types.SaveCohortDocument,
    "\n  query CohortNewFractures($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    byLevel: newFracturesByLevel(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    byAdjacency: newFracturesByAdjacency(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    imaging: imagingRates(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n  }\n": types.CohortNewFracturesDocument,
    "\n  query CohortRadiographs($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    radiographicFollowUp(filter: $filter, grouping: $grouping) {\n      group timePoint lossReference\n      lossOfCorrection { n mean lower upper suppressed }\n      kyphoticAngle { n mean lower upper suppressed }\n      anteriorHeight { n mean lower upper suppressed }\n    }\n  }\n": types.CohortRadiographsDocument,
    "\n  query DataIssues($first: Int, $after: String, $filter: DataIssueFilterInput) {\n    dataIssues(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id foundAt foundBy rule tableName recordId patientId registryNumber detail resolvedAt resolution } }\n    }\n  }\n": types.DataIssuesDocument,
    "\n  mutation ResolveDataIssue($input: ResolveDataIssueInput!) { resolveDataIssue(input: $input) { id resolvedAt resolution } }\n": types.ResolveDataIssueDocument,
    "\n  query OverviewVolumes {\n    treatmentVolumes { period bins { period kind count suppressed } }\n    cohortSize { total threshold groups { group n suppressed } }\n  }\n": types.OverviewVolumesDocument,
    "\n  query OverviewTrajectory {\n    outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper suppressed }\n  }\n": types.OverviewTrajectoryDocument,
    "\n  query OverviewResponders($definition: ResponderDefinition!) {\n    responderRates(definition: $definition) { group category n events rate lower upper suppressed }\n  }\n": types.OverviewRespondersDocument,
    "\n  query OverviewComplications {\n    complicationRates { group category n events rate lower upper suppressed }\n  }\n": types.OverviewComplicationsDocument,
    "\n  query OverviewDischarge {\n    discharge { kind treatments sameDay sameDayRate sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay suppressed }\n  }\n": types.OverviewDischargeDocument,
    "\n  query OverviewCompleteness {\n    followUpCompleteness { siteCode timePoint expected done missed withdrawn outstanding completeness }\n  }\n": types.OverviewCompletenessDocument,
    "\n  query OverviewFunnel {\n    funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } }\n  }\n": types.OverviewFunnelDocument,
    "\n  query OverviewReadmissions {\n    readmissions {\n      kind\n      within30 { n events rate lower upper suppressed }\n      within90 { n events rate lower upper suppressed }\n      repeatAugmentation { n events rate lower upper suppressed }\n    }\n  }\n": types.OverviewReadmissionsDocument,
    "\n  query DataEntryMe { me { id role siteId } sites { id code name } }\n": types.DataEntryMeDocument,
    "\n  query PatientList($first: Int, $after: String, $filter: PatientFilterInput) {\n    patients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id registryNumber sex birthYear ageAtIndexTreatment withdrawnAt\n          site { code }\n          identifiers { familyName givenName mrn }\n          fractures { level genantGrade withdrawnAt }\n          treatments { kind startDate startDay withdrawnAt }\n          latestAssessment { timePoint nrsActivity odi }\n        }\n      }\n    }\n  }\n": types.PatientListDocument,
    "\n  query PatientRecord($id: ID!) {\n    patient(id: $id) {\n      id version siteId registryNumber sex birthYear ageAtIndexTreatment bmi tScore steroidUse activeCancer\n      ongoingChemotherapy ongoingRadiotherapy asaClass consentStatus withdrawnAt withdrawnReason\n      preFractureMobility livingSituation clinicalFrailtyScale charlsonComorbidityIndex dementia priorVertebralFractures\n      antiOsteoporoticDrug antiOsteoporoticStartDate antiOsteoporoticStartDay dxaDate dxaDay flsReferral vitaminDSupplementation\n      painUnderAnalgesia mobilisedUnderAnalgesia deformityProgression anticoagulation modifiedFrailtyIndex\n      ofScore { total band missing possibleMin possibleMax bandSettled components { name label points basis } }\n      site { code name }\n      identifiers { mrn familyName givenName dateOfBirth }\n      fractures {\n        id version level onsetDate onsetDay cause genantGrade heightLossPercent morphology ofClass mriOedema\n        posteriorWallInvolved neurologicalDeficit additionalInjuries withdrawnAt withdrawnReason\n        additionalInjuryKinds\n      }\n      treatments {\n        id version kind startDate startDay analgesicLevel brace bedRest physiotherapy anaesthesia approach imagingGuidance\n        balloonUsed heightRestorationPercent kyphoticAngleBefore kyphoticAngleAfter durationMinutes sameDayDischarge\n        lengthOfStayDays withdrawnAt withdrawnReason\n        dischargeDestination readmittedWithin30Days readmittedWithin90Days fluoroscopyTimeSeconds doseAreaProductGyCm2\n        levels { fractureId cementType cementVolumeMl cementFillPercent }\n      }\n      assessments {\n        id version treatmentId timePoint visitDate visitDay status nrsRest nrsActivity odi rmdq eq5dIndex analgesicLevel\n        opioidUse backToUsualActivities physiotherapy withdrawnAt withdrawnReason\n        odiItems rmdqItems eq5dLevels eq5dVas\n        imagingDone\n        anteriorHeightPercent middleHeightPercent posteriorHeightPercent kyphoticAngle\n      }\n      complications {\n        id version treatmentId occurredOn occurredDay kind symptomatic leakageType clavienDindo resolved notes withdrawnAt withdrawnReason\n        level detection\n      }\n      death { id version diedOn diedDay cause source notes }\n    }\n  }\n": types.PatientRecordDocument,
    "\n  mutation CreatePatient($input: CreatePatientInput!) { createPatient(input: $input) { id registryNumber } }\n": types.CreatePatientDocument,
    "\n  mutation UpdatePatient($input: UpdatePatientInput!) { updatePatient(input: $input) { id version } }\n": types.UpdatePatientDocument,
    "\n  mutation WithdrawPatient($input: WithdrawInput!) { withdrawPatient(input: $input) { id withdrawnAt } }\n": types.WithdrawPatientDocument,
    "\n  mutation CreateFracture($input: CreateFractureInput!) { createFracture(input: $input) { id } }\n": types.CreateFractureDocument,
    "\n  mutation UpdateFracture($input: UpdateFractureInput!) { updateFracture(input: $input) { id version } }\n": types.UpdateFractureDocument,
    "\n  mutation WithdrawFracture($input: WithdrawInput!) { withdrawFracture(input: $input) { id withdrawnAt } }\n": types.WithdrawFractureDocument,
    "\n  mutation CreateTreatment($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }\n": types.CreateTreatmentDocument,
    "\n  mutation UpdateTreatment($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { id version } }\n": types.UpdateTreatmentDocument,
    "\n  mutation WithdrawTreatment($input: WithdrawInput!) { withdrawTreatment(input: $input) { id withdrawnAt } }\n": types.WithdrawTreatmentDocument,
    "\n  mutation CreateAssessment($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }\n": types.CreateAssessmentDocument,
    "\n  mutation UpdateAssessment($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version } }\n": types.UpdateAssessmentDocument,
    "\n  mutation WithdrawAssessment($input: WithdrawInput!) { withdrawAssessment(input: $input) { id withdrawnAt } }\n": types.WithdrawAssessmentDocument,
    "\n  mutation CreateComplication($input: CreateComplicationInput!) { createComplication(input: $input) { id } }\n": types.CreateComplicationDocument,
    "\n  mutation UpdateComplication($input: UpdateComplicationInput!) { updateComplication(input: $input) { id version } }\n": types.UpdateComplicationDocument,
    "\n  mutation WithdrawComplication($input: WithdrawInput!) { withdrawComplication(input: $input) { id withdrawnAt } }\n": types.WithdrawComplicationDocument,
    "\n  mutation RecordDeath($input: RecordDeathInput!) { recordDeath(input: $input) { id } }\n": types.RecordDeathDocument,
    "\n  mutation UpdateDeath($input: UpdateDeathInput!) { updateDeath(input: $input) { id version } }\n": types.UpdateDeathDocument,
    "\n  mutation WithdrawDeath($input: WithdrawInput!) { withdrawDeath(input: $input) { id withdrawn } }\n": types.WithdrawDeathDocument,
    "\n  query Eq5dValueSet { eq5dValueSet }\n": types.Eq5dValueSetDocument,
    "\n  query Worklist($first: Int, $after: String, $filter: WorklistFilterInput, $sort: WorklistSort) {\n    worklist(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          patientId registryNumber treatmentId treatmentKind treatmentDate timePoint targetDate windowStart windowEnd state daysOverdue\n        }\n      }\n    }\n  }\n": types.WorklistDocument,
    "\n  query WorklistCompleteness { followUpCompleteness { siteId siteCode timePoint expected done missed outstanding completeness } }\n": types.WorklistCompletenessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers { users { id version email displayName role siteId active } sites { id version code name } }\n"): (typeof documents)["\n  query AdminUsers { users { id version email displayName role siteId active } sites { id version code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id version role siteId active } }\n"): (typeof documents)["\n  mutation AdminUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id version role siteId active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSites { sites { id version code name createdAt } }\n"): (typeof documents)["\n  query AdminSites { sites { id version code name createdAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateSite($input: CreateSiteInput!) { createSite(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreateSite($input: CreateSiteInput!) { createSite(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateSite($input: UpdateSiteInput!) { updateSite(input: $input) { id version code name } }\n"): (typeof documents)["\n  mutation AdminUpdateSite($input: UpdateSiteInput!) { updateSite(input: $input) { id version code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String) {\n    auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail) {\n      id occurredAt actorEmail entityType entityId action before after reason\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLog($first: Int!, $before: ID, $entityType: String, $action: AuditAction, $actorEmail: String) {\n    auditLog(first: $first, before: $before, entityType: $entityType, action: $action, actorEmail: $actorEmail) {\n      id occurredAt actorEmail entityType entityId action before after reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortSites { sites { id code name } }\n"): (typeof documents)["\n  query CohortSites { sites { id code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortSize($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    cohortSize(filter: $filter, grouping: $grouping) { total threshold groups { group n suppressed } }\n  }\n"): (typeof documents)["\n  query CohortSize($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    cohortSize(filter: $filter, grouping: $grouping) { total threshold groups { group n suppressed } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortTrajectory($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!) {\n    outcomeTrajectory(filter: $filter, grouping: $grouping, measure: $measure) { group timePoint n mean lower upper suppressed }\n  }\n"): (typeof documents)["\n  query CohortTrajectory($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!) {\n    outcomeTrajectory(filter: $filter, grouping: $grouping, measure: $measure) { group timePoint n mean lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortResponders($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $definition: ResponderDefinition!) {\n    responderRates(filter: $filter, grouping: $grouping, definition: $definition) { group category n events rate lower upper suppressed }\n  }\n"): (typeof documents)["\n  query CohortResponders($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $definition: ResponderDefinition!) {\n    responderRates(filter: $filter, grouping: $grouping, definition: $definition) { group category n events rate lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortAdjusted($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison(filter: $filter, grouping: $grouping, measure: $measure, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n"): (typeof documents)["\n  query CohortAdjusted($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $measure: OutcomeMeasure!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison(filter: $filter, grouping: $grouping, measure: $measure, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortAdjustedNewFracture($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison: adjustedNewFractureComparison(filter: $filter, grouping: $grouping, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n"): (typeof documents)["\n  query CohortAdjustedNewFracture($filter: CohortFilterInput, $grouping: TreatmentGrouping!, $timePoint: TimePoint!, $trimming: PropensityTrimming!) {\n    adjustedComparison: adjustedNewFractureComparison(filter: $filter, grouping: $grouping, timePoint: $timePoint, trimming: $trimming) {\n      n excluded outcome covariates constantCovariates propensityConverged suppressedGroups trimming trimmingThreshold trimmedGroups\n      referenceCategories { factor reference } missingData { group cohort observed analysed } sensitivityConverged\n      overlapBinEdges overlap { score group counts }\n      differences {\n        group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper sensitivity sensitivityLower sensitivityUpper\n      }\n      balance { covariate group versus smdBefore smdAfter }\n      weights { group n trimmed min median max sum ess }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortTableOne($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    characteristicsTable(filter: $filter, grouping: $grouping) {\n      variable summary maxAbsSmd values { group value sd count n suppressed } differences { group versus smd }\n    }\n  }\n"): (typeof documents)["\n  query CohortTableOne($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    characteristicsTable(filter: $filter, grouping: $grouping) {\n      variable summary maxAbsSmd values { group value sd count n suppressed } differences { group versus smd }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortSurvival($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    relief: survival(filter: $filter, grouping: $grouping, endpoint: PAIN_RELIEF) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    death: survival(filter: $filter, grouping: $grouping, endpoint: OVERALL_SURVIVAL) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    fracture: competingRisks(filter: $filter, grouping: $grouping) {\n      curves { group event n events atOneYear atTwoYears suppressed steps { day incidence lower upper atRisk } }\n      tests { event chiSquare df p }\n    }\n  }\n"): (typeof documents)["\n  query CohortSurvival($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    relief: survival(filter: $filter, grouping: $grouping, endpoint: PAIN_RELIEF) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    death: survival(filter: $filter, grouping: $grouping, endpoint: OVERALL_SURVIVAL) {\n      logRankP logRankChiSquare logRankDf\n      curves { group n events medianDays medianLower medianUpper suppressed steps { day survival lower upper atRisk } }\n    }\n    fracture: competingRisks(filter: $filter, grouping: $grouping) {\n      curves { group event n events atOneYear atTwoYears suppressed steps { day incidence lower upper atRisk } }\n      tests { event chiSquare df p }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedCohorts { savedCohorts { id version name description filter shared updatedAt } }\n"): (typeof documents)["\n  query SavedCohorts { savedCohorts { id version name description filter shared updatedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCohort($input: SaveCohortInput!) { saveCohort(input: $input) { id version name filter shared } }\n"): (typeof documents)["\n  mutation SaveCohort($input: SaveCohortInput!) { saveCohort(input: $input) { id version name filter shared } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortNewFractures($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    byLevel: newFracturesByLevel(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    byAdjacency: newFracturesByAdjacency(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    imaging: imagingRates(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n  }\n"): (typeof documents)["\n  query CohortNewFractures($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    byLevel: newFracturesByLevel(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    byAdjacency: newFracturesByAdjacency(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n    imaging: imagingRates(filter: $filter, grouping: $grouping) { group category n events rate lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CohortRadiographs($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    radiographicFollowUp(filter: $filter, grouping: $grouping) {\n      group timePoint lossReference\n      lossOfCorrection { n mean lower upper suppressed }\n      kyphoticAngle { n mean lower upper suppressed }\n      anteriorHeight { n mean lower upper suppressed }\n    }\n  }\n"): (typeof documents)["\n  query CohortRadiographs($filter: CohortFilterInput, $grouping: TreatmentGrouping!) {\n    radiographicFollowUp(filter: $filter, grouping: $grouping) {\n      group timePoint lossReference\n      lossOfCorrection { n mean lower upper suppressed }\n      kyphoticAngle { n mean lower upper suppressed }\n      anteriorHeight { n mean lower upper suppressed }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataIssues($first: Int, $after: String, $filter: DataIssueFilterInput) {\n    dataIssues(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id foundAt foundBy rule tableName recordId patientId registryNumber detail resolvedAt resolution } }\n    }\n  }\n"): (typeof documents)["\n  query DataIssues($first: Int, $after: String, $filter: DataIssueFilterInput) {\n    dataIssues(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id foundAt foundBy rule tableName recordId patientId registryNumber detail resolvedAt resolution } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDataIssue($input: ResolveDataIssueInput!) { resolveDataIssue(input: $input) { id resolvedAt resolution } }\n"): (typeof documents)["\n  mutation ResolveDataIssue($input: ResolveDataIssueInput!) { resolveDataIssue(input: $input) { id resolvedAt resolution } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewVolumes {\n    treatmentVolumes { period bins { period kind count suppressed } }\n    cohortSize { total threshold groups { group n suppressed } }\n  }\n"): (typeof documents)["\n  query OverviewVolumes {\n    treatmentVolumes { period bins { period kind count suppressed } }\n    cohortSize { total threshold groups { group n suppressed } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewTrajectory {\n    outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper suppressed }\n  }\n"): (typeof documents)["\n  query OverviewTrajectory {\n    outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewResponders($definition: ResponderDefinition!) {\n    responderRates(definition: $definition) { group category n events rate lower upper suppressed }\n  }\n"): (typeof documents)["\n  query OverviewResponders($definition: ResponderDefinition!) {\n    responderRates(definition: $definition) { group category n events rate lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewComplications {\n    complicationRates { group category n events rate lower upper suppressed }\n  }\n"): (typeof documents)["\n  query OverviewComplications {\n    complicationRates { group category n events rate lower upper suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewDischarge {\n    discharge { kind treatments sameDay sameDayRate sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay suppressed }\n  }\n"): (typeof documents)["\n  query OverviewDischarge {\n    discharge { kind treatments sameDay sameDayRate sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay suppressed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewCompleteness {\n    followUpCompleteness { siteCode timePoint expected done missed withdrawn outstanding completeness }\n  }\n"): (typeof documents)["\n  query OverviewCompleteness {\n    followUpCompleteness { siteCode timePoint expected done missed withdrawn outstanding completeness }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewFunnel {\n    funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } }\n  }\n"): (typeof documents)["\n  query OverviewFunnel {\n    funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewReadmissions {\n    readmissions {\n      kind\n      within30 { n events rate lower upper suppressed }\n      within90 { n events rate lower upper suppressed }\n      repeatAugmentation { n events rate lower upper suppressed }\n    }\n  }\n"): (typeof documents)["\n  query OverviewReadmissions {\n    readmissions {\n      kind\n      within30 { n events rate lower upper suppressed }\n      within90 { n events rate lower upper suppressed }\n      repeatAugmentation { n events rate lower upper suppressed }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataEntryMe { me { id role siteId } sites { id code name } }\n"): (typeof documents)["\n  query DataEntryMe { me { id role siteId } sites { id code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientList($first: Int, $after: String, $filter: PatientFilterInput) {\n    patients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id registryNumber sex birthYear ageAtIndexTreatment withdrawnAt\n          site { code }\n          identifiers { familyName givenName mrn }\n          fractures { level genantGrade withdrawnAt }\n          treatments { kind startDate startDay withdrawnAt }\n          latestAssessment { timePoint nrsActivity odi }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientList($first: Int, $after: String, $filter: PatientFilterInput) {\n    patients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id registryNumber sex birthYear ageAtIndexTreatment withdrawnAt\n          site { code }\n          identifiers { familyName givenName mrn }\n          fractures { level genantGrade withdrawnAt }\n          treatments { kind startDate startDay withdrawnAt }\n          latestAssessment { timePoint nrsActivity odi }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientRecord($id: ID!) {\n    patient(id: $id) {\n      id version siteId registryNumber sex birthYear ageAtIndexTreatment bmi tScore steroidUse activeCancer\n      ongoingChemotherapy ongoingRadiotherapy asaClass consentStatus withdrawnAt withdrawnReason\n      preFractureMobility livingSituation clinicalFrailtyScale charlsonComorbidityIndex dementia priorVertebralFractures\n      antiOsteoporoticDrug antiOsteoporoticStartDate antiOsteoporoticStartDay dxaDate dxaDay flsReferral vitaminDSupplementation\n      painUnderAnalgesia mobilisedUnderAnalgesia deformityProgression anticoagulation modifiedFrailtyIndex\n      ofScore { total band missing possibleMin possibleMax bandSettled components { name label points basis } }\n      site { code name }\n      identifiers { mrn familyName givenName dateOfBirth }\n      fractures {\n        id version level onsetDate onsetDay cause genantGrade heightLossPercent morphology ofClass mriOedema\n        posteriorWallInvolved neurologicalDeficit additionalInjuries withdrawnAt withdrawnReason\n        additionalInjuryKinds\n      }\n      treatments {\n        id version kind startDate startDay analgesicLevel brace bedRest physiotherapy anaesthesia approach imagingGuidance\n        balloonUsed heightRestorationPercent kyphoticAngleBefore kyphoticAngleAfter durationMinutes sameDayDischarge\n        lengthOfStayDays withdrawnAt withdrawnReason\n        dischargeDestination readmittedWithin30Days readmittedWithin90Days fluoroscopyTimeSeconds doseAreaProductGyCm2\n        levels { fractureId cementType cementVolumeMl cementFillPercent }\n      }\n      assessments {\n        id version treatmentId timePoint visitDate visitDay status nrsRest nrsActivity odi rmdq eq5dIndex analgesicLevel\n        opioidUse backToUsualActivities physiotherapy withdrawnAt withdrawnReason\n        odiItems rmdqItems eq5dLevels eq5dVas\n        imagingDone\n        anteriorHeightPercent middleHeightPercent posteriorHeightPercent kyphoticAngle\n      }\n      complications {\n        id version treatmentId occurredOn occurredDay kind symptomatic leakageType clavienDindo resolved notes withdrawnAt withdrawnReason\n        level detection\n      }\n      death { id version diedOn diedDay cause source notes }\n    }\n  }\n"): (typeof documents)["\n  query PatientRecord($id: ID!) {\n    patient(id: $id) {\n      id version siteId registryNumber sex birthYear ageAtIndexTreatment bmi tScore steroidUse activeCancer\n      ongoingChemotherapy ongoingRadiotherapy asaClass consentStatus withdrawnAt withdrawnReason\n      preFractureMobility livingSituation clinicalFrailtyScale charlsonComorbidityIndex dementia priorVertebralFractures\n      antiOsteoporoticDrug antiOsteoporoticStartDate antiOsteoporoticStartDay dxaDate dxaDay flsReferral vitaminDSupplementation\n      painUnderAnalgesia mobilisedUnderAnalgesia deformityProgression anticoagulation modifiedFrailtyIndex\n      ofScore { total band missing possibleMin possibleMax bandSettled components { name label points basis } }\n      site { code name }\n      identifiers { mrn familyName givenName dateOfBirth }\n      fractures {\n        id version level onsetDate onsetDay cause genantGrade heightLossPercent morphology ofClass mriOedema\n        posteriorWallInvolved neurologicalDeficit additionalInjuries withdrawnAt withdrawnReason\n        additionalInjuryKinds\n      }\n      treatments {\n        id version kind startDate startDay analgesicLevel brace bedRest physiotherapy anaesthesia approach imagingGuidance\n        balloonUsed heightRestorationPercent kyphoticAngleBefore kyphoticAngleAfter durationMinutes sameDayDischarge\n        lengthOfStayDays withdrawnAt withdrawnReason\n        dischargeDestination readmittedWithin30Days readmittedWithin90Days fluoroscopyTimeSeconds doseAreaProductGyCm2\n        levels { fractureId cementType cementVolumeMl cementFillPercent }\n      }\n      assessments {\n        id version treatmentId timePoint visitDate visitDay status nrsRest nrsActivity odi rmdq eq5dIndex analgesicLevel\n        opioidUse backToUsualActivities physiotherapy withdrawnAt withdrawnReason\n        odiItems rmdqItems eq5dLevels eq5dVas\n        imagingDone\n        anteriorHeightPercent middleHeightPercent posteriorHeightPercent kyphoticAngle\n      }\n      complications {\n        id version treatmentId occurredOn occurredDay kind symptomatic leakageType clavienDindo resolved notes withdrawnAt withdrawnReason\n        level detection\n      }\n      death { id version diedOn diedDay cause source notes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePatient($input: CreatePatientInput!) { createPatient(input: $input) { id registryNumber } }\n"): (typeof documents)["\n  mutation CreatePatient($input: CreatePatientInput!) { createPatient(input: $input) { id registryNumber } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePatient($input: UpdatePatientInput!) { updatePatient(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdatePatient($input: UpdatePatientInput!) { updatePatient(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawPatient($input: WithdrawInput!) { withdrawPatient(input: $input) { id withdrawnAt } }\n"): (typeof documents)["\n  mutation WithdrawPatient($input: WithdrawInput!) { withdrawPatient(input: $input) { id withdrawnAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFracture($input: CreateFractureInput!) { createFracture(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateFracture($input: CreateFractureInput!) { createFracture(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFracture($input: UpdateFractureInput!) { updateFracture(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateFracture($input: UpdateFractureInput!) { updateFracture(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawFracture($input: WithdrawInput!) { withdrawFracture(input: $input) { id withdrawnAt } }\n"): (typeof documents)["\n  mutation WithdrawFracture($input: WithdrawInput!) { withdrawFracture(input: $input) { id withdrawnAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTreatment($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateTreatment($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTreatment($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateTreatment($input: UpdateTreatmentInput!) { updateTreatment(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawTreatment($input: WithdrawInput!) { withdrawTreatment(input: $input) { id withdrawnAt } }\n"): (typeof documents)["\n  mutation WithdrawTreatment($input: WithdrawInput!) { withdrawTreatment(input: $input) { id withdrawnAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAssessment($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateAssessment($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssessment($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateAssessment($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAssessment($input: WithdrawInput!) { withdrawAssessment(input: $input) { id withdrawnAt } }\n"): (typeof documents)["\n  mutation WithdrawAssessment($input: WithdrawInput!) { withdrawAssessment(input: $input) { id withdrawnAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateComplication($input: CreateComplicationInput!) { createComplication(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateComplication($input: CreateComplicationInput!) { createComplication(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateComplication($input: UpdateComplicationInput!) { updateComplication(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateComplication($input: UpdateComplicationInput!) { updateComplication(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawComplication($input: WithdrawInput!) { withdrawComplication(input: $input) { id withdrawnAt } }\n"): (typeof documents)["\n  mutation WithdrawComplication($input: WithdrawInput!) { withdrawComplication(input: $input) { id withdrawnAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDeath($input: RecordDeathInput!) { recordDeath(input: $input) { id } }\n"): (typeof documents)["\n  mutation RecordDeath($input: RecordDeathInput!) { recordDeath(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDeath($input: UpdateDeathInput!) { updateDeath(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateDeath($input: UpdateDeathInput!) { updateDeath(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawDeath($input: WithdrawInput!) { withdrawDeath(input: $input) { id withdrawn } }\n"): (typeof documents)["\n  mutation WithdrawDeath($input: WithdrawInput!) { withdrawDeath(input: $input) { id withdrawn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Eq5dValueSet { eq5dValueSet }\n"): (typeof documents)["\n  query Eq5dValueSet { eq5dValueSet }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Worklist($first: Int, $after: String, $filter: WorklistFilterInput, $sort: WorklistSort) {\n    worklist(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          patientId registryNumber treatmentId treatmentKind treatmentDate timePoint targetDate windowStart windowEnd state daysOverdue\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Worklist($first: Int, $after: String, $filter: WorklistFilterInput, $sort: WorklistSort) {\n    worklist(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          patientId registryNumber treatmentId treatmentKind treatmentDate timePoint targetDate windowStart windowEnd state daysOverdue\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorklistCompleteness { followUpCompleteness { siteId siteCode timePoint expected done missed outstanding completeness } }\n"): (typeof documents)["\n  query WorklistCompleteness { followUpCompleteness { siteId siteCode timePoint expected done missed outstanding completeness } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;