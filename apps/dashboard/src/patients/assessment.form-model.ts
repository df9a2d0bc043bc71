import {
  ASSESSMENT_FIELDS,
  assessmentCreateSchema,
  AssessmentStatus,
  eq5d5lIndex,
  Eq5dValueSet,
  odiScore,
  type AssessmentFieldName,
  type AssessmentFields,
} from '@vfr/domain';
import { definedBlanks, definedInputs, definedLabels, definedRaws } from '../forms/defined-values';
import type { FieldLabels } from '../forms/field-errors';
import { numberOrNull, rawOf, textOrMissing, textOrNull, type RawValues } from '../forms/form-values';

// The plain values (scores, care, imaging, radiographs) come from their definitions
// (libs/domain/src/fields/assessment.fields.ts): their labels, blank values and how the form's text
// becomes the API's input. The time point, date and status and the questionnaires' answers are the
// form's own.

export const assessmentSchema = assessmentCreateSchema;

export const ASSESSMENT_LABELS: FieldLabels = {
  treatmentId: 'Index treatment',
  timePoint: 'Time point',
  visitDate: 'Visit date',
  status: 'Status',
  ...definedLabels(ASSESSMENT_FIELDS),
  reason: 'Reason for the change',
};

/** Care since the last visit and imaging at it. */
export const CARE_FIELDS = [
  'analgesicLevel',
  'opioidUse',
  'backToUsualActivities',
  'physiotherapy',
  'imagingDone',
] as const satisfies readonly AssessmentFieldName[];

/** Radiographic follow-up of the index level (optional, on a visit that was done). */
export const RADIOGRAPH_FIELDS = [
  'anteriorHeightPercent',
  'middleHeightPercent',
  'posteriorHeightPercent',
  'kyphoticAngle',
] as const satisfies readonly AssessmentFieldName[];

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
  odiItems?: (number | null)[] | null;
  rmdqItems?: boolean[] | null;
  eq5dLevels?: number[] | null;
  /** The defined values (ASSESSMENT_FIELDS), as the API gives them. */
  [defined: string]: unknown;
}

export function emptyAssessment(treatmentId = '', timePoint = ''): RawValues {
  const raw: RawValues = {
    treatmentId,
    timePoint,
    visitDate: '',
    status: AssessmentStatus.DONE,
    ...definedBlanks(ASSESSMENT_FIELDS),
    reason: '',
    rmdqAnswered: false,
  };
  ODI_SECTIONS.forEach((_, i) => (raw[`odi.${i}`] = ''));
  EQ5D_DIMENSIONS.forEach((_, i) => (raw[`eq5d.${i}`] = ''));
  RMDQ_STATEMENTS.forEach((_, i) => (raw[`rmdq.${i}`] = false));
  return raw;
}

export function assessmentRaw(a: StoredAssessment): RawValues {
  const raw: RawValues = {
    ...emptyAssessment(a.treatmentId, a.timePoint),
    visitDate: rawOf(a.visitDate),
    status: rawOf(a.status),
    ...definedRaws(ASSESSMENT_FIELDS, a),
  };
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
  // A missed or withdrawn visit carries no values and no items: the rules refuse them.
  const score = <T>(value: T | null | undefined): T | null => (done ? (value ?? null) : null);
  const inputs = definedInputs(ASSESSMENT_FIELDS, raw);
  const defined = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, score(value)]));
  // The reason a visit was missed is a missed visit's only; another status drops it.
  defined.missedReason = raw.status === AssessmentStatus.MISSED ? (inputs.missedReason ?? null) : null;
  // Items go to the registry, which computes their scores; a score field is sent only without items.
  const odiItems = odiItemsOf(raw);
  const eq5dLevels = eq5dLevelsOf(raw);
  const rmdqItems = rmdqItemsOf(raw);
  if (odiItems) defined.odi = null;
  if (rmdqItems) defined.rmdq = null;
  if (eq5dLevels) defined.eq5dIndex = null;
  return {
    patientId,
    treatmentId: textOrMissing(raw.treatmentId),
    timePoint: textOrMissing(raw.timePoint),
    visitDate: textOrNull(raw.visitDate),
    status: textOrMissing(raw.status),
    ...defined,
    odiItems: score(odiItems ?? null),
    rmdqItems: score(rmdqItems ?? null),
    eq5dLevels: score(eq5dLevels ?? null),
  } as unknown as AssessmentFields;
}
