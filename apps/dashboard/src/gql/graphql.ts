/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An injury besides the vertebral fractures, by kind; OTHER_SPINE: a spinal fracture not adjacent to the registered ones */
export type AdditionalInjury =
  | 'ABDOMEN_ORGAN'
  | 'HEAD'
  | 'HIP'
  | 'LOWER_LIMB'
  | 'OTHER'
  | 'OTHER_SPINE'
  | 'PELVIS'
  | 'RIB'
  | 'STERNUM'
  | 'THORAX_ORGAN'
  | 'UPPER_LIMB';

export type Anaesthesia =
  | 'GENERAL'
  | 'LOCAL'
  | 'SEDATION';

export type AnalgesicLevel =
  | 'NONE'
  | 'NON_OPIOID'
  | 'STRONG_OPIOID'
  | 'WEAK_OPIOID';

export type AntiOsteoporoticDrug =
  | 'BISPHOSPHONATE_IV'
  | 'BISPHOSPHONATE_ORAL'
  | 'DENOSUMAB'
  | 'NONE'
  | 'OTHER'
  | 'ROMOSOZUMAB'
  | 'TERIPARATIDE';

export type AssessmentStatus =
  | 'DONE'
  | 'MISSED'
  | 'WITHDRAWN';

export type AuditAction =
  | 'CREATE'
  | 'EXPORT'
  | 'IMPORT'
  | 'LOCKOUT'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGOUT'
  | 'PASSWORD_CHANGE'
  | 'PASSWORD_RESET'
  | 'READ'
  | 'UPDATE'
  | 'WITHDRAW';

export type CementLeakageType =
  | 'B'
  | 'C'
  | 'D'
  | 'S';

export type CementType =
  | 'CALCIUM_PHOSPHATE'
  | 'OTHER'
  | 'PMMA'
  | 'PMMA_HIGH_VISCOSITY';

export type ClavienDindoGrade =
  | 'I'
  | 'II'
  | 'IIIA'
  | 'IIIB'
  | 'IVA'
  | 'IVB'
  | 'V';

export type CohortFilterInput = {
  activeCancer?: boolean | null | undefined;
  ageMax?: number | null | undefined;
  /** Age at the index treatment, from */
  ageMin?: number | null | undefined;
  /** Anaesthesia of the index procedure (leaves conservative care out) */
  anaesthesia?: Array<Anaesthesia> | null | undefined;
  /** Approach of the index procedure */
  approaches?: Array<ProcedureApproach> | null | undefined;
  baselineNrsMax?: number | null | undefined;
  /** Baseline pain NRS, from */
  baselineNrsMin?: number | null | undefined;
  causes?: Array<FractureCause> | null | undefined;
  cementVolumeMax?: number | null | undefined;
  /** Cement volume of the index procedure, summed over its levels (ml), from */
  cementVolumeMin?: number | null | undefined;
  dementia?: boolean | null | undefined;
  fractureAges?: Array<FractureAgeCategory> | null | undefined;
  frailtyMax?: number | null | undefined;
  /** Clinical Frailty Scale, from */
  frailtyMin?: number | null | undefined;
  genantGrades?: Array<number> | null | undefined;
  levelRegions?: Array<LevelRegion> | null | undefined;
  livingSituations?: Array<LivingSituation> | null | undefined;
  ofClasses?: Array<OfClass> | null | undefined;
  /** Ongoing chemotherapy or radiotherapy */
  ongoingCancerTherapy?: boolean | null | undefined;
  /** An anti-osteoporotic drug after the fracture (false: recorded as none; unrecorded patients match neither) */
  osteoporosisDrug?: boolean | null | undefined;
  /** Mobility before the fracture */
  preFractureMobility?: Array<PreFractureMobility> | null | undefined;
  /** At least one vertebral fracture before this one */
  priorVertebralFracture?: boolean | null | undefined;
  sex?: Sex | null | undefined;
  siteIds?: Array<string | number> | null | undefined;
  /** Index treatment on or after (YYYY-MM-DD) */
  treatedFrom?: string | null | undefined;
  treatedTo?: string | null | undefined;
  /** Kind of the index treatment */
  treatmentKinds?: Array<TreatmentKind> | null | undefined;
};

/** NEW_FRACTURE: first new adjacent or remote vertebral fracture; DEATH: death before one */
export type CompetingEvent =
  | 'DEATH'
  | 'NEW_FRACTURE';

export type ComplicationKind =
  | 'ADJACENT_LEVEL_FRACTURE'
  | 'ANAESTHESIA_RELATED'
  | 'CEMENT_LEAKAGE'
  | 'DEATH'
  | 'FURTHER_HEIGHT_LOSS'
  | 'HAEMATOMA'
  | 'INFECTION'
  | 'NEUROLOGICAL_DEFICIT'
  | 'OTHER'
  | 'PULMONARY_CEMENT_EMBOLISM'
  | 'REMOTE_FRACTURE';

export type ConfirmQuestionnaireInput = {
  /** Answers changed on review (each is audited, before and after) */
  corrections?: QuestionnaireCorrectionsInput | null | undefined;
  id: string | number;
  version: number;
  /** The visit date (YYYY-MM-DD); default the day the patient answered */
  visitDate?: string | null | undefined;
};

export type ConsentStatus =
  | 'DECLINED'
  | 'GIVEN'
  | 'PENDING'
  | 'WITHDRAWN';

/** AFTER_PROCEDURE: from the procedure's kyphoticAngleAfter; M1_RADIOGRAPH: from the angle at the month-1 visit (conservative care) */
export type CorrectionReference =
  | 'AFTER_PROCEDURE'
  | 'M1_RADIOGRAPH';

export type CreateAssessmentInput = {
  analgesicLevel?: AnalgesicLevel | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  anteriorHeightPercent?: number | null | undefined;
  backToUsualActivities?: boolean | null | undefined;
  eq5dIndex?: number | null | undefined;
  /** The five EQ-5D-5L levels (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), 1-5; eq5dIndex is then computed with the registry's value set */
  eq5dLevels?: Array<number> | null | undefined;
  /** EQ VAS, 0-100 */
  eq5dVas?: number | null | undefined;
  /** Spine imaging (radiograph, CT or MRI) done at the visit */
  imagingDone?: boolean | null | undefined;
  /** Kyphotic angle of the index level, degrees, -30 to 90 */
  kyphoticAngle?: number | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  middleHeightPercent?: number | null | undefined;
  /** Why the visit did not take place: a missed visit only; null: not recorded */
  missedReason?: MissedVisitReason | null | undefined;
  nrsActivity?: number | null | undefined;
  nrsRest?: number | null | undefined;
  odi?: number | null | undefined;
  /** The ten ODI sections in order, 0-5, null for a section not answered; odi is then computed from them (with up to two unanswered) */
  odiItems?: Array<number | null | undefined> | null | undefined;
  opioidUse?: boolean | null | undefined;
  patientId: string | number;
  physiotherapy?: boolean | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  posteriorHeightPercent?: number | null | undefined;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  rmdq?: number | null | undefined;
  /** The 24 RMDQ statements in order, true for yes; rmdq is then computed from them */
  rmdqItems?: Array<boolean> | null | undefined;
  status?: AssessmentStatus;
  timePoint: TimePoint;
  /** The index treatment */
  treatmentId: string | number;
  /** YYYY-MM-DD; required when the visit was done */
  visitDate?: string | null | undefined;
};

export type CreateComplicationInput = {
  clavienDindo?: ClavienDindoGrade | null | undefined;
  /** New fractures only: how it was found */
  detection?: FractureDetection | null | undefined;
  kind: ComplicationKind;
  leakageType?: CementLeakageType | null | undefined;
  /** New fractures only: the fractured vertebra */
  level?: VertebralLevel | null | undefined;
  notes?: string | null | undefined;
  /** YYYY-MM-DD */
  occurredOn: string;
  patientId: string | number;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  resolved?: boolean;
  /** Cement leakage: symptomatic or not */
  symptomatic?: boolean | null | undefined;
  treatmentId?: string | number | null | undefined;
};

export type CreateFractureInput = {
  additionalInjuries?: string | null | undefined;
  /** Injuries besides the vertebral fractures, by kind: [] none, null not recorded */
  additionalInjuryKinds?: Array<AdditionalInjury> | null | undefined;
  cause: FractureCause;
  genantGrade: number;
  heightLossPercent?: number | null | undefined;
  level: VertebralLevel;
  morphology?: FractureMorphology | null | undefined;
  mriOedema?: boolean | null | undefined;
  neurologicalDeficit?: boolean;
  ofClass?: OfClass | null | undefined;
  /** Date symptoms began (YYYY-MM-DD) */
  onsetDate: string;
  patientId: string | number;
  posteriorWallInvolved?: boolean;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
};

export type CreatePatientInput = {
  activeCancer?: boolean;
  antiOsteoporoticDrug?: AntiOsteoporoticDrug | null | undefined;
  /** YYYY-MM-DD */
  antiOsteoporoticStartDate?: string | null | undefined;
  anticoagulation?: boolean | null | undefined;
  asaClass?: number | null | undefined;
  birthYear: number;
  bmi?: number | null | undefined;
  charlsonComorbidityIndex?: number | null | undefined;
  clinicalFrailtyScale?: number | null | undefined;
  consentStatus?: ConsentStatus;
  deformityProgression?: boolean | null | undefined;
  dementia?: boolean | null | undefined;
  /** YYYY-MM-DD */
  dxaDate?: string | null | undefined;
  flsReferral?: boolean | null | undefined;
  identifiers?: PatientIdentifiersInput | null | undefined;
  livingSituation?: LivingSituation | null | undefined;
  mobilisedUnderAnalgesia?: boolean | null | undefined;
  modifiedFrailtyIndex?: number | null | undefined;
  ongoingChemotherapy?: boolean;
  ongoingRadiotherapy?: boolean;
  painUnderAnalgesia?: number | null | undefined;
  preFractureMobility?: PreFractureMobility | null | undefined;
  priorVertebralFractures?: number | null | undefined;
  /** Pseudonymous registry number; generated from the site code when omitted */
  registryNumber?: string | null | undefined;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  sex: Sex;
  siteId: string | number;
  steroidUse?: boolean;
  tScore?: number | null | undefined;
  vitaminDSupplementation?: boolean | null | undefined;
};

export type CreateSiteInput = {
  /** 2-16 capital letters or digits, e.g. "NORTH" */
  code: string;
  name: string;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
};

export type CreateTreatmentInput = {
  anaesthesia?: Anaesthesia | null | undefined;
  analgesicLevel?: AnalgesicLevel | null | undefined;
  approach?: ProcedureApproach | null | undefined;
  balloonUsed?: boolean | null | undefined;
  bedRest?: boolean | null | undefined;
  brace?: boolean | null | undefined;
  dischargeDestination?: DischargeDestination | null | undefined;
  /** Gy·cm², more than 0 and at most 1000 (procedures) */
  doseAreaProductGyCm2?: number | null | undefined;
  durationMinutes?: number | null | undefined;
  /** Seconds, 1-7200 (procedures) */
  fluoroscopyTimeSeconds?: number | null | undefined;
  heightRestorationPercent?: number | null | undefined;
  imagingGuidance?: ImagingGuidance | null | undefined;
  kind: TreatmentKind;
  kyphoticAngleAfter?: number | null | undefined;
  kyphoticAngleBefore?: number | null | undefined;
  lengthOfStayDays?: number | null | undefined;
  /** The fractures treated */
  levels: Array<TreatedLevelInput>;
  patientId: string | number;
  physiotherapy?: boolean | null | undefined;
  readmittedWithin30Days?: boolean | null | undefined;
  /** True whenever readmittedWithin30Days is */
  readmittedWithin90Days?: boolean | null | undefined;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  sameDayDischarge?: boolean | null | undefined;
  /** YYYY-MM-DD */
  startDate: string;
};

export type CreateUserInput = {
  displayName: string;
  email: string;
  /** At least 10 characters, not a common password or pattern (the password rule); opens one sign-in, at which the user must choose their own */
  password: string;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  role: Role;
  siteId?: string | number | null | undefined;
};

export type DataIssueFilterInput = {
  /** true: open issues only; false: resolved ones only; absent: both */
  open?: boolean | null | undefined;
  /** Only this rule (e.g. visit.outside_window), or every rule beginning with it when it ends with "." (e.g. death.) */
  rule?: string | null | undefined;
};

export type DeathCause =
  | 'CANCER'
  | 'CARDIOVASCULAR'
  | 'INFECTION'
  | 'OTHER'
  | 'PROCEDURE_RELATED'
  | 'RESPIRATORY'
  | 'UNKNOWN';

export type DeathSource =
  | 'DEATH_REGISTRY'
  | 'FAMILY'
  | 'GENERAL_PRACTITIONER'
  | 'HOSPITAL_RECORD'
  | 'OTHER';

export type DischargeDestination =
  | 'DIED_IN_HOSPITAL'
  | 'HOME'
  | 'HOME_WITH_CARE'
  | 'NURSING_HOME'
  | 'OTHER_HOSPITAL'
  | 'REHABILITATION';

export type Eq5dValueSet =
  | 'ENGLAND'
  | 'GERMANY'
  | 'US';

export type FractureAgeCategory =
  | 'ACUTE'
  | 'CHRONIC'
  | 'SUBACUTE';

export type FractureCause =
  | 'METASTASIS'
  | 'MYELOMA'
  | 'OSTEOPOROTIC'
  | 'OTHER'
  | 'TRAUMATIC';

export type FractureDetection =
  | 'CLINICAL'
  | 'INCIDENTAL'
  | 'SCHEDULED_IMAGING';

export type FractureMorphology =
  | 'BICONCAVE'
  | 'CRUSH'
  | 'WEDGE';

/** The overview's headline figures (docs/methods.md) */
export type HeadlineFigure =
  /** 12-month visits done, of those whose window (day 305 to 425) has closed, leaving out patients who died before it closed. */
  | 'FOLLOW_UP_M12'
  /** Patients with a complication of Clavien-Dindo grade III or more within follow-up, of all patients. */
  | 'MAJOR_COMPLICATIONS'
  /** Patients who died within 365 days of the first treatment, of those treated at least 365 days ago. */
  | 'MORTALITY_1_YEAR'
  /** Patients who died within 30 days of the first treatment, of those treated at least 30 days ago. */
  | 'MORTALITY_30_DAYS'
  /** Consenting patients whose first treatment for the fracture falls in the period. */
  | 'PATIENTS_TREATED'
  /** Vertebroplasties and kyphoplasties with the patient discharged on the day, of those with the discharge recorded. */
  | 'SAME_DAY_DISCHARGE'
  /** Patients with a symptomatic cement leakage within follow-up, of the patients who had vertebroplasty or kyphoplasty (first or later). */
  | 'SYMPTOMATIC_LEAKAGE';

export type ImagingGuidance =
  | 'CT'
  | 'FLUOROSCOPY';

export type IssueQuestionnaireLinkInput = {
  /** Send the link to this address (needs SMTP_URL); the address is not stored */
  email?: string | null | undefined;
  /** The language the form opens in: en or de (default en) */
  language?: string | null | undefined;
  patientId: string | number;
  timePoint: TimePoint;
  /** The index treatment */
  treatmentId: string | number;
};

export type LevelRegion =
  | 'LUMBAR'
  | 'THORACIC'
  | 'THORACOLUMBAR';

export type LivingSituation =
  | 'ASSISTED_LIVING'
  | 'NURSING_HOME'
  | 'OWN_HOME_ALONE'
  | 'OWN_HOME_WITH_OTHERS';

export type MarkVisitsMissedInput = {
  /** Why they did not take place: recorded on each visit (missedReason) and in its audit event */
  reason: MissedVisitReason;
  /** The visits to mark missed (at most 200): all are recorded, or none */
  visits: Array<MissedVisitInput>;
};

/** An expected visit, as the worklist lists it */
export type MissedVisitInput = {
  patientId: string | number;
  timePoint: TimePoint;
  /** The index treatment */
  treatmentId: string | number;
};

export type MissedVisitReason =
  | 'DECLINED'
  | 'IN_CARE_ELSEWHERE'
  | 'MOVED_AWAY'
  | 'NOT_REACHED'
  | 'OTHER'
  | 'TOO_ILL';

export type OfClass =
  | 'OF1'
  | 'OF2'
  | 'OF3'
  | 'OF4'
  | 'OF5';

/** The OF-Score recommendation: 5 or less conservative care, 6 either, 7 or more surgery */
export type OfScoreBand =
  | 'CONSERVATIVE'
  | 'EITHER'
  | 'SURGERY';

/** NRS is pain on activity (at rest when activity was not scored) */
export type OutcomeMeasure =
  | 'EQ5D'
  | 'NRS'
  | 'ODI'
  | 'RMDQ';

export type PatientFilterInput = {
  includeWithdrawn?: boolean | null | undefined;
  /** Family or given name (its beginning) or the exact MRN: coordinators and admins only */
  name?: string | null | undefined;
  /** Registry number, or its beginning */
  registryNumber?: string | null | undefined;
  siteId?: string | number | null | undefined;
  /** Treated on or after (YYYY-MM-DD) */
  treatedFrom?: string | null | undefined;
  /** Treated on or before (YYYY-MM-DD) */
  treatedTo?: string | null | undefined;
  /** Patients with a treatment of this kind */
  treatmentKind?: TreatmentKind | null | undefined;
};

export type PatientIdentifiersInput = {
  /** YYYY-MM-DD */
  dateOfBirth: string;
  familyName: string;
  givenName: string;
  /** Medical record number at the site */
  mrn: string;
};

export type PatientProfileInput = {
  activeCancer?: boolean | null | undefined;
  /** Age in years (above 89 matched as 90) */
  age: number;
  asaClass?: number | null | undefined;
  /** Baseline pain NRS (0-10) */
  baselineNrs?: number | null | undefined;
  /** Baseline Oswestry Disability Index (0-100) */
  baselineOdi?: number | null | undefined;
  cause?: FractureCause | null | undefined;
  /** Days from the fracture onset to the treatment (or to today) */
  fractureAgeDays?: number | null | undefined;
  /** The most severe Genant grade (0-3) */
  genantGrade?: number | null | undefined;
  levelRegion?: LevelRegion | null | undefined;
  /** The most severe OF class */
  ofClass?: OfClass | null | undefined;
  /** Ongoing chemotherapy or radiotherapy */
  ongoingCancerTherapy?: boolean | null | undefined;
  preFractureMobility?: PreFractureMobility | null | undefined;
  sex: Sex;
};

/** Walking before the fracture, by walking aid (Koval's categories, grouped) */
export type PreFractureMobility =
  | 'BEDBOUND'
  | 'INDEPENDENT'
  | 'WALKER'
  | 'WALKING_STICK'
  | 'WHEELCHAIR';

export type ProcedureApproach =
  | 'BIPEDICULAR'
  | 'UNIPEDICULAR';

/** Trimming of patients by generalized propensity before weighting */
export type PropensityTrimming =
  /** Multinomial Crump rule (Crump et al. 2009; Yoshida et al. 2019): patients with any generalized propensity under 0.1 (two groups) or 0.067 (three groups) are removed and the propensity model refitted */
  | 'CRUMP'
  /** Every patient kept (the default) */
  | 'NONE';

export type QuestionnaireCorrectionsInput = {
  eq5dLevels?: Array<number> | null | undefined;
  eq5dVas?: number | null | undefined;
  nrsActivity?: number | null | undefined;
  nrsRest?: number | null | undefined;
  odiItems?: Array<number | null | undefined> | null | undefined;
  respondent?: QuestionnaireRespondent | null | undefined;
  rmdqItems?: Array<boolean> | null | undefined;
};

export type QuestionnaireLinkState =
  | 'AWAITING_REVIEW'
  | 'CONFIRMED'
  | 'EXPIRED'
  | 'OPEN'
  | 'REVOKED';

/** Who answered a questionnaire: the patient, or someone on their behalf */
export type QuestionnaireRespondent =
  | 'PATIENT'
  | 'PROXY';

export type RecordDeathInput = {
  cause: DeathCause;
  /** YYYY-MM-DD */
  diedOn: string;
  notes?: string | null | undefined;
  patientId: string | number;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  source: DeathSource;
};

export type ResetPasswordInput = {
  id: string | number;
  /** Why, for the audit log */
  reason?: string | null | undefined;
};

export type ResolveDataIssueInput = {
  id: string | number;
  /** What was done about it, or why nothing needs doing */
  resolution: string;
};

/** NRS drop of at least 2 points, NRS drop of at least 30 %, NRS below 4, ODI drop of at least 10 points (all from baseline) */
export type ResponderDefinition =
  | 'NRS_BELOW_4'
  | 'NRS_DROP_2'
  | 'NRS_DROP_30_PERCENT'
  | 'ODI_DROP_10';

export type Role =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'DEPARTMENT_HEAD'
  | 'RESEARCHER';

export type SaveCohortInput = {
  description?: string | null | undefined;
  filter: CohortFilterInput;
  name: string;
  /** A UUID the client makes once for this create (per opened form). Sending the same request again, after an answer was lost, returns the record already created instead of creating a second one; the same requestId with other values is refused. */
  requestId?: string | number | null | undefined;
  /** Visible to everyone who analyses the registry */
  shared?: boolean;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

/** A patient about to be registered: patients of the site with a similar name and the same date of birth are looked for */
export type SimilarPatientsInput = {
  /** YYYY-MM-DD */
  dateOfBirth: string;
  familyName: string;
  givenName: string;
  siteId: string | number;
};

export type TimePoint =
  | 'BASELINE'
  | 'D1'
  | 'M1'
  | 'M3'
  | 'M6'
  | 'M12'
  | 'M24'
  | 'UNSCHEDULED'
  | 'W1';

export type TreatedLevelInput = {
  /** Share of the vertebral body filled, percent 0-100 */
  cementFillPercent?: number | null | undefined;
  cementType?: CementType | null | undefined;
  /** ml, more than 0 and at most 20 */
  cementVolumeMl?: number | null | undefined;
  fractureId: string | number;
};

/** How patients are grouped and followed (docs/methods.md). FIRST_TREATMENT and PER_PROTOCOL group every patient by the first treatment; ANAESTHESIA, APPROACH and CEMENT_VOLUME compare procedures: only patients whose first treatment is a procedure with that detail recorded, followed as FIRST_TREATMENT */
export type TreatmentGrouping =
  /** Procedures grouped by the index procedure's anaesthesia (LOCAL, SEDATION, GENERAL) */
  | 'ANAESTHESIA'
  /** Procedures grouped by the index procedure's approach (UNIPEDICULAR, BIPEDICULAR) */
  | 'APPROACH'
  /** Procedures grouped by cement volume per treated level: 0_TO_3_ML_PER_LEVEL (under 3 ml), 3_TO_5_ML_PER_LEVEL (3 to under 5 ml), 5_ML_OR_MORE_PER_LEVEL */
  | 'CEMENT_VOLUME'
  /** Intention to treat: grouped by the first treatment, followed whatever came later */
  | 'FIRST_TREATMENT'
  /** Grouped by the first treatment, censored on the day of a crossover to another kind of treatment */
  | 'PER_PROTOCOL';

export type TreatmentKind =
  | 'CONSERVATIVE'
  | 'KYPHOPLASTY'
  | 'VERTEBROPLASTY';

export type UpdateAssessmentInput = {
  analgesicLevel?: AnalgesicLevel | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  anteriorHeightPercent?: number | null | undefined;
  backToUsualActivities?: boolean | null | undefined;
  eq5dIndex?: number | null | undefined;
  /** The five EQ-5D-5L levels (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), 1-5; eq5dIndex is then computed with the registry's value set */
  eq5dLevels?: Array<number> | null | undefined;
  /** EQ VAS, 0-100 */
  eq5dVas?: number | null | undefined;
  id: string | number;
  /** Spine imaging (radiograph, CT or MRI) done at the visit */
  imagingDone?: boolean | null | undefined;
  /** Kyphotic angle of the index level, degrees, -30 to 90 */
  kyphoticAngle?: number | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  middleHeightPercent?: number | null | undefined;
  /** Why the visit did not take place: a missed visit only; null: not recorded */
  missedReason?: MissedVisitReason | null | undefined;
  nrsActivity?: number | null | undefined;
  nrsRest?: number | null | undefined;
  odi?: number | null | undefined;
  /** The ten ODI sections in order, 0-5, null for a section not answered; odi is then computed from them (with up to two unanswered) */
  odiItems?: Array<number> | null | undefined;
  opioidUse?: boolean | null | undefined;
  physiotherapy?: boolean | null | undefined;
  /** Index level, percent of the adjacent normal vertebra, 0-120 */
  posteriorHeightPercent?: number | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  rmdq?: number | null | undefined;
  /** The 24 RMDQ statements in order, true for yes; rmdq is then computed from them */
  rmdqItems?: Array<boolean> | null | undefined;
  status?: AssessmentStatus | null | undefined;
  timePoint?: TimePoint | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
  /** YYYY-MM-DD; required when the visit was done */
  visitDate?: string | null | undefined;
};

export type UpdateComplicationInput = {
  clavienDindo?: ClavienDindoGrade | null | undefined;
  /** New fractures only: how it was found */
  detection?: FractureDetection | null | undefined;
  id: string | number;
  kind?: ComplicationKind | null | undefined;
  leakageType?: CementLeakageType | null | undefined;
  /** New fractures only: the fractured vertebra */
  level?: VertebralLevel | null | undefined;
  notes?: string | null | undefined;
  /** YYYY-MM-DD */
  occurredOn?: string | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  resolved?: boolean | null | undefined;
  /** Cement leakage: symptomatic or not */
  symptomatic?: boolean | null | undefined;
  treatmentId?: string | number | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
};

export type UpdateDeathInput = {
  cause?: DeathCause | null | undefined;
  /** YYYY-MM-DD */
  diedOn?: string | null | undefined;
  id: string | number;
  notes?: string | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  source?: DeathSource | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
};

export type UpdateFractureInput = {
  additionalInjuries?: string | null | undefined;
  /** Injuries besides the vertebral fractures, by kind: [] none, null not recorded */
  additionalInjuryKinds?: Array<AdditionalInjury> | null | undefined;
  cause?: FractureCause | null | undefined;
  genantGrade?: number | null | undefined;
  heightLossPercent?: number | null | undefined;
  id: string | number;
  level?: VertebralLevel | null | undefined;
  morphology?: FractureMorphology | null | undefined;
  mriOedema?: boolean | null | undefined;
  neurologicalDeficit?: boolean | null | undefined;
  ofClass?: OfClass | null | undefined;
  /** Date symptoms began (YYYY-MM-DD) */
  onsetDate?: string | null | undefined;
  posteriorWallInvolved?: boolean | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
};

export type UpdatePatientInput = {
  activeCancer?: boolean | null | undefined;
  antiOsteoporoticDrug?: AntiOsteoporoticDrug | null | undefined;
  /** YYYY-MM-DD */
  antiOsteoporoticStartDate?: string | null | undefined;
  anticoagulation?: boolean | null | undefined;
  asaClass?: number | null | undefined;
  birthYear?: number | null | undefined;
  bmi?: number | null | undefined;
  charlsonComorbidityIndex?: number | null | undefined;
  clinicalFrailtyScale?: number | null | undefined;
  consentStatus?: ConsentStatus | null | undefined;
  deformityProgression?: boolean | null | undefined;
  dementia?: boolean | null | undefined;
  /** YYYY-MM-DD */
  dxaDate?: string | null | undefined;
  flsReferral?: boolean | null | undefined;
  id: string | number;
  identifiers?: PatientIdentifiersInput | null | undefined;
  livingSituation?: LivingSituation | null | undefined;
  mobilisedUnderAnalgesia?: boolean | null | undefined;
  modifiedFrailtyIndex?: number | null | undefined;
  ongoingChemotherapy?: boolean | null | undefined;
  ongoingRadiotherapy?: boolean | null | undefined;
  painUnderAnalgesia?: number | null | undefined;
  preFractureMobility?: PreFractureMobility | null | undefined;
  priorVertebralFractures?: number | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  /** Pseudonymous registry number; generated from the site code when omitted */
  registryNumber?: string | null | undefined;
  sex?: Sex | null | undefined;
  steroidUse?: boolean | null | undefined;
  tScore?: number | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
  vitaminDSupplementation?: boolean | null | undefined;
};

export type UpdateSavedCohortInput = {
  description?: string | null | undefined;
  filter?: CohortFilterInput | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  shared?: boolean | null | undefined;
  version: number;
};

export type UpdateSiteInput = {
  code?: string | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  reason?: string | null | undefined;
  version: number;
};

export type UpdateTreatmentInput = {
  anaesthesia?: Anaesthesia | null | undefined;
  analgesicLevel?: AnalgesicLevel | null | undefined;
  approach?: ProcedureApproach | null | undefined;
  balloonUsed?: boolean | null | undefined;
  bedRest?: boolean | null | undefined;
  brace?: boolean | null | undefined;
  dischargeDestination?: DischargeDestination | null | undefined;
  /** Gy·cm², more than 0 and at most 1000 (procedures) */
  doseAreaProductGyCm2?: number | null | undefined;
  durationMinutes?: number | null | undefined;
  /** Seconds, 1-7200 (procedures) */
  fluoroscopyTimeSeconds?: number | null | undefined;
  heightRestorationPercent?: number | null | undefined;
  id: string | number;
  imagingGuidance?: ImagingGuidance | null | undefined;
  kind?: TreatmentKind | null | undefined;
  kyphoticAngleAfter?: number | null | undefined;
  kyphoticAngleBefore?: number | null | undefined;
  lengthOfStayDays?: number | null | undefined;
  /** The fractures treated */
  levels?: Array<TreatedLevelInput> | null | undefined;
  physiotherapy?: boolean | null | undefined;
  readmittedWithin30Days?: boolean | null | undefined;
  /** True whenever readmittedWithin30Days is */
  readmittedWithin90Days?: boolean | null | undefined;
  /** Why: required when changing a record entered more than 24 hours ago */
  reason?: string | null | undefined;
  sameDayDischarge?: boolean | null | undefined;
  /** YYYY-MM-DD */
  startDate?: string | null | undefined;
  /** The version you edited; a stale one is refused */
  version: number;
};

export type UpdateUserInput = {
  active?: boolean | null | undefined;
  displayName?: string | null | undefined;
  id: string | number;
  reason?: string | null | undefined;
  role?: Role | null | undefined;
  siteId?: string | number | null | undefined;
  version: number;
};

export type VertebralLevel =
  | 'L1'
  | 'L2'
  | 'L3'
  | 'L4'
  | 'L5'
  | 'T1'
  | 'T2'
  | 'T3'
  | 'T4'
  | 'T5'
  | 'T6'
  | 'T7'
  | 'T8'
  | 'T9'
  | 'T10'
  | 'T11'
  | 'T12';

/** A period to count treatments in; AUTO: the finest at which at most a quarter of the counts are suppressed */
export type VolumePeriod =
  | 'AUTO'
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

export type WithdrawInput = {
  id: string | number;
  /** Why the record is withdrawn (kept in the audit trail) */
  reason: string;
  version: number;
};

export type WorklistFilterInput = {
  /** Registry number, or its beginning */
  registryNumber?: string | null | undefined;
  siteId?: string | number | null | undefined;
  states?: Array<WorklistState> | null | undefined;
  timePoints?: Array<TimePoint> | null | undefined;
  /** Draw the list up as of this day (YYYY-MM-DD); default today */
  today?: string | null | undefined;
};

export type WorklistSort =
  | 'DAYS_OVERDUE'
  | 'DUE_DATE'
  | 'REGISTRY_NUMBER';

export type WorklistState =
  | 'DUE'
  | 'DUE_SOON'
  | 'OVERDUE';

export type AdminUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminUsersQuery = { users: Array<{ id: string, version: number, email: string, displayName: string, role: Role, siteId: string | null, active: boolean, mustChangePassword: boolean }>, sites: Array<{ id: string, version: number, code: string, name: string }> };

export type AdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AdminCreateUserMutation = { createUser: { id: string } };

export type AdminUpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type AdminUpdateUserMutation = { updateUser: { id: string, version: number, role: Role, siteId: string | null, active: boolean } };

export type AdminResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type AdminResetPasswordMutation = { resetPassword: { temporaryPassword: string, user: { id: string, version: number, mustChangePassword: boolean } } };

export type AdminSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminSitesQuery = { sites: Array<{ id: string, version: number, code: string, name: string, createdAt: string | null }> };

export type AdminCreateSiteMutationVariables = Exact<{
  input: CreateSiteInput;
}>;


export type AdminCreateSiteMutation = { createSite: { id: string } };

export type AdminUpdateSiteMutationVariables = Exact<{
  input: UpdateSiteInput;
}>;


export type AdminUpdateSiteMutation = { updateSite: { id: string, version: number, code: string, name: string } };

export type AdminAuditLogQueryVariables = Exact<{
  first: number;
  before?: string | number | null | undefined;
  entityType?: string | null | undefined;
  action?: AuditAction | null | undefined;
  actorEmail?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AdminAuditLogQuery = { auditLog: Array<{ id: string, occurredAt: string, actorEmail: string | null, entityType: string, entityId: string, action: AuditAction, before: unknown, after: unknown, reason: string | null, names: Array<{ id: string, kind: string, name: string }> }> };

export type CohortSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type CohortSitesQuery = { sites: Array<{ id: string, code: string, name: string }> };

export type CohortSizeQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
}>;


export type CohortSizeQuery = { cohortSize: { total: number | null, threshold: number, groups: Array<{ group: string, n: number | null, suppressed: boolean }> } };

export type CohortTrajectoryQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
  measure: OutcomeMeasure;
}>;


export type CohortTrajectoryQuery = { outcomeTrajectory: Array<{ group: string, timePoint: TimePoint, n: number | null, mean: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type CohortRespondersQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
  definition: ResponderDefinition;
}>;


export type CohortRespondersQuery = { responderRates: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type CohortAdjustedQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
  measure: OutcomeMeasure;
  timePoint: TimePoint;
  trimming: PropensityTrimming;
}>;


export type CohortAdjustedQuery = { adjustedComparison: { n: number | null, excluded: number | null, outcome: string, covariates: Array<string>, constantCovariates: Array<string>, propensityConverged: boolean, suppressedGroups: Array<string>, trimming: PropensityTrimming, trimmingThreshold: number | null, trimmedGroups: Array<string>, sensitivityConverged: boolean, overlapBinEdges: Array<number>, referenceCategories: Array<{ factor: string, reference: string }>, missingData: Array<{ group: string, cohort: number | null, observed: number | null, analysed: number | null }>, overlap: Array<{ score: string, group: string, counts: Array<number | null> }>, differences: Array<{ group: string, versus: string, n: number | null, nVersus: number | null, unadjusted: number, unadjustedLower: number, unadjustedUpper: number, adjusted: number, adjustedLower: number, adjustedUpper: number, sensitivity: number | null, sensitivityLower: number | null, sensitivityUpper: number | null }>, balance: Array<{ covariate: string, group: string, versus: string, smdBefore: number, smdAfter: number }>, weights: Array<{ group: string, n: number | null, trimmed: number | null, min: number | null, median: number | null, max: number | null, sum: number | null, ess: number | null }> } };

export type CohortAdjustedNewFractureQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
  timePoint: TimePoint;
  trimming: PropensityTrimming;
}>;


export type CohortAdjustedNewFractureQuery = { adjustedComparison: { n: number | null, excluded: number | null, outcome: string, covariates: Array<string>, constantCovariates: Array<string>, propensityConverged: boolean, suppressedGroups: Array<string>, trimming: PropensityTrimming, trimmingThreshold: number | null, trimmedGroups: Array<string>, sensitivityConverged: boolean, overlapBinEdges: Array<number>, referenceCategories: Array<{ factor: string, reference: string }>, missingData: Array<{ group: string, cohort: number | null, observed: number | null, analysed: number | null }>, overlap: Array<{ score: string, group: string, counts: Array<number | null> }>, differences: Array<{ group: string, versus: string, n: number | null, nVersus: number | null, unadjusted: number, unadjustedLower: number, unadjustedUpper: number, adjusted: number, adjustedLower: number, adjustedUpper: number, sensitivity: number | null, sensitivityLower: number | null, sensitivityUpper: number | null }>, balance: Array<{ covariate: string, group: string, versus: string, smdBefore: number, smdAfter: number }>, weights: Array<{ group: string, n: number | null, trimmed: number | null, min: number | null, median: number | null, max: number | null, sum: number | null, ess: number | null }> } };

export type CohortTableOneQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
}>;


export type CohortTableOneQuery = { characteristicsTable: Array<{ variable: string, summary: string, maxAbsSmd: number | null, values: Array<{ group: string, value: number | null, sd: number | null, count: number | null, n: number | null, suppressed: boolean }>, differences: Array<{ group: string, versus: string, smd: number | null }> }> };

export type CohortSurvivalQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
}>;


export type CohortSurvivalQuery = { relief: { logRankP: number | null, logRankChiSquare: number | null, logRankDf: number | null, curves: Array<{ group: string, n: number | null, events: number | null, medianDays: number | null, medianLower: number | null, medianUpper: number | null, suppressed: boolean, steps: Array<{ day: number, survival: number, lower: number | null, upper: number | null, atRisk: number }> }> }, death: { logRankP: number | null, logRankChiSquare: number | null, logRankDf: number | null, curves: Array<{ group: string, n: number | null, events: number | null, medianDays: number | null, medianLower: number | null, medianUpper: number | null, suppressed: boolean, steps: Array<{ day: number, survival: number, lower: number | null, upper: number | null, atRisk: number }> }> }, fracture: { curves: Array<{ group: string, event: CompetingEvent, n: number | null, events: number | null, atOneYear: number | null, atTwoYears: number | null, suppressed: boolean, steps: Array<{ day: number, incidence: number, lower: number | null, upper: number | null, atRisk: number }> }>, tests: Array<{ event: CompetingEvent, chiSquare: number, df: number, p: number }> } };

export type SavedCohortsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedCohortsQuery = { savedCohorts: Array<{ id: string, version: number, name: string, description: string | null, filter: unknown, shared: boolean, ownerId: string, updatedAt: string | null }> };

export type RenameSavedCohortMutationVariables = Exact<{
  input: UpdateSavedCohortInput;
}>;


export type RenameSavedCohortMutation = { updateSavedCohort: { id: string, version: number, name: string } };

export type DeleteSavedCohortMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type DeleteSavedCohortMutation = { withdrawSavedCohort: { id: string } };

export type SaveCohortMutationVariables = Exact<{
  input: SaveCohortInput;
}>;


export type SaveCohortMutation = { saveCohort: { id: string, version: number, name: string, filter: unknown, shared: boolean } };

export type CohortNewFracturesQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
}>;


export type CohortNewFracturesQuery = { byLevel: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }>, byAdjacency: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }>, imaging: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type CohortRadiographsQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  grouping: TreatmentGrouping;
}>;


export type CohortRadiographsQuery = { radiographicFollowUp: Array<{ group: string, timePoint: TimePoint, lossReference: CorrectionReference, lossOfCorrection: { n: number | null, mean: number | null, lower: number | null, upper: number | null, suppressed: boolean } | null, kyphoticAngle: { n: number | null, mean: number | null, lower: number | null, upper: number | null, suppressed: boolean }, anteriorHeight: { n: number | null, mean: number | null, lower: number | null, upper: number | null, suppressed: boolean } }> };

export type DataIssuesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: DataIssueFilterInput | null | undefined;
}>;


export type DataIssuesQuery = { dataIssues: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, foundAt: string, foundBy: string, rule: string, tableName: string, recordId: string | null, patientId: string | null, registryNumber: string | null, detail: string, resolvedAt: string | null, resolution: string | null } }> } };

export type ResolveDataIssueMutationVariables = Exact<{
  input: ResolveDataIssueInput;
}>;


export type ResolveDataIssueMutation = { resolveDataIssue: { id: string, resolvedAt: string | null, resolution: string | null } };

export type OverviewVolumesQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewVolumesQuery = { treatmentVolumes: { period: VolumePeriod, bins: Array<{ period: string, kind: string, count: number | null, suppressed: boolean }> }, cohortSize: { total: number | null, threshold: number, groups: Array<{ group: string, n: number | null, suppressed: boolean }> } };

export type OverviewTrajectoryQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewTrajectoryQuery = { outcomeTrajectory: Array<{ group: string, timePoint: TimePoint, n: number | null, mean: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type OverviewRespondersQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
  definition: ResponderDefinition;
}>;


export type OverviewRespondersQuery = { responderRates: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type OverviewComplicationsQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewComplicationsQuery = { complicationRates: Array<{ group: string, category: string, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type OverviewDischargeQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewDischargeQuery = { discharge: Array<{ kind: string, treatments: number | null, sameDay: number | null, sameDayRate: number | null, sameDayLower: number | null, sameDayUpper: number | null, meanStay: number | null, medianStay: number | null, q1Stay: number | null, q3Stay: number | null, suppressed: boolean }> };

export type OverviewCompletenessQueryVariables = Exact<{
  siteId?: string | number | null | undefined;
}>;


export type OverviewCompletenessQuery = { followUpCompleteness: Array<{ siteCode: string, timePoint: TimePoint, expected: number | null, done: number | null, missed: number | null, withdrawn: number | null, outstanding: number | null, answeredByPatients: number | null, completeness: number | null }> };

export type OverviewFunnelQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewFunnelQuery = { funnelPlot: { registryRate: number | null, sites: Array<{ siteCode: string, n: number | null, events: number | null, rate: number | null, suppressed: boolean }>, limits: Array<{ n: number, lower95: number, upper95: number, lower998: number, upper998: number }> } };

export type OverviewReadmissionsQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewReadmissionsQuery = { readmissions: Array<{ kind: string, within30: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, within90: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, repeatAugmentation: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean } | null }> };

export type OverviewSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewSitesQuery = { me: { siteId: string | null }, sites: Array<{ id: string, code: string, name: string }> };

export type OverviewHeadlinesQueryVariables = Exact<{
  site?: CohortFilterInput | null | undefined;
  registry?: CohortFilterInput | null | undefined;
  withSite: boolean;
}>;


export type OverviewHeadlinesQuery = { site?: Array<{ figure: HeadlineFigure, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }>, registry: Array<{ figure: HeadlineFigure, n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }> };

export type OverviewAdjustedQueryVariables = Exact<{
  filter?: CohortFilterInput | null | undefined;
}>;


export type OverviewAdjustedQuery = { month1: { n: number | null, suppressedGroups: Array<string>, means: Array<{ group: string, n: number | null, mean: number, adjusted: number, adjustedLower: number, adjustedUpper: number }>, differences: Array<{ group: string, versus: string, adjusted: number, adjustedLower: number, adjustedUpper: number }>, balance: Array<{ covariate: string, group: string, versus: string, smdBefore: number, smdAfter: number }> }, month12: { n: number | null, suppressedGroups: Array<string>, means: Array<{ group: string, n: number | null, mean: number, adjusted: number, adjustedLower: number, adjustedUpper: number }>, differences: Array<{ group: string, versus: string, adjusted: number, adjustedLower: number, adjustedUpper: number }>, balance: Array<{ covariate: string, group: string, versus: string, smdBefore: number, smdAfter: number }> } };

export type DataEntryMeQueryVariables = Exact<{ [key: string]: never; }>;


export type DataEntryMeQuery = { me: { id: string, role: Role, siteId: string | null }, sites: Array<{ id: string, code: string, name: string }> };

export type PatientListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PatientFilterInput | null | undefined;
}>;


export type PatientListQuery = { patients: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, registryNumber: string, sex: Sex, birthYear: number | null, ageAtIndexTreatment: string | null, withdrawnAt: string | null, site: { code: string }, identifiers: { familyName: string, givenName: string, mrn: string } | null, fractures: Array<{ level: VertebralLevel, genantGrade: number, withdrawnAt: string | null }>, treatments: Array<{ kind: TreatmentKind, startDate: string | null, startDay: number | null, withdrawnAt: string | null }>, latestAssessment: { timePoint: TimePoint, nrsActivity: number | null, odi: number | null } | null } }> } };

export type PatientRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type PatientRecordQuery = { patient: { id: string, version: number, siteId: string, registryNumber: string, sex: Sex, birthYear: number | null, ageAtIndexTreatment: string | null, bmi: number | null, tScore: number | null, steroidUse: boolean, activeCancer: boolean, ongoingChemotherapy: boolean, ongoingRadiotherapy: boolean, asaClass: number | null, consentStatus: ConsentStatus, withdrawnAt: string | null, withdrawnReason: string | null, preFractureMobility: PreFractureMobility | null, livingSituation: LivingSituation | null, clinicalFrailtyScale: number | null, charlsonComorbidityIndex: number | null, dementia: boolean | null, priorVertebralFractures: number | null, antiOsteoporoticDrug: AntiOsteoporoticDrug | null, antiOsteoporoticStartDate: string | null, antiOsteoporoticStartDay: number | null, dxaDate: string | null, dxaDay: number | null, flsReferral: boolean | null, vitaminDSupplementation: boolean | null, painUnderAnalgesia: number | null, mobilisedUnderAnalgesia: boolean | null, deformityProgression: boolean | null, anticoagulation: boolean | null, modifiedFrailtyIndex: number | null, ofScore: { total: number, band: OfScoreBand, missing: Array<string>, possibleMin: number, possibleMax: number, bandSettled: boolean, components: Array<{ name: string, label: string, points: number | null, basis: string }> }, site: { code: string, name: string }, identifiers: { mrn: string, familyName: string, givenName: string, dateOfBirth: string } | null, fractures: Array<{ id: string, version: number, level: VertebralLevel, onsetDate: string | null, onsetDay: number | null, cause: FractureCause, genantGrade: number, heightLossPercent: number | null, morphology: FractureMorphology | null, ofClass: OfClass | null, mriOedema: boolean | null, posteriorWallInvolved: boolean, neurologicalDeficit: boolean, additionalInjuries: string | null, withdrawnAt: string | null, withdrawnReason: string | null, additionalInjuryKinds: Array<AdditionalInjury> | null }>, treatments: Array<{ id: string, version: number, kind: TreatmentKind, startDate: string | null, startDay: number | null, analgesicLevel: AnalgesicLevel | null, brace: boolean | null, bedRest: boolean | null, physiotherapy: boolean | null, anaesthesia: Anaesthesia | null, approach: ProcedureApproach | null, imagingGuidance: ImagingGuidance | null, balloonUsed: boolean | null, heightRestorationPercent: number | null, kyphoticAngleBefore: number | null, kyphoticAngleAfter: number | null, durationMinutes: number | null, sameDayDischarge: boolean | null, lengthOfStayDays: number | null, withdrawnAt: string | null, withdrawnReason: string | null, dischargeDestination: DischargeDestination | null, readmittedWithin30Days: boolean | null, readmittedWithin90Days: boolean | null, fluoroscopyTimeSeconds: number | null, doseAreaProductGyCm2: number | null, levels: Array<{ fractureId: string, cementType: CementType | null, cementVolumeMl: number | null, cementFillPercent: number | null }> }>, assessments: Array<{ id: string, version: number, treatmentId: string, timePoint: TimePoint, visitDate: string | null, visitDay: number | null, status: AssessmentStatus, nrsRest: number | null, nrsActivity: number | null, odi: number | null, rmdq: number | null, eq5dIndex: number | null, analgesicLevel: AnalgesicLevel | null, opioidUse: boolean | null, backToUsualActivities: boolean | null, physiotherapy: boolean | null, withdrawnAt: string | null, withdrawnReason: string | null, odiItems: Array<number | null> | null, rmdqItems: Array<boolean> | null, eq5dLevels: Array<number> | null, eq5dVas: number | null, imagingDone: boolean | null, anteriorHeightPercent: number | null, middleHeightPercent: number | null, posteriorHeightPercent: number | null, kyphoticAngle: number | null, missedReason: MissedVisitReason | null }>, complications: Array<{ id: string, version: number, treatmentId: string | null, occurredOn: string | null, occurredDay: number | null, kind: ComplicationKind, symptomatic: boolean | null, leakageType: CementLeakageType | null, clavienDindo: ClavienDindoGrade | null, resolved: boolean, notes: string | null, withdrawnAt: string | null, withdrawnReason: string | null, level: VertebralLevel | null, detection: FractureDetection | null }>, death: { id: string, version: number, diedOn: string | null, diedDay: number | null, cause: DeathCause, source: DeathSource, notes: string | null } | null } };

export type CreatePatientMutationVariables = Exact<{
  input: CreatePatientInput;
}>;


export type CreatePatientMutation = { createPatient: { id: string, registryNumber: string } };

export type UpdatePatientMutationVariables = Exact<{
  input: UpdatePatientInput;
}>;


export type UpdatePatientMutation = { updatePatient: { id: string, version: number } };

export type WithdrawPatientMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawPatientMutation = { withdrawPatient: { id: string, withdrawnAt: string | null } };

export type CreateFractureMutationVariables = Exact<{
  input: CreateFractureInput;
}>;


export type CreateFractureMutation = { createFracture: { id: string } };

export type UpdateFractureMutationVariables = Exact<{
  input: UpdateFractureInput;
}>;


export type UpdateFractureMutation = { updateFracture: { id: string, version: number } };

export type WithdrawFractureMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawFractureMutation = { withdrawFracture: { id: string, withdrawnAt: string | null } };

export type CreateTreatmentMutationVariables = Exact<{
  input: CreateTreatmentInput;
}>;


export type CreateTreatmentMutation = { createTreatment: { id: string } };

export type UpdateTreatmentMutationVariables = Exact<{
  input: UpdateTreatmentInput;
}>;


export type UpdateTreatmentMutation = { updateTreatment: { id: string, version: number } };

export type WithdrawTreatmentMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawTreatmentMutation = { withdrawTreatment: { id: string, withdrawnAt: string | null } };

export type CreateAssessmentMutationVariables = Exact<{
  input: CreateAssessmentInput;
}>;


export type CreateAssessmentMutation = { createAssessment: { id: string } };

export type UpdateAssessmentMutationVariables = Exact<{
  input: UpdateAssessmentInput;
}>;


export type UpdateAssessmentMutation = { updateAssessment: { id: string, version: number } };

export type WithdrawAssessmentMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawAssessmentMutation = { withdrawAssessment: { id: string, withdrawnAt: string | null } };

export type CreateComplicationMutationVariables = Exact<{
  input: CreateComplicationInput;
}>;


export type CreateComplicationMutation = { createComplication: { id: string } };

export type UpdateComplicationMutationVariables = Exact<{
  input: UpdateComplicationInput;
}>;


export type UpdateComplicationMutation = { updateComplication: { id: string, version: number } };

export type WithdrawComplicationMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawComplicationMutation = { withdrawComplication: { id: string, withdrawnAt: string | null } };

export type RecordDeathMutationVariables = Exact<{
  input: RecordDeathInput;
}>;


export type RecordDeathMutation = { recordDeath: { id: string } };

export type UpdateDeathMutationVariables = Exact<{
  input: UpdateDeathInput;
}>;


export type UpdateDeathMutation = { updateDeath: { id: string, version: number } };

export type WithdrawDeathMutationVariables = Exact<{
  input: WithdrawInput;
}>;


export type WithdrawDeathMutation = { withdrawDeath: { id: string, withdrawn: boolean } };

export type Eq5dValueSetQueryVariables = Exact<{ [key: string]: never; }>;


export type Eq5dValueSetQuery = { eq5dValueSet: Eq5dValueSet };

export type SimilarPatientsQueryVariables = Exact<{
  input: SimilarPatientsInput;
}>;


export type SimilarPatientsQuery = { similarPatients: Array<{ id: string, registryNumber: string, identifiers: { familyName: string, givenName: string, dateOfBirth: string } | null }> };

export type PatientProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type PatientProfileQuery = { patientProfile: { age: number, sex: Sex, fractureAgeDays: number | null, genantGrade: number | null, ofClass: OfClass | null, cause: FractureCause | null, levelRegion: LevelRegion | null, baselineNrs: number | null, baselineOdi: number | null, asaClass: number | null, activeCancer: boolean | null, ongoingCancerTherapy: boolean | null, preFractureMobility: PreFractureMobility | null }, patient: { id: string, registryNumber: string, ofScore: { total: number, band: OfScoreBand, possibleMin: number, possibleMax: number, bandSettled: boolean } } };

export type PatientsLikeThisQueryVariables = Exact<{
  profile: PatientProfileInput;
}>;


export type PatientsLikeThisQuery = { patientsLikeThis: { perPath: number, threshold: number, steps: Array<{ step: number, description: string }>, paths: Array<{ path: TreatmentKind, n: number | null, suppressed: boolean, widestStep: number | null, allOfPath: boolean, pain: Array<{ timePoint: TimePoint, n: number | null, mean: number | null, lower: number | null, upper: number | null, belowFour: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean } }>, crossover: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, newFracture: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, death: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, symptomaticComplication: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean }, sameDayDischarge: { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean } }> } };

export type MatchedShareFieldsFragment = { n: number | null, events: number | null, rate: number | null, lower: number | null, upper: number | null, suppressed: boolean };

export type IssueQuestionnaireMutationVariables = Exact<{
  i: IssueQuestionnaireLinkInput;
}>;


export type IssueQuestionnaireMutation = { issueQuestionnaireLink: { url: string, invitation: { emailedAt: string | null } } };

export type AwaitingReviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AwaitingReviewQuery = { questionnaireInvitations: Array<{ id: string, version: number, patientId: string, registryNumber: string, timePoint: TimePoint, answeredAt: string | null, respondent: QuestionnaireRespondent | null, answers: { nrsRest: number | null, nrsActivity: number | null } | null }> };

export type ConfirmQuestionnaireMutationVariables = Exact<{
  i: ConfirmQuestionnaireInput;
}>;


export type ConfirmQuestionnaireMutation = { confirmQuestionnaireAnswers: { id: string } };

export type PatientQuestionnairesQueryVariables = Exact<{
  patientId: string | number;
}>;


export type PatientQuestionnairesQuery = { questionnaireInvitations: Array<{ id: string, version: number, treatmentId: string, timePoint: TimePoint, state: QuestionnaireLinkState, issuedAt: string, expiresAt: string, answeredAt: string | null, emailedAt: string | null, respondent: QuestionnaireRespondent | null, answers: { nrsRest: number | null, nrsActivity: number | null, odiItems: Array<number | null> | null, rmdqItems: Array<boolean>, eq5dLevels: Array<number> | null, eq5dVas: number | null } | null }> };

export type QuestionnaireEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type QuestionnaireEmailQuery = { questionnaireEmail: boolean };

export type WorklistQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: WorklistFilterInput | null | undefined;
  sort?: WorklistSort | null | undefined;
}>;


export type WorklistQuery = { worklist: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { patientId: string, registryNumber: string, treatmentId: string, treatmentKind: TreatmentKind, treatmentDate: string, timePoint: TimePoint, targetDate: string, windowStart: string, windowEnd: string, state: WorklistState, daysOverdue: number } }> } };

export type WorklistCompletenessQueryVariables = Exact<{ [key: string]: never; }>;


export type WorklistCompletenessQuery = { followUpCompleteness: Array<{ siteId: string, siteCode: string, timePoint: TimePoint, expected: number | null, done: number | null, missed: number | null, outstanding: number | null, completeness: number | null }> };

export type CallListQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: WorklistFilterInput | null | undefined;
  sort?: WorklistSort | null | undefined;
}>;


export type CallListQuery = { worklist: { totalCount: number, edges: Array<{ node: { patientId: string, registryNumber: string, treatmentId: string, timePoint: TimePoint, targetDate: string, windowStart: string, windowEnd: string, state: WorklistState, daysOverdue: number, identifiers: { familyName: string, givenName: string } | null } }> } };

export type MarkVisitsMissedMutationVariables = Exact<{
  input: MarkVisitsMissedInput;
}>;


export type MarkVisitsMissedMutation = { markVisitsMissed: Array<{ id: string }> };

export const MatchedShareFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchedShareFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MatchedShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<MatchedShareFieldsFragment, unknown>;
export const AdminUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminCreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminUpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<AdminUpdateUserMutation, AdminUpdateUserMutationVariables>;
export const AdminResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]}}]} as unknown as DocumentNode<AdminResetPasswordMutation, AdminResetPasswordMutationVariables>;
export const AdminSitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminSites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AdminSitesQuery, AdminSitesQueryVariables>;
export const AdminCreateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateSiteMutation, AdminCreateSiteMutationVariables>;
export const AdminUpdateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdminUpdateSiteMutation, AdminUpdateSiteMutationVariables>;
export const AdminAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditAction"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorEmail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorEmail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorEmail"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorEmail"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminAuditLogQuery, AdminAuditLogQueryVariables>;
export const CohortSitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortSites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CohortSitesQuery, CohortSitesQueryVariables>;
export const CohortSizeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortSize"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohortSize"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<CohortSizeQuery, CohortSizeQueryVariables>;
export const CohortTrajectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortTrajectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeMeasure"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeTrajectory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<CohortTrajectoryQuery, CohortTrajectoryQueryVariables>;
export const CohortRespondersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortResponders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResponderDefinition"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responderRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<CohortRespondersQuery, CohortRespondersQueryVariables>;
export const CohortAdjustedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortAdjusted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeMeasure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timePoint"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TimePoint"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trimming"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PropensityTrimming"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustedComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"timePoint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timePoint"}}},{"kind":"Argument","name":{"kind":"Name","value":"trimming"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trimming"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"covariates"}},{"kind":"Field","name":{"kind":"Name","value":"constantCovariates"}},{"kind":"Field","name":{"kind":"Name","value":"propensityConverged"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"trimming"}},{"kind":"Field","name":{"kind":"Name","value":"trimmingThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"trimmedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"analysed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityConverged"}},{"kind":"Field","name":{"kind":"Name","value":"overlapBinEdges"}},{"kind":"Field","name":{"kind":"Name","value":"overlap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"nVersus"}},{"kind":"Field","name":{"kind":"Name","value":"unadjusted"}},{"kind":"Field","name":{"kind":"Name","value":"unadjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"unadjustedUpper"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityLower"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"covariate"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"smdBefore"}},{"kind":"Field","name":{"kind":"Name","value":"smdAfter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"trimmed"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"ess"}}]}}]}}]}}]} as unknown as DocumentNode<CohortAdjustedQuery, CohortAdjustedQueryVariables>;
export const CohortAdjustedNewFractureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortAdjustedNewFracture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timePoint"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TimePoint"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trimming"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PropensityTrimming"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"adjustedComparison"},"name":{"kind":"Name","value":"adjustedNewFractureComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"timePoint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timePoint"}}},{"kind":"Argument","name":{"kind":"Name","value":"trimming"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trimming"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"covariates"}},{"kind":"Field","name":{"kind":"Name","value":"constantCovariates"}},{"kind":"Field","name":{"kind":"Name","value":"propensityConverged"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"trimming"}},{"kind":"Field","name":{"kind":"Name","value":"trimmingThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"trimmedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"analysed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityConverged"}},{"kind":"Field","name":{"kind":"Name","value":"overlapBinEdges"}},{"kind":"Field","name":{"kind":"Name","value":"overlap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"counts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"nVersus"}},{"kind":"Field","name":{"kind":"Name","value":"unadjusted"}},{"kind":"Field","name":{"kind":"Name","value":"unadjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"unadjustedUpper"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivity"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityLower"}},{"kind":"Field","name":{"kind":"Name","value":"sensitivityUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"covariate"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"smdBefore"}},{"kind":"Field","name":{"kind":"Name","value":"smdAfter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"trimmed"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"ess"}}]}}]}}]}}]} as unknown as DocumentNode<CohortAdjustedNewFractureQuery, CohortAdjustedNewFractureQueryVariables>;
export const CohortTableOneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortTableOne"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characteristicsTable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variable"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"maxAbsSmd"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"sd"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"smd"}}]}}]}}]}}]} as unknown as DocumentNode<CohortTableOneQuery, CohortTableOneQueryVariables>;
export const CohortSurvivalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortSurvival"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"relief"},"name":{"kind":"Name","value":"survival"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"endpoint"},"value":{"kind":"EnumValue","value":"PAIN_RELIEF"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logRankP"}},{"kind":"Field","name":{"kind":"Name","value":"logRankChiSquare"}},{"kind":"Field","name":{"kind":"Name","value":"logRankDf"}},{"kind":"Field","name":{"kind":"Name","value":"curves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"medianLower"}},{"kind":"Field","name":{"kind":"Name","value":"medianUpper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"survival"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"atRisk"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"death"},"name":{"kind":"Name","value":"survival"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}},{"kind":"Argument","name":{"kind":"Name","value":"endpoint"},"value":{"kind":"EnumValue","value":"OVERALL_SURVIVAL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logRankP"}},{"kind":"Field","name":{"kind":"Name","value":"logRankChiSquare"}},{"kind":"Field","name":{"kind":"Name","value":"logRankDf"}},{"kind":"Field","name":{"kind":"Name","value":"curves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"medianLower"}},{"kind":"Field","name":{"kind":"Name","value":"medianUpper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"survival"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"atRisk"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"fracture"},"name":{"kind":"Name","value":"competingRisks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"curves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"atOneYear"}},{"kind":"Field","name":{"kind":"Name","value":"atTwoYears"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"incidence"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"atRisk"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"chiSquare"}},{"kind":"Field","name":{"kind":"Name","value":"df"}},{"kind":"Field","name":{"kind":"Name","value":"p"}}]}}]}}]}}]} as unknown as DocumentNode<CohortSurvivalQuery, CohortSurvivalQueryVariables>;
export const SavedCohortsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SavedCohorts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedCohorts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"ownerId"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<SavedCohortsQuery, SavedCohortsQueryVariables>;
export const RenameSavedCohortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameSavedCohort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSavedCohortInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSavedCohort"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RenameSavedCohortMutation, RenameSavedCohortMutationVariables>;
export const DeleteSavedCohortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSavedCohort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawSavedCohort"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteSavedCohortMutation, DeleteSavedCohortMutationVariables>;
export const SaveCohortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveCohort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveCohortInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCohort"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}}]}}]} as unknown as DocumentNode<SaveCohortMutation, SaveCohortMutationVariables>;
export const CohortNewFracturesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortNewFractures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"byLevel"},"name":{"kind":"Name","value":"newFracturesByLevel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byAdjacency"},"name":{"kind":"Name","value":"newFracturesByAdjacency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"imaging"},"name":{"kind":"Name","value":"imagingRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<CohortNewFracturesQuery, CohortNewFracturesQueryVariables>;
export const CohortRadiographsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CohortRadiographs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TreatmentGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"radiographicFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"grouping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grouping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"lossReference"}},{"kind":"Field","name":{"kind":"Name","value":"lossOfCorrection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kyphoticAngle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"anteriorHeight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<CohortRadiographsQuery, CohortRadiographsQueryVariables>;
export const DataIssuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataIssues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DataIssueFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataIssues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"foundAt"}},{"kind":"Field","name":{"kind":"Name","value":"foundBy"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"tableName"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataIssuesQuery, DataIssuesQueryVariables>;
export const ResolveDataIssueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveDataIssue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveDataIssueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveDataIssue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}}]}}]}}]} as unknown as DocumentNode<ResolveDataIssueMutation, ResolveDataIssueMutationVariables>;
export const OverviewVolumesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewVolumes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treatmentVolumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"bins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cohortSize"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewVolumesQuery, OverviewVolumesQueryVariables>;
export const OverviewTrajectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewTrajectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeTrajectory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"NRS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<OverviewTrajectoryQuery, OverviewTrajectoryQueryVariables>;
export const OverviewRespondersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewResponders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResponderDefinition"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responderRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<OverviewRespondersQuery, OverviewRespondersQueryVariables>;
export const OverviewComplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewComplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complicationRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<OverviewComplicationsQuery, OverviewComplicationsQueryVariables>;
export const OverviewDischargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewDischarge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"treatments"}},{"kind":"Field","name":{"kind":"Name","value":"sameDay"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayRate"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayLower"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayUpper"}},{"kind":"Field","name":{"kind":"Name","value":"meanStay"}},{"kind":"Field","name":{"kind":"Name","value":"medianStay"}},{"kind":"Field","name":{"kind":"Name","value":"q1Stay"}},{"kind":"Field","name":{"kind":"Name","value":"q3Stay"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<OverviewDischargeQuery, OverviewDischargeQueryVariables>;
export const OverviewCompletenessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewCompleteness"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpCompleteness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteCode"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"outstanding"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByPatients"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"}}]}}]}}]} as unknown as DocumentNode<OverviewCompletenessQuery, OverviewCompletenessQueryVariables>;
export const OverviewFunnelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funnelPlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryRate"}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteCode"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"lower95"}},{"kind":"Field","name":{"kind":"Name","value":"upper95"}},{"kind":"Field","name":{"kind":"Name","value":"lower998"}},{"kind":"Field","name":{"kind":"Name","value":"upper998"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewFunnelQuery, OverviewFunnelQueryVariables>;
export const OverviewReadmissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewReadmissions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readmissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"within30"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"within90"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatAugmentation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewReadmissionsQuery, OverviewReadmissionsQueryVariables>;
export const OverviewSitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewSites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OverviewSitesQuery, OverviewSitesQueryVariables>;
export const OverviewHeadlinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewHeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"site"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"registry"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withSite"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"site"},"name":{"kind":"Name","value":"headlineFigures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"site"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withSite"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"registry"},"name":{"kind":"Name","value":"headlineFigures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"registry"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<OverviewHeadlinesQuery, OverviewHeadlinesQueryVariables>;
export const OverviewAdjustedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewAdjusted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CohortFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"month1"},"name":{"kind":"Name","value":"adjustedComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"NRS"}},{"kind":"Argument","name":{"kind":"Name","value":"timePoint"},"value":{"kind":"EnumValue","value":"M1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"means"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"covariate"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"smdBefore"}},{"kind":"Field","name":{"kind":"Name","value":"smdAfter"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"month12"},"name":{"kind":"Name","value":"adjustedComparison"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"NRS"}},{"kind":"Argument","name":{"kind":"Name","value":"timePoint"},"value":{"kind":"EnumValue","value":"M12"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedGroups"}},{"kind":"Field","name":{"kind":"Name","value":"means"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedLower"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedUpper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"covariate"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"versus"}},{"kind":"Field","name":{"kind":"Name","value":"smdBefore"}},{"kind":"Field","name":{"kind":"Name","value":"smdAfter"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewAdjustedQuery, OverviewAdjustedQueryVariables>;
export const DataEntryMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataEntryMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DataEntryMeQuery, DataEntryMeQueryVariables>;
export const PatientListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"ageAtIndexTreatment"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"site"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fractures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"genantGrade"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDay"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestAssessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"nrsActivity"}},{"kind":"Field","name":{"kind":"Name","value":"odi"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatientListQuery, PatientListQueryVariables>;
export const PatientRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"ageAtIndexTreatment"}},{"kind":"Field","name":{"kind":"Name","value":"bmi"}},{"kind":"Field","name":{"kind":"Name","value":"tScore"}},{"kind":"Field","name":{"kind":"Name","value":"steroidUse"}},{"kind":"Field","name":{"kind":"Name","value":"activeCancer"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingChemotherapy"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingRadiotherapy"}},{"kind":"Field","name":{"kind":"Name","value":"asaClass"}},{"kind":"Field","name":{"kind":"Name","value":"consentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnReason"}},{"kind":"Field","name":{"kind":"Name","value":"preFractureMobility"}},{"kind":"Field","name":{"kind":"Name","value":"livingSituation"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalFrailtyScale"}},{"kind":"Field","name":{"kind":"Name","value":"charlsonComorbidityIndex"}},{"kind":"Field","name":{"kind":"Name","value":"dementia"}},{"kind":"Field","name":{"kind":"Name","value":"priorVertebralFractures"}},{"kind":"Field","name":{"kind":"Name","value":"antiOsteoporoticDrug"}},{"kind":"Field","name":{"kind":"Name","value":"antiOsteoporoticStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"antiOsteoporoticStartDay"}},{"kind":"Field","name":{"kind":"Name","value":"dxaDate"}},{"kind":"Field","name":{"kind":"Name","value":"dxaDay"}},{"kind":"Field","name":{"kind":"Name","value":"flsReferral"}},{"kind":"Field","name":{"kind":"Name","value":"vitaminDSupplementation"}},{"kind":"Field","name":{"kind":"Name","value":"painUnderAnalgesia"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedUnderAnalgesia"}},{"kind":"Field","name":{"kind":"Name","value":"deformityProgression"}},{"kind":"Field","name":{"kind":"Name","value":"anticoagulation"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedFrailtyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"ofScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}},{"kind":"Field","name":{"kind":"Name","value":"possibleMin"}},{"kind":"Field","name":{"kind":"Name","value":"possibleMax"}},{"kind":"Field","name":{"kind":"Name","value":"bandSettled"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"site"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fractures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"onsetDate"}},{"kind":"Field","name":{"kind":"Name","value":"onsetDay"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"genantGrade"}},{"kind":"Field","name":{"kind":"Name","value":"heightLossPercent"}},{"kind":"Field","name":{"kind":"Name","value":"morphology"}},{"kind":"Field","name":{"kind":"Name","value":"ofClass"}},{"kind":"Field","name":{"kind":"Name","value":"mriOedema"}},{"kind":"Field","name":{"kind":"Name","value":"posteriorWallInvolved"}},{"kind":"Field","name":{"kind":"Name","value":"neurologicalDeficit"}},{"kind":"Field","name":{"kind":"Name","value":"additionalInjuries"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnReason"}},{"kind":"Field","name":{"kind":"Name","value":"additionalInjuryKinds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDay"}},{"kind":"Field","name":{"kind":"Name","value":"analgesicLevel"}},{"kind":"Field","name":{"kind":"Name","value":"brace"}},{"kind":"Field","name":{"kind":"Name","value":"bedRest"}},{"kind":"Field","name":{"kind":"Name","value":"physiotherapy"}},{"kind":"Field","name":{"kind":"Name","value":"anaesthesia"}},{"kind":"Field","name":{"kind":"Name","value":"approach"}},{"kind":"Field","name":{"kind":"Name","value":"imagingGuidance"}},{"kind":"Field","name":{"kind":"Name","value":"balloonUsed"}},{"kind":"Field","name":{"kind":"Name","value":"heightRestorationPercent"}},{"kind":"Field","name":{"kind":"Name","value":"kyphoticAngleBefore"}},{"kind":"Field","name":{"kind":"Name","value":"kyphoticAngleAfter"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayDischarge"}},{"kind":"Field","name":{"kind":"Name","value":"lengthOfStayDays"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnReason"}},{"kind":"Field","name":{"kind":"Name","value":"dischargeDestination"}},{"kind":"Field","name":{"kind":"Name","value":"readmittedWithin30Days"}},{"kind":"Field","name":{"kind":"Name","value":"readmittedWithin90Days"}},{"kind":"Field","name":{"kind":"Name","value":"fluoroscopyTimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"doseAreaProductGyCm2"}},{"kind":"Field","name":{"kind":"Name","value":"levels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fractureId"}},{"kind":"Field","name":{"kind":"Name","value":"cementType"}},{"kind":"Field","name":{"kind":"Name","value":"cementVolumeMl"}},{"kind":"Field","name":{"kind":"Name","value":"cementFillPercent"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentId"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"visitDate"}},{"kind":"Field","name":{"kind":"Name","value":"visitDay"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nrsRest"}},{"kind":"Field","name":{"kind":"Name","value":"nrsActivity"}},{"kind":"Field","name":{"kind":"Name","value":"odi"}},{"kind":"Field","name":{"kind":"Name","value":"rmdq"}},{"kind":"Field","name":{"kind":"Name","value":"eq5dIndex"}},{"kind":"Field","name":{"kind":"Name","value":"analgesicLevel"}},{"kind":"Field","name":{"kind":"Name","value":"opioidUse"}},{"kind":"Field","name":{"kind":"Name","value":"backToUsualActivities"}},{"kind":"Field","name":{"kind":"Name","value":"physiotherapy"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnReason"}},{"kind":"Field","name":{"kind":"Name","value":"odiItems"}},{"kind":"Field","name":{"kind":"Name","value":"rmdqItems"}},{"kind":"Field","name":{"kind":"Name","value":"eq5dLevels"}},{"kind":"Field","name":{"kind":"Name","value":"eq5dVas"}},{"kind":"Field","name":{"kind":"Name","value":"imagingDone"}},{"kind":"Field","name":{"kind":"Name","value":"anteriorHeightPercent"}},{"kind":"Field","name":{"kind":"Name","value":"middleHeightPercent"}},{"kind":"Field","name":{"kind":"Name","value":"posteriorHeightPercent"}},{"kind":"Field","name":{"kind":"Name","value":"kyphoticAngle"}},{"kind":"Field","name":{"kind":"Name","value":"missedReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"occurredDay"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"symptomatic"}},{"kind":"Field","name":{"kind":"Name","value":"leakageType"}},{"kind":"Field","name":{"kind":"Name","value":"clavienDindo"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnReason"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"detection"}}]}},{"kind":"Field","name":{"kind":"Name","value":"death"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"diedOn"}},{"kind":"Field","name":{"kind":"Name","value":"diedDay"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]}}]} as unknown as DocumentNode<PatientRecordQuery, PatientRecordQueryVariables>;
export const CreatePatientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePatientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPatient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}}]}}]}}]} as unknown as DocumentNode<CreatePatientMutation, CreatePatientMutationVariables>;
export const UpdatePatientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePatientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePatient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdatePatientMutation, UpdatePatientMutationVariables>;
export const WithdrawPatientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawPatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPatient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawPatientMutation, WithdrawPatientMutationVariables>;
export const CreateFractureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFracture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFractureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFracture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateFractureMutation, CreateFractureMutationVariables>;
export const UpdateFractureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFracture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFractureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFracture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateFractureMutation, UpdateFractureMutationVariables>;
export const WithdrawFractureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawFracture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawFracture"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawFractureMutation, WithdrawFractureMutationVariables>;
export const CreateTreatmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTreatment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTreatmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTreatment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateTreatmentMutation, CreateTreatmentMutationVariables>;
export const UpdateTreatmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTreatment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTreatmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTreatment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateTreatmentMutation, UpdateTreatmentMutationVariables>;
export const WithdrawTreatmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawTreatment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawTreatment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawTreatmentMutation, WithdrawTreatmentMutationVariables>;
export const CreateAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAssessmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateAssessmentMutation, CreateAssessmentMutationVariables>;
export const UpdateAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAssessmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateAssessmentMutation, UpdateAssessmentMutationVariables>;
export const WithdrawAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawAssessmentMutation, WithdrawAssessmentMutationVariables>;
export const CreateComplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateComplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateComplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createComplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateComplicationMutation, CreateComplicationMutationVariables>;
export const UpdateComplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateComplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateComplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateComplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateComplicationMutation, UpdateComplicationMutationVariables>;
export const WithdrawComplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawComplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawComplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawComplicationMutation, WithdrawComplicationMutationVariables>;
export const RecordDeathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDeath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordDeathInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDeath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordDeathMutation, RecordDeathMutationVariables>;
export const UpdateDeathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDeath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDeathInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDeath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateDeathMutation, UpdateDeathMutationVariables>;
export const WithdrawDeathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawDeath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawDeath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}}]}}]}}]} as unknown as DocumentNode<WithdrawDeathMutation, WithdrawDeathMutationVariables>;
export const Eq5dValueSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Eq5dValueSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eq5dValueSet"}}]}}]} as unknown as DocumentNode<Eq5dValueSetQuery, Eq5dValueSetQueryVariables>;
export const SimilarPatientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SimilarPatients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SimilarPatientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"similarPatients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}}]}}]}}]} as unknown as DocumentNode<SimilarPatientsQuery, SimilarPatientsQueryVariables>;
export const PatientProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"fractureAgeDays"}},{"kind":"Field","name":{"kind":"Name","value":"genantGrade"}},{"kind":"Field","name":{"kind":"Name","value":"ofClass"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"levelRegion"}},{"kind":"Field","name":{"kind":"Name","value":"baselineNrs"}},{"kind":"Field","name":{"kind":"Name","value":"baselineOdi"}},{"kind":"Field","name":{"kind":"Name","value":"asaClass"}},{"kind":"Field","name":{"kind":"Name","value":"activeCancer"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingCancerTherapy"}},{"kind":"Field","name":{"kind":"Name","value":"preFractureMobility"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ofScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"possibleMin"}},{"kind":"Field","name":{"kind":"Name","value":"possibleMax"}},{"kind":"Field","name":{"kind":"Name","value":"bandSettled"}}]}}]}}]}}]} as unknown as DocumentNode<PatientProfileQuery, PatientProfileQueryVariables>;
export const PatientsLikeThisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientsLikeThis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profile"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientsLikeThis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profile"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profile"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perPath"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"widestStep"}},{"kind":"Field","name":{"kind":"Name","value":"allOfPath"}},{"kind":"Field","name":{"kind":"Name","value":"pain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"belowFour"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"crossover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newFracture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"death"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"symptomaticComplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sameDayDischarge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchedShareFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchedShareFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MatchedShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]} as unknown as DocumentNode<PatientsLikeThisQuery, PatientsLikeThisQueryVariables>;
export const IssueQuestionnaireDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueQuestionnaire"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueQuestionnaireLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueQuestionnaireLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailedAt"}}]}}]}}]}}]} as unknown as DocumentNode<IssueQuestionnaireMutation, IssueQuestionnaireMutationVariables>;
export const AwaitingReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwaitingReview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionnaireInvitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"awaitingReview"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondent"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nrsRest"}},{"kind":"Field","name":{"kind":"Name","value":"nrsActivity"}}]}}]}}]}}]} as unknown as DocumentNode<AwaitingReviewQuery, AwaitingReviewQueryVariables>;
export const ConfirmQuestionnaireDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmQuestionnaire"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmQuestionnaireInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmQuestionnaireAnswers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConfirmQuestionnaireMutation, ConfirmQuestionnaireMutationVariables>;
export const PatientQuestionnairesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientQuestionnaires"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionnaireInvitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentId"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"emailedAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondent"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nrsRest"}},{"kind":"Field","name":{"kind":"Name","value":"nrsActivity"}},{"kind":"Field","name":{"kind":"Name","value":"odiItems"}},{"kind":"Field","name":{"kind":"Name","value":"rmdqItems"}},{"kind":"Field","name":{"kind":"Name","value":"eq5dLevels"}},{"kind":"Field","name":{"kind":"Name","value":"eq5dVas"}}]}}]}}]}}]} as unknown as DocumentNode<PatientQuestionnairesQuery, PatientQuestionnairesQueryVariables>;
export const QuestionnaireEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuestionnaireEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionnaireEmail"}}]}}]} as unknown as DocumentNode<QuestionnaireEmailQuery, QuestionnaireEmailQueryVariables>;
export const WorklistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Worklist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorklistFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorklistSort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"worklist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentId"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentKind"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentDate"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorklistQuery, WorklistQueryVariables>;
export const WorklistCompletenessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorklistCompleteness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpCompleteness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"siteCode"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"outstanding"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"}}]}}]}}]} as unknown as DocumentNode<WorklistCompletenessQuery, WorklistCompletenessQueryVariables>;
export const CallListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorklistFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorklistSort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"worklist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"registryNumber"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentId"}},{"kind":"Field","name":{"kind":"Name","value":"timePoint"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CallListQuery, CallListQueryVariables>;
export const MarkVisitsMissedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkVisitsMissed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkVisitsMissedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markVisitsMissed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MarkVisitsMissedMutation, MarkVisitsMissedMutationVariables>;