import { patientCreateSchema, type PatientFields } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { numberOrMissing, numberOrNull, rawOf, textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

export const PATIENT_LABELS: FieldLabels = {
  registryNumber: 'Registry number',
  sex: 'Sex',
  birthYear: 'Birth year',
  bmi: 'BMI',
  tScore: 'T-score',
  steroidUse: 'Steroid use',
  activeCancer: 'Active cancer',
  ongoingChemotherapy: 'Ongoing chemotherapy',
  ongoingRadiotherapy: 'Ongoing radiotherapy',
  asaClass: 'ASA class',
  consentStatus: 'Consent',
  'identifiers.mrn': 'MRN',
  'identifiers.familyName': 'Family name',
  'identifiers.givenName': 'Given name',
  'identifiers.dateOfBirth': 'Date of birth',
  mrn: 'MRN',
  familyName: 'Family name',
  givenName: 'Given name',
  dateOfBirth: 'Date of birth',
  reason: 'Reason for the change',
};

export const patientSchema = patientCreateSchema;

export interface StoredPatient {
  registryNumber: string;
  sex: string;
  birthYear: number | null;
  bmi: number | null;
  tScore: number | null;
  steroidUse: boolean;
  activeCancer: boolean;
  ongoingChemotherapy: boolean;
  ongoingRadiotherapy: boolean;
  asaClass: number | null;
  consentStatus: string;
  identifiers?: { mrn: string; familyName: string; givenName: string; dateOfBirth: string } | null;
}

export function emptyPatient(): RawValues {
  return {
    registryNumber: '', sex: '', birthYear: '', bmi: '', tScore: '', asaClass: '', consentStatus: 'PENDING',
    steroidUse: false, activeCancer: false, ongoingChemotherapy: false, ongoingRadiotherapy: false,
    mrn: '', familyName: '', givenName: '', dateOfBirth: '', reason: '',
  };
}

export function patientRaw(p: StoredPatient): RawValues {
  const raw: RawValues = { reason: '' };
  for (const key of Object.keys(emptyPatient())) {
    if (key in p) raw[key] = rawOf((p as unknown as Record<string, unknown>)[key]);
  }
  for (const key of ['mrn', 'familyName', 'givenName', 'dateOfBirth'] as const) raw[key] = p.identifiers?.[key] ?? '';
  return raw;
}

/**
 * The input for createPatient. The identifiers travel together: all four, or none (a patient
 * registered from a pseudonymous source has none).
 */
export function patientInput(raw: RawValues, siteId: string): PatientFields {
  const identifiers = ['mrn', 'familyName', 'givenName', 'dateOfBirth'].some((k) => textOrNull(raw[k]) !== null)
    ? {
        mrn: textOrMissing(raw.mrn),
        familyName: textOrMissing(raw.familyName),
        givenName: textOrMissing(raw.givenName),
        dateOfBirth: textOrMissing(raw.dateOfBirth),
      }
    : null;
  const input: Record<string, unknown> = {
    siteId,
    sex: textOrMissing(raw.sex),
    birthYear: numberOrMissing(raw.birthYear),
    bmi: numberOrNull(raw.bmi),
    tScore: numberOrNull(raw.tScore),
    steroidUse: raw.steroidUse === true,
    activeCancer: raw.activeCancer === true,
    ongoingChemotherapy: raw.ongoingChemotherapy === true,
    ongoingRadiotherapy: raw.ongoingRadiotherapy === true,
    asaClass: numberOrNull(raw.asaClass),
    consentStatus: textOrMissing(raw.consentStatus),
    identifiers,
  };
  // Left blank, the server numbers the patient from the site code.
  const registryNumber = textOrNull(raw.registryNumber);
  if (registryNumber !== null) input.registryNumber = registryNumber;
  return input as unknown as PatientFields;
}

/** What the browser validates: a blank registry number is allowed, the server assigns one. */
export function patientToValidate(input: PatientFields): PatientFields {
  return input.registryNumber === undefined ? { ...input, registryNumber: 'ASSIGNED-BY-SERVER' } : input;
}
