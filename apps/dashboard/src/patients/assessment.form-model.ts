import { assessmentCreateSchema, AssessmentStatus, eq5d5lIndex, Eq5dValueSet, odiScore, type AssessmentFields } from '@vfr/domain';
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
  eq5dVas: 'EQ VAS (0-100)',
  analgesicLevel: 'Analgesics',
  opioidUse: 'Opioid use',
  backToUsualActivities: 'Back to usual activities',
  physiotherapy: 'Physiotherapy',
  imagingDone: 'Spine imaging done',
  reason: 'Reason for the change',
  anteriorHeightPercent: 'Anterior height (%)',
  middleHeightPercent: 'Middle height (%)',
  posteriorHeightPercent: 'Posterior height (%)',
  kyphoticAngle: 'Kyphotic angle (°)',
};

/** Radiographic follow-up of the index level (optional, on a visit that was done). */
export const RADIOGRAPH_FIELDS = ['anteriorHeightPercent', 'middleHeightPercent', 'posteriorHeightPercent', 'kyphoticAngle'] as const;

// The questionnaires' shapes; their sections and statements are in questionnaires.ts (fetched as questionnaires.json).
const ODI_SECTIONS = Array.from({ length: 10 });
const EQ5D_DIMENSIONS = Array.from({ length: 5 });

export const RMDQ_ITEMS = 24;
const RMDQ_STATEMENTS = Array.from({ length: RMDQ_ITEMS });

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
  odiItems?: (number | null)[] | null;
  rmdqItems?: boolean[] | null;
  eq5dLevels?: number[] | null;
  eq5dVas?: number | null;
  imagingDone?: boolean | null;
  anteriorHeightPercent?: number | null;
  middleHeightPercent?: number | null;
  posteriorHeightPercent?: number | null;
  kyphoticAngle?: number | null;
}

export function emptyAssessment(treatmentId = '', timePoint = ''): RawValues {
  const raw: RawValues = {
    treatmentId, timePoint, visitDate: '', status: AssessmentStatus.DONE, nrsRest: '', nrsActivity: '', odi: '', rmdq: '', eq5dIndex: '',
    analgesicLevel: '', opioidUse: '', backToUsualActivities: '', physiotherapy: '', reason: '', eq5dVas: '', rmdqAnswered: false,
    imagingDone: '',
  };
  ODI_SECTIONS.forEach((_, i) => (raw[`odi.${i}`] = ''));
  EQ5D_DIMENSIONS.forEach((_, i) => (raw[`eq5d.${i}`] = ''));
  RMDQ_STATEMENTS.forEach((_, i) => (raw[`rmdq.${i}`] = false));
  for (const f of RADIOGRAPH_FIELDS) raw[f] = '';
  return raw;
}

export function assessmentRaw(a: StoredAssessment): RawValues {
  const raw = emptyAssessment(a.treatmentId, a.timePoint);
  for (const f of ['visitDate', 'status', 'nrsRest', 'nrsActivity', 'odi', 'rmdq', 'eq5dIndex', 'analgesicLevel'] as const) raw[f] = rawOf(a[f]);
  for (const f of ['opioidUse', 'backToUsualActivities', 'physiotherapy'] as const) raw[f] = rawTriState(a[f]);
  raw.eq5dVas = rawOf(a.eq5dVas ?? null);
  raw.imagingDone = rawTriState(a.imagingDone ?? null);
  for (const f of RADIOGRAPH_FIELDS) raw[f] = rawOf(a[f] ?? null);
  a.odiItems?.forEach((v, i) => (raw[`odi.${i}`] = rawOf(v)));
  a.eq5dLevels?.forEach((v, i) => (raw[`eq5d.${i}`] = rawOf(v)));
  raw.rmdqAnswered = !!a.rmdqItems;
  a.rmdqItems?.forEach((v, i) => (raw[`rmdq.${i}`] = v));
  // A score computed from items is shown from them; the total field is for a score entered alone.
  if (a.odiItems) raw.odi = '';
  if (a.eq5dLevels) raw.eq5dIndex = '';
  if (a.rmdqItems) raw.rmdq = '';
  return raw;
}

/** The ten answers as the API takes them (null: not answered), or undefined when none is given. */
export function odiItemsOf(raw: RawValues): (number | string | null)[] | undefined {
  const answers = ODI_SECTIONS.map((_, i) => numberOrNull(raw[`odi.${i}`]));
  return answers.every((a) => a === null) ? undefined : answers;
}

/**
 * The ODI from the questionnaire's answers, when any were given (the registry computes the same
 * on saving): null while more than two sections are unanswered (not scored then), undefined when
 * none were.
 */
export function odiFromAnswers(raw: RawValues): number | null | undefined {
  const answers = odiItemsOf(raw);
  if (!answers) return undefined;
  if (answers.some((a) => typeof a === 'string' || (typeof a === 'number' && (!Number.isInteger(a) || a < 0 || a > 5)))) return null;
  return odiScore(answers as (number | null)[]);
}

export function eq5dLevelsOf(raw: RawValues): (number | string | null)[] | undefined {
  const levels = EQ5D_DIMENSIONS.map((_, i) => numberOrNull(raw[`eq5d.${i}`]));
  return levels.every((l) => l === null) ? undefined : levels;
}

/** The EQ-5D-5L index from the five levels with the registry's value set, once all five are given. */
export function eq5dFromLevels(raw: RawValues, valueSet: Eq5dValueSet = Eq5dValueSet.ENGLAND): number | null | undefined {
  const levels = eq5dLevelsOf(raw);
  if (!levels) return undefined;
  if (levels.some((l) => typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > 5)) return null;
  return eq5d5lIndex(levels as number[], valueSet);
}

/** The 24 statements when the RMDQ was filled in, else undefined. */
export function rmdqItemsOf(raw: RawValues): boolean[] | undefined {
  return raw.rmdqAnswered === true ? RMDQ_STATEMENTS.map((_, i) => raw[`rmdq.${i}`] === true) : undefined;
}

export function assessmentInput(raw: RawValues, patientId: string): AssessmentFields {
  const done = raw.status === AssessmentStatus.DONE;
  // A missed or withdrawn visit carries no scores: the rules refuse them.
  const score = <T,>(value: T | null | undefined): T | null => (done ? (value ?? null) : null);
  // Items go to the registry, which computes their scores; a score field is sent only without items.
  const odiItems = odiItemsOf(raw);
  const eq5dLevels = eq5dLevelsOf(raw);
  const rmdqItems = rmdqItemsOf(raw);
  return {
    patientId,
    treatmentId: textOrMissing(raw.treatmentId),
    timePoint: textOrMissing(raw.timePoint),
    visitDate: textOrNull(raw.visitDate),
    status: textOrMissing(raw.status),
    nrsRest: score(numberOrNull(raw.nrsRest)),
    nrsActivity: score(numberOrNull(raw.nrsActivity)),
    odi: score(odiItems ? null : numberOrNull(raw.odi)),
    rmdq: score(rmdqItems ? null : numberOrNull(raw.rmdq)),
    eq5dIndex: score(eq5dLevels ? null : numberOrNull(raw.eq5dIndex)),
    odiItems: score(odiItems ?? null),
    rmdqItems: score(rmdqItems ?? null),
    eq5dLevels: score(eq5dLevels ?? null),
    eq5dVas: score(numberOrNull(raw.eq5dVas)),
    analgesicLevel: done ? textOrNull(raw.analgesicLevel) : null,
    opioidUse: done ? triState(raw.opioidUse) : null,
    backToUsualActivities: done ? triState(raw.backToUsualActivities) : null,
    physiotherapy: done ? triState(raw.physiotherapy) : null,
    imagingDone: done ? triState(raw.imagingDone) : null,
    ...Object.fromEntries(RADIOGRAPH_FIELDS.map((f) => [f, score(numberOrNull(raw[f]))])),
  } as unknown as AssessmentFields;
}
