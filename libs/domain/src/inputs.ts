// The shapes of what a user submits for each entity: the contract shared by the API's GraphQL
// inputs, the dashboard's forms and CSV import. Dates are ISO calendar dates ('YYYY-MM-DD').
import {
  AnalgesicLevel, Anaesthesia, AssessmentStatus, CementType,
  DeathCause, DeathSource, ImagingGuidance,
  ProcedureApproach, Role, TimePoint, TreatmentKind,
} from './enums';
import { DischargeDestination } from './enums';

import type { DefinedFields } from './fields/field-definition';
import type { PATIENT_FIELDS } from './fields/patient.fields';
import type { FRACTURE_FIELDS } from './fields/fracture.fields';
import type { COMPLICATION_FIELDS } from './fields/complication.fields';

export type IsoDate = string;

export interface SiteFields {
  code: string;
  name: string;
}

export interface UserFields {
  email: string;
  displayName: string;
  role: Role;
  siteId?: string | null;
  password?: string;
}

export interface PatientIdentifierFields {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: IsoDate;
}

/** The clinical fields come from their definitions (fields/patient.fields.ts). */
export type PatientFields = {
  siteId: string;
  registryNumber: string;
  birthYear: number;
  identifiers?: PatientIdentifierFields | null;
} & DefinedFields<typeof PATIENT_FIELDS>;

/** The plain values come from their definitions (fields/fracture.fields.ts). */
export type FractureFields = {
  patientId: string;
  additionalInjuries?: string | null;
} & DefinedFields<typeof FRACTURE_FIELDS>;

export interface TreatedLevelFields {
  fractureId: string;
  cementType?: CementType | null;
  cementVolumeMl?: number | null;
  /** Share of the vertebral body the cement filled, 0-100 (procedures only). */
  cementFillPercent?: number | null;
}

export interface TreatmentFields {
  patientId: string;
  kind: TreatmentKind;
  startDate: IsoDate;
  levels: TreatedLevelFields[];
  // conservative care
  analgesicLevel?: AnalgesicLevel | null;
  brace?: boolean | null;
  bedRest?: boolean | null;
  physiotherapy?: boolean | null;
  // procedures
  anaesthesia?: Anaesthesia | null;
  approach?: ProcedureApproach | null;
  imagingGuidance?: ImagingGuidance | null;
  balloonUsed?: boolean | null;
  heightRestorationPercent?: number | null;
  kyphoticAngleBefore?: number | null;
  kyphoticAngleAfter?: number | null;
  durationMinutes?: number | null;
  sameDayDischarge?: boolean | null;
  lengthOfStayDays?: number | null;
  // hospital use (every kind) and radiation (procedures)
  dischargeDestination?: DischargeDestination | null;
  readmittedWithin30Days?: boolean | null;
  readmittedWithin90Days?: boolean | null;
  fluoroscopyTimeSeconds?: number | null;
  doseAreaProductGyCm2?: number | null;
}

export interface AssessmentFields {
  patientId: string;
  treatmentId: string;
  timePoint: TimePoint;
  visitDate?: IsoDate | null;
  status: AssessmentStatus;
  nrsRest?: number | null;
  nrsActivity?: number | null;
  odi?: number | null;
  rmdq?: number | null;
  eq5dIndex?: number | null;
  analgesicLevel?: AnalgesicLevel | null;
  opioidUse?: boolean | null;
  backToUsualActivities?: boolean | null;
  physiotherapy?: boolean | null;
  /** The ten ODI sections, 0-5 each, null for a section not answered. */
  odiItems?: (number | null)[] | null;
  /** The 24 RMDQ statements, true for yes. */
  rmdqItems?: boolean[] | null;
  /** The five EQ-5D-5L levels (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), 1-5 each. */
  eq5dLevels?: number[] | null;
  /** EQ VAS, 0-100. */
  eq5dVas?: number | null;
  /** Whether spine imaging (radiograph, CT or MRI) was done at the visit. */
  imagingDone?: boolean | null;
  /** Radiographic follow-up of the index level: heights in percent of the adjacent normal vertebra, 0-120. */
  anteriorHeightPercent?: number | null;
  middleHeightPercent?: number | null;
  posteriorHeightPercent?: number | null;
  /** Kyphotic angle in degrees, as the treatment's kyphoticAngleBefore and After. */
  kyphoticAngle?: number | null;
}

/** The plain values come from their definitions (fields/complication.fields.ts). */
export type ComplicationFields = {
  patientId: string;
  treatmentId?: string | null;
  notes?: string | null;
} & DefinedFields<typeof COMPLICATION_FIELDS>;

export interface DeathFields {
  patientId: string;
  diedOn: IsoDate;
  cause: DeathCause;
  source: DeathSource;
  notes?: string | null;
}
