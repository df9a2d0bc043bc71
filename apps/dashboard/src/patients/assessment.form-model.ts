import { assessmentCreateSchema, AssessmentStatus, eq5d5lIndexEngland, odiScore, type AssessmentFields } from '@vfr/domain';
import type { FieldLabels } from '../forms/field-errors';
import { numberOrNull, rawOf, rawTriState, textOrMissing, textOrNull, triState, type RawValues } from '../forms/form-values';

export const assessmentSchema = assessmentCreateSchema;

export const ASSESSMENT_LABELS: FieldLabels = {
  treatmentId: 'Index treatment',
  timePoint: 'Time point',
  visitDate: 'Visit date',
  status: 'Status',
  nrsRest: 'Pain at rest (NRS 0-10)',
  nrsActivity: 'Pain on activity (NRS 0-10)',
  odi: 'ODI (0-100)',
  rmdq: 'RMDQ (0-24)',
  eq5dIndex: 'EQ-5D-5L index',
  analgesicLevel: 'Analgesics',
  opioidUse: 'Opioid use',
  backToUsualActivities: 'Back to usual activities',
  physiotherapy: 'Physiotherapy',
  reason: 'Reason for the change',
};

export const ODI_SECTIONS = [
  'Pain intensity', 'Personal care', 'Lifting', 'Walking', 'Sitting', 'Standing', 'Sleeping', 'Sex life', 'Social life', 'Travelling',
] as const;

export const EQ5D_DIMENSIONS = ['Mobility', 'Self-care', 'Usual activities', 'Pain / discomfort', 'Anxiety / depression'] as const;

export interface StoredAssessment {
  treatmentId: string;
  timePoint: string;
  visitDate: string | null;
  status: string;
  nrsRest: number | null;
  nrsActivity: number | null;
  odi: number | null;
  rmdq: number | null;
  eq5dIndex: number | null;
  analgesicLevel: string | null;
  opioidUse: boolean | null;
  backToUsualActivities: boolean | null;
  physiotherapy: boolean | null;
}

export function emptyAssessment(treatmentId = '', timePoint = ''): RawValues {
  const raw: RawValues = {
    treatmentId, timePoint, visitDate: '', status: AssessmentStatus.DONE, nrsRest: '', nrsActivity: '', odi: '', rmdq: '', eq5dIndex: '',
    analgesicLevel: '', opioidUse: '', backToUsualActivities: '', physiotherapy: '', reason: '',
  };
  ODI_SECTIONS.forEach((_, i) => (raw[`odi.${i}`] = ''));
  EQ5D_DIMENSIONS.forEach((_, i) => (raw[`eq5d.${i}`] = ''));
  return raw;
}

export function assessmentRaw(a: StoredAssessment): RawValues {
  const raw = emptyAssessment(a.treatmentId, a.timePoint);
  for (const f of ['visitDate', 'status', 'nrsRest', 'nrsActivity', 'odi', 'rmdq', 'eq5dIndex', 'analgesicLevel'] as const) raw[f] = rawOf(a[f]);
  for (const f of ['opioidUse', 'backToUsualActivities', 'physiotherapy'] as const) raw[f] = rawTriState(a[f]);
  return raw;
}

/**
 * The ODI from the questionnaire's ten answers, when any were given: null while fewer than eight
 * are answered (the instrument is not scored then), undefined when none were.
 */
export function odiFromAnswers(raw: RawValues): number | null | undefined {
  const answers = ODI_SECTIONS.map((_, i) => numberOrNull(raw[`odi.${i}`]));
  if (answers.every((a) => a === null)) return undefined;
  if (answers.some((a) => typeof a === 'string' || (typeof a === 'number' && (!Number.isInteger(a) || a < 0 || a > 5)))) return null;
  return odiScore(answers as (number | null)[]);
}

/** The EQ-5D-5L index (England value set) from the five levels, once all five are given. */
export function eq5dFromLevels(raw: RawValues): number | null | undefined {
  const levels = EQ5D_DIMENSIONS.map((_, i) => numberOrNull(raw[`eq5d.${i}`]));
  if (levels.every((l) => l === null)) return undefined;
  if (levels.some((l) => typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > 5)) return null;
  return eq5d5lIndexEngland(levels as number[]);
}

export function assessmentInput(raw: RawValues, patientId: string): AssessmentFields {
  const done = raw.status === AssessmentStatus.DONE;
  // A missed or withdrawn visit carries no scores: the rules refuse them.
  const score = (value: number | string | null | undefined) => (done ? (value ?? null) : null);
  const odi = odiFromAnswers(raw);
  const eq5d = eq5dFromLevels(raw);
  return {
    patientId,
    treatmentId: textOrMissing(raw.treatmentId),
    timePoint: textOrMissing(raw.timePoint),
    visitDate: textOrNull(raw.visitDate),
    status: textOrMissing(raw.status),
    nrsRest: score(numberOrNull(raw.nrsRest)),
    nrsActivity: score(numberOrNull(raw.nrsActivity)),
    odi: score(odi === undefined ? numberOrNull(raw.odi) : odi),
    rmdq: score(numberOrNull(raw.rmdq)),
    eq5dIndex: score(eq5d === undefined ? numberOrNull(raw.eq5dIndex) : eq5d),
    analgesicLevel: done ? textOrNull(raw.analgesicLevel) : null,
    opioidUse: done ? triState(raw.opioidUse) : null,
    backToUsualActivities: done ? triState(raw.backToUsualActivities) : null,
    physiotherapy: done ? triState(raw.physiotherapy) : null,
  } as unknown as AssessmentFields;
}
