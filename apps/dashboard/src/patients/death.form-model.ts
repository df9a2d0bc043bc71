import { DEATH_FIELDS, deathCreateSchema, type DeathFields } from '@vfr/domain';
import { definedBlanks, definedInputs, definedLabels, definedRaws } from '../forms/defined-values';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, textOrNull, type RawValues } from '../forms/form-values';

// The plain values come from their definitions (libs/domain/src/fields/death.fields.ts): their
// labels, blank values and how the form's text becomes the API's input. The notes are written here.

export const deathSchema = deathCreateSchema;

export const DEATH_LABELS: FieldLabels = {
  ...definedLabels(DEATH_FIELDS),
  notes: 'Notes',
  reason: 'Reason for the change',
};

export interface StoredDeath {
  diedOn: string | null;
  cause: string;
  source: string;
  notes: string | null;
}

export function emptyDeath(): RawValues {
  return { ...definedBlanks(DEATH_FIELDS), notes: '', reason: '' };
}

export function deathRaw(d: StoredDeath): RawValues {
  return { ...definedRaws(DEATH_FIELDS, d), notes: rawOf(d.notes), reason: '' };
}

export function deathInput(raw: RawValues, patientId: string): DeathFields {
  return {
    patientId,
    ...definedInputs(DEATH_FIELDS, raw),
    notes: textOrNull(raw.notes),
  } as unknown as DeathFields;
}
