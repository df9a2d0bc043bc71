import { TREATMENT_FIELDS, treatmentCreateSchema, TreatmentKind, type TreatmentFieldName, type TreatmentFields } from '@vfr/domain';
import { definedBlanks, definedInputs, definedLabels, definedRaws } from '../forms/defined-values';
import type { FieldErrors, FieldLabels } from '../forms/field-errors';
import { numberOrNull, rawOf, textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

// The plain values come from their definitions (libs/domain/src/fields/treatment.fields.ts): their
// labels, blank values and how the form's text becomes the API's input. The kind, the start and the
// treated levels with their cement are the form's own.

export const treatmentSchema = treatmentCreateSchema;

export const TREATMENT_LABELS: FieldLabels = {
  kind: 'Treatment',
  startDate: 'Start date',
  levels: 'Levels treated',
  ...definedLabels(TREATMENT_FIELDS),
  cementType: 'Cement',
  cementVolumeMl: 'Cement volume (ml)',
  cementFillPercent: 'Cement fill (% of the body)',
  reason: 'Reason for the change',
};

/** Conservative care's own fields, shown for conservative care. */
export const CONSERVATIVE_FIELDS = ['brace', 'bedRest', 'physiotherapy'] as const satisfies readonly TreatmentFieldName[];

/** Fields the form asks of a procedure only; for conservative care it sends none of them (the rules refuse most). */
export const PROCEDURE_FIELDS = [
  'anaesthesia',
  'approach',
  'imagingGuidance',
  'balloonUsed',
  'heightRestorationPercent',
  'kyphoticAngleBefore',
  'kyphoticAngleAfter',
  'durationMinutes',
  'fluoroscopyTimeSeconds',
  'doseAreaProductGyCm2',
] as const satisfies readonly TreatmentFieldName[];

export interface StoredTreatment {
  kind: string;
  startDate: string | null;
  levels: { fractureId: string; cementType: string | null; cementVolumeMl: number | null; cementFillPercent?: number | null }[];
  [field: string]: unknown;
}

// Per-level inputs are keyed by fracture: "treats.<id>", "cementType.<id>", "cementVolumeMl.<id>".
const key = (field: string, fractureId: string) => `${field}.${fractureId}`;

export function emptyTreatment(fractureIds: readonly string[]): RawValues {
  const raw: RawValues = { kind: '', startDate: '', ...definedBlanks(TREATMENT_FIELDS), reason: '' };
  // With a single fracture there is nothing to choose.
  if (fractureIds.length === 1) raw[key('treats', fractureIds[0])] = true;
  return raw;
}

export function treatmentRaw(t: StoredTreatment): RawValues {
  const raw: RawValues = { kind: t.kind, startDate: rawOf(t.startDate), ...definedRaws(TREATMENT_FIELDS, t), reason: '' };
  for (const l of t.levels) {
    raw[key('treats', l.fractureId)] = true;
    raw[key('cementType', l.fractureId)] = rawOf(l.cementType);
    raw[key('cementVolumeMl', l.fractureId)] = rawOf(l.cementVolumeMl);
    raw[key('cementFillPercent', l.fractureId)] = rawOf(l.cementFillPercent ?? null);
  }
  return raw;
}

/** The fractures ticked as treated, in the order the patient's fractures are listed. */
export function treatedFractures(raw: RawValues, fractureIds: readonly string[]): string[] {
  return fractureIds.filter((id) => raw[key('treats', id)] === true);
}

export function treatmentInput(raw: RawValues, patientId: string, fractureIds: readonly string[]): TreatmentFields {
  const kind = textOrMissing(raw.kind) as TreatmentKind | undefined;
  const procedure = kind !== undefined && kind !== TreatmentKind.CONSERVATIVE;
  const input: Record<string, unknown> = {
    patientId,
    kind,
    startDate: textOrMissing(raw.startDate),
    levels: treatedFractures(raw, fractureIds).map((fractureId) => ({
      fractureId,
      cementType: procedure ? textOrNull(raw[key('cementType', fractureId)]) : null,
      cementVolumeMl: procedure ? numberOrNull(raw[key('cementVolumeMl', fractureId)]) : null,
      cementFillPercent: procedure ? numberOrNull(raw[key('cementFillPercent', fractureId)]) : null,
    })),
    ...definedInputs(TREATMENT_FIELDS, raw),
  };
  // Hidden procedure inputs of a conservative treatment are not sent (the rules refuse them).
  if (!procedure) for (const f of PROCEDURE_FIELDS) input[f] = null;
  // A kyphoplasty uses a balloon by definition: blank means yes.
  else input.balloonUsed ??= kind === TreatmentKind.KYPHOPLASTY ? true : null;
  return input as unknown as TreatmentFields;
}

/** "levels.1.cementVolumeMl" names the second ticked fracture: place it beside that fracture's input. */
export function placeLevelErrors(errors: FieldErrors, raw: RawValues, fractureIds: readonly string[]): FieldErrors {
  const ticked = treatedFractures(raw, fractureIds);
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const m = /^levels\.(\d+)\.(\w+)$/.exec(field);
    const fractureId = m ? ticked[Number(m[1])] : undefined;
    out[m && fractureId ? key(m[2] === 'fractureId' ? 'treats' : m[2], fractureId) : field] ??= message;
  }
  return out;
}
