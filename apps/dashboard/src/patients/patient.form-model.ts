import { PATIENT_FIELDS, patientCreateSchema, type FieldDefinition, type PatientFields } from '@vfr/domain';
import { definedBlank, definedInput, definedRaw } from '../forms/defined-values';
import type { FieldErrors, FieldLabels } from '../forms/field-errors';
import { numberOrMissing, rawOf, textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

// The clinical fields come from their definitions (libs/domain/src/fields/patient.fields.ts): their
// labels, their blank values and how the form's text becomes the API's input.
const DEFINED = Object.entries(PATIENT_FIELDS) as [string, FieldDefinition][];

export const PATIENT_LABELS: FieldLabels = {
  registryNumber: 'Registry number',
  birthYear: 'Birth year',
  ...Object.fromEntries(DEFINED.map(([name, def]) => [name, def.label])),
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
  [baseline: string]: unknown;
  identifiers?: { mrn: string; familyName: string; givenName: string; dateOfBirth: string } | null;
}

export function emptyPatient(): RawValues {
  return {
    registryNumber: '',
    birthYear: '',
    ...Object.fromEntries(DEFINED.map(([name, def]) => [name, definedBlank(def)])),
    mrn: '',
    familyName: '',
    givenName: '',
    dateOfBirth: '',
    reason: '',
  };
}

export function patientRaw(p: StoredPatient): RawValues {
  const raw: RawValues = { reason: '' };
  for (const key of Object.keys(emptyPatient())) {
    const value = (p as unknown as Record<string, unknown>)[key];
    const def = (PATIENT_FIELDS as Record<string, FieldDefinition>)[key];
    if (key in p) raw[key] = def ? definedRaw(def, value) : rawOf(value);
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
    birthYear: numberOrMissing(raw.birthYear),
    ...Object.fromEntries(DEFINED.map(([name, def]) => [name, definedInput(def, raw[name])])),
    identifiers,
  };
  // Left blank, the server numbers the patient from the site code.
  const registryNumber = textOrNull(raw.registryNumber);
  if (registryNumber !== null) input.registryNumber = registryNumber;
  return input as unknown as PatientFields;
}

/** Identifier messages come back as "identifiers.mrn"; the inputs are named "mrn". */
export function placeIdentifierErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([f, m]) => [f.replace(/^identifiers\./, ''), m]));
}

/** The identifiers a look-up of similar patients needs, once all three are given. */
export function similarQuery(raw: RawValues, siteId: string): { siteId: string; familyName: string; givenName: string; dateOfBirth: string } | null {
  const familyName = textOrNull(raw.familyName);
  const givenName = textOrNull(raw.givenName);
  const dateOfBirth = textOrNull(raw.dateOfBirth);
  if (!siteId || !familyName || !givenName || !dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  return { siteId, familyName, givenName, dateOfBirth };
}

/** What the browser validates: a blank registry number is allowed, the server assigns one. */
export function patientToValidate(input: PatientFields): PatientFields {
  return input.registryNumber === undefined ? { ...input, registryNumber: 'ASSIGNED-BY-SERVER' } : input;
}
