import { complicationCreateSchema, type ComplicationFields } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { rawOf, rawTriState, textOrMissing, textOrNull, triState, type RawValues } from '../forms/form-values';

export const complicationSchema = complicationCreateSchema;

export const COMPLICATION_LABELS: FieldLabels = {
  treatmentId: 'Treatment',
  occurredOn: 'Date',
  kind: 'Kind',
  symptomatic: 'Symptomatic',
  leakageType: 'Leakage type',
  clavienDindo: 'Clavien-Dindo grade',
  resolved: 'Resolved',
  notes: 'Notes',
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
}

export function emptyComplication(treatmentId = ''): RawValues {
  return { treatmentId, occurredOn: '', kind: '', symptomatic: '', leakageType: '', clavienDindo: '', resolved: false, notes: '', reason: '' };
}

export function complicationRaw(c: StoredComplication): RawValues {
  return {
    treatmentId: rawOf(c.treatmentId), occurredOn: rawOf(c.occurredOn), kind: c.kind, symptomatic: rawTriState(c.symptomatic),
    leakageType: rawOf(c.leakageType), clavienDindo: rawOf(c.clavienDindo), resolved: c.resolved, notes: rawOf(c.notes), reason: '',
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
  } as unknown as ComplicationFields;
}
