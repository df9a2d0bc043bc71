import { FRACTURE_FIELDS, fractureCreateSchema, type FractureFields } from '@vfr/domain';
import { definedBlanks, definedInputs, definedLabels, definedRaws } from '../forms/defined-values';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, textOrNull, type RawValues } from '../forms/form-values';

// The plain values come from their definitions (libs/domain/src/fields/fracture.fields.ts): their
// labels, blank values and how the form's text becomes the API's input. The free text of the
// additional injuries is written here.

export const fractureSchema = fractureCreateSchema;

export const FRACTURE_LABELS: FieldLabels = {
  ...definedLabels(FRACTURE_FIELDS),
  additionalInjuries: 'Additional injuries, details',
  reason: 'Reason for the change',
};

export type StoredFracture = {
  level: string;
  onsetDate: string | null;
  additionalInjuries: string | null;
  additionalInjuryKinds?: readonly string[] | null;
  [field: string]: unknown;
};

export function emptyFracture(): RawValues {
  return { ...definedBlanks(FRACTURE_FIELDS), additionalInjuries: '', reason: '' };
}

export function fractureRaw(f: StoredFracture): RawValues {
  return { ...definedRaws(FRACTURE_FIELDS, f), additionalInjuries: rawOf(f.additionalInjuries), reason: '' };
}

export function fractureInput(raw: RawValues, patientId: string): FractureFields {
  return { patientId, ...definedInputs(FRACTURE_FIELDS, raw), additionalInjuries: textOrNull(raw.additionalInjuries) } as unknown as FractureFields;
}
