import { complicationCreateSchema, type ComplicationFields, NEW_FRACTURE_KINDS } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, rawTriState, textOrMissing, textOrNull, triState, type RawValues } from '../forms/form-values';

/**
 * The API and the import keep a new fracture's level and detection optional, for the rows and
 * files from before them; the form asks for both, so that every fracture entered here has them.
 */
export const complicationSchema = complicationCreateSchema.superRefine((v, ctx) => {
  if (!NEW_FRACTURE_KINDS.includes(v.kind)) return;
  for (const [field, what] of [['level', 'level (T1-L5)'], ['detection', 'detection (clinical, scheduled imaging or incidental)']] as const) {
    if (v[field] == null) ctx.addIssue({ code: 'custom', path: [field], message: `${what} is required for a new fracture`, params: { rule: 'required' } });
  }
});

export const COMPLICATION_LABELS: FieldLabels = {
  treatmentId: 'Treatment',
  occurredOn: 'Date',
  kind: 'Kind',
  symptomatic: 'Symptomatic',
  leakageType: 'Leakage type',
  clavienDindo: 'Clavien-Dindo grade',
  resolved: 'Resolved',
  notes: 'Notes',
  level: 'Level of the new fracture',
  detection: 'How it was found',
  reason: 'Reason for the change',
};

export interface StoredComplication {
  treatmentId: string | null;
  occurredOn: string | null;
  kind: string;
  symptomatic: boolean | null;
  leakageType: string | null;
  clavienDindo: string | null;
  resolved: boolean;
  notes: string | null;
  level?: string | null;
  detection?: string | null;
}

export function emptyComplication(treatmentId = ''): RawValues {
  return { treatmentId, occurredOn: '', kind: '', symptomatic: '', leakageType: '', clavienDindo: '', resolved: false, notes: '', level: '', detection: '', reason: '' };
}

export function complicationRaw(c: StoredComplication): RawValues {
  return {
    treatmentId: rawOf(c.treatmentId), occurredOn: rawOf(c.occurredOn), kind: c.kind, symptomatic: rawTriState(c.symptomatic),
    leakageType: rawOf(c.leakageType), clavienDindo: rawOf(c.clavienDindo), resolved: c.resolved, notes: rawOf(c.notes), level: rawOf(c.level ?? null), detection: rawOf(c.detection ?? null), reason: '',
  };
}

export function complicationInput(raw: RawValues, patientId: string): ComplicationFields {
  return {
    patientId,
    treatmentId: textOrNull(raw.treatmentId),
    occurredOn: textOrMissing(raw.occurredOn),
    kind: textOrMissing(raw.kind),
    symptomatic: triState(raw.symptomatic),
    leakageType: textOrNull(raw.leakageType),
    clavienDindo: textOrNull(raw.clavienDindo),
    resolved: raw.resolved === true,
    notes: textOrNull(raw.notes),
    level: textOrNull(raw.level),
    detection: textOrNull(raw.detection),
  } as unknown as ComplicationFields;
}
