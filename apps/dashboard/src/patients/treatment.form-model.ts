import { treatmentCreateSchema, TreatmentKind, type TreatmentFields } from '@vfr/domain';
import type { FieldErrors, FieldLabels } from '../forms/field-errors';
import { numberOrNull, rawOf, rawTriState, textOrMissing, textOrNull, triState, type RawValues } from '../forms/form-values';

export const treatmentSchema = treatmentCreateSchema;

export const TREATMENT_LABELS: FieldLabels = {
  kind: 'Treatment',
  startDate: 'Start date',
  levels: 'Levels treated',
  analgesicLevel: 'Analgesics',
  brace: 'Brace / orthosis',
  bedRest: 'Bed rest',
  physiotherapy: 'Physiotherapy',
  anaesthesia: 'Anaesthesia',
  approach: 'Approach',
  imagingGuidance: 'Imaging guidance',
  balloonUsed: 'Balloon used',
  heightRestorationPercent: 'Height restoration (%)',
  kyphoticAngleBefore: 'Kyphotic angle before (°)',
  kyphoticAngleAfter: 'Kyphotic angle after (°)',
  durationMinutes: 'Duration (min)',
  sameDayDischarge: 'Same-day discharge',
  lengthOfStayDays: 'Length of stay (days)',
  cementType: 'Cement',
  cementVolumeMl: 'Cement volume (ml)',
  cementFillPercent: 'Cement fill (% of the body)',
  dischargeDestination: 'Discharged to',
  readmittedWithin30Days: 'Readmitted within 30 days',
  readmittedWithin90Days: 'Readmitted within 90 days',
  fluoroscopyTimeSeconds: 'Fluoroscopy time (s)',
  doseAreaProductGyCm2: 'Dose-area product (Gy·cm²)',
  reason: 'Reason for the change',
};

/** Fields that only a procedure has; conservative care leaves them out. */
export const PROCEDURE_FIELDS = [
  'anaesthesia', 'approach', 'imagingGuidance', 'balloonUsed', 'heightRestorationPercent', 'kyphoticAngleBefore', 'kyphoticAngleAfter',
  'durationMinutes', 'fluoroscopyTimeSeconds', 'doseAreaProductGyCm2',
] as const;

/** The hospital stay, asked of every path (a conservatively treated inpatient's stay counts as much as a procedure's). */
export const HOSPITAL_FIELDS = ['sameDayDischarge', 'lengthOfStayDays', 'dischargeDestination', 'readmittedWithin30Days', 'readmittedWithin90Days'] as const;

export interface StoredTreatment {
  kind: string;
  startDate: string | null;
  levels: { fractureId: string; cementType: string | null; cementVolumeMl: number | null; cementFillPercent?: number | null }[];
  [field: string]: unknown;
}

// Per-level inputs are keyed by fracture: "treats.<id>", "cementType.<id>", "cementVolumeMl.<id>".
const key = (field: string, fractureId: string) => `${field}.${fractureId}`;

export function emptyTreatment(fractureIds: readonly string[]): RawValues {
  const raw: RawValues = { kind: '', startDate: '', analgesicLevel: '', brace: '', bedRest: '', physiotherapy: '', reason: '' };
  for (const f of PROCEDURE_FIELDS) raw[f] = '';
  for (const f of HOSPITAL_FIELDS) raw[f] = '';
  // With a single fracture there is nothing to choose.
  if (fractureIds.length === 1) raw[key('treats', fractureIds[0])] = true;
  return raw;
}

export function treatmentRaw(t: StoredTreatment): RawValues {
  const raw: RawValues = { kind: t.kind, startDate: rawOf(t.startDate), reason: '' };
  for (const f of ['analgesicLevel', 'heightRestorationPercent', 'kyphoticAngleBefore', 'kyphoticAngleAfter', 'durationMinutes', 'lengthOfStayDays', 'anaesthesia', 'approach', 'imagingGuidance',
    'dischargeDestination', 'fluoroscopyTimeSeconds', 'doseAreaProductGyCm2']) {
    raw[f] = rawOf(t[f]);
  }
  for (const f of ['brace', 'bedRest', 'physiotherapy', 'balloonUsed', 'sameDayDischarge', 'readmittedWithin30Days', 'readmittedWithin90Days']) raw[f] = rawTriState((t[f] ?? null) as boolean | null);
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
  const kind = textOrMissing(raw.kind);
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
    analgesicLevel: textOrNull(raw.analgesicLevel),
    brace: triState(raw.brace),
    bedRest: triState(raw.bedRest),
    physiotherapy: triState(raw.physiotherapy),
    // Every path.
    sameDayDischarge: triState(raw.sameDayDischarge),
    lengthOfStayDays: numberOrNull(raw.lengthOfStayDays),
    dischargeDestination: textOrNull(raw.dischargeDestination),
    readmittedWithin30Days: triState(raw.readmittedWithin30Days),
    readmittedWithin90Days: triState(raw.readmittedWithin90Days),
  };
  // Hidden procedure inputs of a conservative treatment are not sent (the rules refuse them).
  for (const f of PROCEDURE_FIELDS) input[f] = null;
  if (procedure) {
    input.anaesthesia = textOrNull(raw.anaesthesia);
    input.approach = textOrNull(raw.approach);
    input.imagingGuidance = textOrNull(raw.imagingGuidance);
    // A kyphoplasty uses a balloon by definition: blank means yes.
    input.balloonUsed = triState(raw.balloonUsed) ?? (kind === TreatmentKind.KYPHOPLASTY ? true : null);
    for (const f of ['heightRestorationPercent', 'kyphoticAngleBefore', 'kyphoticAngleAfter', 'durationMinutes', 'fluoroscopyTimeSeconds', 'doseAreaProductGyCm2'] as const) input[f] = numberOrNull(raw[f]);
  }
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
