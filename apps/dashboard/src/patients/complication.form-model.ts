import { COMPLICATION_FIELDS, complicationCreateSchema, type ComplicationFields, NEW_FRACTURE_KINDS, z } from '@vfr/domain';
import { definedBlanks, definedInputs, definedLabels, definedRaws } from '../forms/defined-values';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, textOrNull, type RawValues } from '../forms/form-values';

// The plain values come from their definitions (libs/domain/src/fields/complication.fields.ts):
// their labels, blank values and how the form's text becomes the API's input. The treatment it
// followed and the notes are written here.

/**
 * The API and the import keep a new fracture's level and detection optional, for the rows and
 * files from before them; the form asks for both, so that every fracture entered here has them.
 */
export const complicationSchema = complicationCreateSchema.check(
  z.superRefine((v, ctx) => {
    if (!NEW_FRACTURE_KINDS.includes(v.kind)) return;
    for (const [field, what] of [
      ['level', 'level (T1-L5)'],
      ['detection', 'detection (clinical, scheduled imaging or incidental)'],
    ] as const) {
      if (v[field] == null) ctx.addIssue({ code: 'custom', path: [field], message: `${what} is required for a new fracture`, params: { rule: 'required' } });
    }
  }),
);

export const COMPLICATION_LABELS: FieldLabels = {
  treatmentId: 'Treatment',
  ...definedLabels(COMPLICATION_FIELDS),
  notes: 'Notes',
  reason: 'Reason for the change',
};

export type StoredComplication = {
  treatmentId: string | null;
  kind: string;
  notes: string | null;
  [field: string]: unknown;
};

export function emptyComplication(treatmentId = ''): RawValues {
  return { treatmentId, ...definedBlanks(COMPLICATION_FIELDS), notes: '', reason: '' };
}

export function complicationRaw(c: StoredComplication): RawValues {
  return { treatmentId: rawOf(c.treatmentId), ...definedRaws(COMPLICATION_FIELDS, c), notes: rawOf(c.notes), reason: '' };
}

export function complicationInput(raw: RawValues, patientId: string): ComplicationFields {
  return {
    patientId,
    treatmentId: textOrNull(raw.treatmentId),
    ...definedInputs(COMPLICATION_FIELDS, raw),
    notes: textOrNull(raw.notes),
  } as unknown as ComplicationFields;
}
