// The shapes of what a user submits for each entity: the contract shared by the API's GraphQL
// inputs, the dashboard's forms and CSV import. Dates are ISO calendar dates ('YYYY-MM-DD').
import { AssessmentStatus, CementType, Role, TimePoint, TreatmentKind } from './enums';

import type { DefinedFields } from './fields/field-definition';
import type { PATIENT_FIELDS } from './fields/patient.fields';
import type { FRACTURE_FIELDS } from './fields/fracture.fields';
import type { COMPLICATION_FIELDS } from './fields/complication.fields';
import type { TREATMENT_FIELDS } from './fields/treatment.fields';
import type { ASSESSMENT_FIELDS } from './fields/assessment.fields';
import type { DEATH_FIELDS } from './fields/death.fields';

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

/** The plain values come from their definitions (fields/treatment.fields.ts). */
export type TreatmentFields = {
  patientId: string;
  kind: TreatmentKind;
  startDate: IsoDate;
  levels: TreatedLevelFields[];
} & DefinedFields<typeof TREATMENT_FIELDS>;

/** The plain values (scores, care, imaging, radiographs) come from their definitions (fields/assessment.fields.ts). */
export type AssessmentFields = {
  patientId: string;
  treatmentId: string;
  timePoint: TimePoint;
  visitDate?: IsoDate | null;
  status: AssessmentStatus;
  /** The ten ODI sections, 0-5 each, null for a section not answered. */
  odiItems?: (number | null)[] | null;
  /** The 24 RMDQ statements, true for yes. */
  rmdqItems?: boolean[] | null;
  /** The five EQ-5D-5L levels (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), 1-5 each. */
  eq5dLevels?: number[] | null;
} & DefinedFields<typeof ASSESSMENT_FIELDS>;

/** The plain values come from their definitions (fields/complication.fields.ts). */
export type ComplicationFields = {
  patientId: string;
  treatmentId?: string | null;
  notes?: string | null;
} & DefinedFields<typeof COMPLICATION_FIELDS>;

/** The plain values come from their definitions (fields/death.fields.ts). */
export type DeathFields = {
  patientId: string;
  notes?: string | null;
} & DefinedFields<typeof DEATH_FIELDS>;
