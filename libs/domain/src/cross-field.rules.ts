import { AnalgesicLevel, ComplicationKind, OfClass, VERTEBRAL_LEVELS, VertebralLevel } from './enums';
import { FieldIssue } from './errors';

// Rules between fields of one record that each field's own range cannot express: a Genant grade
// that its measured height loss contradicts, an OF class its other findings contradict, opioid use
// at a visit whose analgesic level names none. Plain functions: the schemas run them for the API's
// creates, the CSV import and the dashboard's forms; the services run them on the record as it
// would be after an update; migration 1795620100000 reports the stored rows that break them
// (docs/data-rules.md). A missing value contradicts nothing: only recorded values are judged.
//
// No CHECK constraint repeats these rules: rows stored before them may break them, and a CHECK
// would fail on those. The rules are enforced on every write; the migration reports legacy rows.

/** A rule between fields of one record: its name, the fields it relates, and what contradicts it. */
export interface CrossFieldRule<R> {
  /** The rule's name: the FieldIssue's `rule` and, prefixed with the table, the data issue's. */
  name: string;
  /** The fields it relates, in the order the message names them. */
  fields: readonly (keyof R & string)[];
  /** Why the recorded values contradict each other, or null when they do not (or one is missing). */
  contradiction(record: R): string | null;
}

/**
 * Genant's semiquantitative grades as reductions of vertebral height (Genant et al., J Bone Miner
 * Res 1993;8:1137-48): grade 0 below about 20%, grade 1 about 20-25%, grade 2 about 25-40%,
 * grade 3 above about 40%. The grades are read by eye and the published bounds are approximate,
 * so a height loss exactly on a bound belongs to both grades it separates (20% is grade 0 or 1);
 * no further tolerance is added, so a measured value inside a grade's open interval fixes it.
 */
export const GENANT_HEIGHT_LOSS: readonly { grade: number; minPercent: number; maxPercent: number }[] = [
  { grade: 0, minPercent: 0, maxPercent: 20 },
  { grade: 1, minPercent: 20, maxPercent: 25 },
  { grade: 2, minPercent: 25, maxPercent: 40 },
  { grade: 3, minPercent: 40, maxPercent: 100 },
];

/** The Genant grades a height loss admits (two on a bound). */
export function genantGradesFor(heightLossPercent: number): number[] {
  return GENANT_HEIGHT_LOSS.filter((g) => heightLossPercent >= g.minPercent && heightLossPercent <= g.maxPercent).map((g) => g.grade);
}

/**
 * OF1 (DGOU, Schnake et al., Global Spine J 2018;8(2 Suppl):46S-49S) is a fracture without
 * deformation, seen as bone oedema on MRI only: its height loss is at most what Genant grade 0
 * admits (20%, the bound included as above).
 */
export const OF1_MAX_HEIGHT_LOSS_PERCENT = 20;

/** OF classes that need the posterior wall involved: OF3 (one endplate and the posterior wall) and OF4 (the frame lost, collapse or pincer). */
export const OF_POSTERIOR_WALL_REQUIRED: readonly OfClass[] = [OfClass.OF3, OfClass.OF4];
/**
 * OF classes that exclude an involved posterior wall: OF1 only. OF2 is deformation "without or
 * with only minor involvement of the posterior wall (< 1/5)", and the registry records any
 * involvement as one yes/no, so an OF2 with the wall marked involved is a possible, correct record.
 */
export const OF_POSTERIOR_WALL_EXCLUDED: readonly OfClass[] = [OfClass.OF1];

/** The analgesic levels that are opioids: opioid use at a visit is one of these, and one of these is opioid use. */
export const OPIOID_LEVELS: readonly AnalgesicLevel[] = [AnalgesicLevel.WEAK_OPIOID, AnalgesicLevel.STRONG_OPIOID];

/** The fracture fields the rules read. */
export interface FractureFindings {
  genantGrade?: number | null;
  heightLossPercent?: number | null;
  ofClass?: OfClass | string | null;
  morphology?: string | null;
  mriOedema?: boolean | null;
  posteriorWallInvolved?: boolean | null;
}

/** The visit fields the rules read. */
export interface VisitAnalgesics {
  analgesicLevel?: AnalgesicLevel | string | null;
  opioidUse?: boolean | null;
}

const known = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const FRACTURE_RULES: readonly CrossFieldRule<FractureFindings>[] = [
  {
    name: 'genantHeightLoss',
    fields: ['genantGrade', 'heightLossPercent'],
    contradiction: ({ genantGrade, heightLossPercent }) => {
      if (!isNumber(genantGrade) || !isNumber(heightLossPercent)) return null;
      const band = GENANT_HEIGHT_LOSS.find((g) => g.grade === genantGrade);
      const admitted = genantGradesFor(heightLossPercent);
      if (!band || admitted.length === 0 || admitted.includes(genantGrade)) return null;
      return `Genant grade ${genantGrade} is a height loss of ${band.minPercent}% to ${band.maxPercent}%, and ${heightLossPercent}% is grade ${admitted.join(' or ')}`;
    },
  },
  {
    name: 'ofClassGenantGrade',
    fields: ['ofClass', 'genantGrade'],
    contradiction: ({ ofClass, genantGrade }) =>
      ofClass === OfClass.OF1 && isNumber(genantGrade) && genantGrade > 0
        ? 'OF1 is a fracture without deformation (bone oedema on MRI only), which is Genant grade 0'
        : null,
  },
  {
    name: 'ofClassHeightLoss',
    fields: ['ofClass', 'heightLossPercent'],
    contradiction: ({ ofClass, heightLossPercent }) =>
      ofClass === OfClass.OF1 && isNumber(heightLossPercent) && heightLossPercent > OF1_MAX_HEIGHT_LOSS_PERCENT
        ? `OF1 is a fracture without deformation (bone oedema on MRI only): its height loss is at most ${OF1_MAX_HEIGHT_LOSS_PERCENT}%`
        : null,
  },
  {
    name: 'ofClassMorphology',
    fields: ['ofClass', 'morphology'],
    contradiction: ({ ofClass, morphology }) =>
      ofClass === OfClass.OF1 && known(morphology)
        ? 'OF1 is a fracture without deformation (bone oedema on MRI only), so it has no deformed shape to record'
        : null,
  },
  {
    name: 'ofClassMriOedema',
    fields: ['ofClass', 'mriOedema'],
    contradiction: ({ ofClass, mriOedema }) =>
      ofClass === OfClass.OF1 && mriOedema === false ? 'OF1 is diagnosed by bone oedema on MRI, so it cannot be without oedema' : null,
  },
  {
    name: 'ofClassPosteriorWall',
    fields: ['ofClass', 'posteriorWallInvolved'],
    contradiction: ({ ofClass, posteriorWallInvolved }) => {
      if (OF_POSTERIOR_WALL_REQUIRED.includes(ofClass as OfClass) && posteriorWallInvolved === false) {
        return `${ofClass} involves the posterior wall (OF3: one endplate and the posterior wall; OF4: loss of the vertebral frame, collapse or pincer type); a fracture without it is OF2 or less`;
      }
      if (OF_POSTERIOR_WALL_EXCLUDED.includes(ofClass as OfClass) && posteriorWallInvolved === true) {
        return 'OF1 is a fracture without deformation, so its posterior wall is not involved; an involved wall is OF2 (minor) or OF3';
      }
      return null;
    },
  },
];

export const VISIT_RULES: readonly CrossFieldRule<VisitAnalgesics>[] = [
  {
    name: 'analgesicOpioidUse',
    fields: ['analgesicLevel', 'opioidUse'],
    contradiction: ({ analgesicLevel, opioidUse }) => {
      if (!known(analgesicLevel) || !known(opioidUse)) return null;
      const opioid = OPIOID_LEVELS.includes(analgesicLevel as AnalgesicLevel);
      if (opioidUse && !opioid) return `opioid use is an analgesic level of ${OPIOID_LEVELS.join(' or ')}, not ${analgesicLevel}`;
      if (!opioidUse && opioid) return `${analgesicLevel} is an opioid, so opioidUse cannot be false`;
      return null;
    },
  },
];

/** The treatment fields the rules read. */
export interface TreatmentHospitalUse {
  dischargeDestination?: string | null;
  readmittedWithin30Days?: boolean | null;
  readmittedWithin90Days?: boolean | null;
}

export const TREATMENT_RULES: readonly CrossFieldRule<TreatmentHospitalUse>[] = [
  {
    // The 90-day window contains the 30-day one: a readmission by day 30 is one by day 90.
    name: 'readmissionWindows',
    fields: ['readmittedWithin30Days', 'readmittedWithin90Days'],
    contradiction: ({ readmittedWithin30Days, readmittedWithin90Days }) =>
      readmittedWithin30Days === true && readmittedWithin90Days === false
        ? 'a readmission within 30 days is also within 90 days, so readmittedWithin90Days cannot be false'
        : null,
  },
  {
    // A patient who died during the stay was not discharged alive, so cannot have come back.
    name: 'diedInHospitalReadmission',
    fields: ['dischargeDestination', 'readmittedWithin30Days', 'readmittedWithin90Days'],
    contradiction: ({ dischargeDestination, readmittedWithin30Days, readmittedWithin90Days }) =>
      dischargeDestination === 'DIED_IN_HOSPITAL' && (readmittedWithin30Days === true || readmittedWithin90Days === true)
        ? 'a patient who died in hospital was not discharged alive, so cannot have been readmitted'
        : null,
  },
];

function shown(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'number') return Number.isFinite(v) && !Number.isInteger(v) ? String(Math.round(v * 10) / 10) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  // The rules relate single values; were a rule to name a list or an object, it is written as JSON.
  return JSON.stringify(v);
}

/**
 * The FieldIssues of every rule the record breaks: one per field the rule relates, each with the
 * same message, so that a form shows it beside every field involved and the import reports it
 * under every column. The message names the fields, their values and the rule.
 */
export function crossFieldIssues<R extends object>(rules: readonly CrossFieldRule<R>[], record: R): FieldIssue[] {
  return rules.flatMap((rule) => {
    const why = rule.contradiction(record);
    if (!why) return [];
    const values = rule.fields.map((f) => `${f} ${shown(record[f])}`);
    const named = values.length === 2 ? values.join(' and ') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
    const message = `${named} contradict each other (rule ${rule.name}): ${why}`;
    return rule.fields.map((field) => ({ field, rule: rule.name, message }));
  });
}

/** The contradictions among a fracture's findings. */
export const fractureContradictions = (f: FractureFindings): FieldIssue[] => crossFieldIssues(FRACTURE_RULES, f);

/** The contradictions among a visit's analgesic fields. */
export const visitContradictions = (v: VisitAnalgesics): FieldIssue[] => crossFieldIssues(VISIT_RULES, v);

// New fractures ------------------------------------------------------------------------------
//
// Adjacency is derived, not entered: a new fracture is adjacent when its level is directly above
// or below a level the index treatment treated (T12 and L1 are neighbours), remote otherwise. The
// complication's kind (ADJACENT_LEVEL_FRACTURE or REMOTE_FRACTURE) already says which one the
// recorder saw, and rows recorded before the level existed have only the kind; so the registry
// keeps the kind and refuses a level that contradicts it. The treated levels come from the record
// (the index treatment's fractures), never from the input.

/** Where a new fracture is relative to the levels the index treatment treated. */
export type FractureAdjacency = 'ADJACENT' | 'REMOTE' | 'TREATED';

/** A level's adjacency to the treated levels; null when either is unknown. */
export function fractureAdjacency(
  level: VertebralLevel | string | null | undefined,
  treatedLevels: readonly (VertebralLevel | string)[] | null | undefined,
): FractureAdjacency | null {
  if (!known(level) || !treatedLevels?.length) return null;
  const at = VERTEBRAL_LEVELS.indexOf(level as VertebralLevel);
  const treated = treatedLevels.map((l) => VERTEBRAL_LEVELS.indexOf(l as VertebralLevel)).filter((i) => i >= 0);
  if (at < 0 || treated.length === 0) return null;
  if (treated.includes(at)) return 'TREATED';
  return treated.some((t) => Math.abs(t - at) === 1) ? 'ADJACENT' : 'REMOTE';
}

/** A new fracture's kind and level, with the levels its patient's index treatment treated (read from the record). */
export interface NewFractureSite {
  kind?: ComplicationKind | string | null;
  level?: VertebralLevel | string | null;
  treatedLevels?: readonly (VertebralLevel | string)[] | null;
}

export const NEW_FRACTURE_RULES: readonly CrossFieldRule<NewFractureSite>[] = [
  {
    name: 'fractureKindLevel',
    fields: ['kind', 'level'],
    contradiction: ({ kind, level, treatedLevels }) => {
      if (kind !== ComplicationKind.ADJACENT_LEVEL_FRACTURE && kind !== ComplicationKind.REMOTE_FRACTURE) return null;
      const where = fractureAdjacency(level, treatedLevels);
      const treated = (treatedLevels ?? []).join(', ');
      if (where === 'TREATED') {
        return `${level} is a level the index treatment treated (${treated}): a new fracture is at another level, and further collapse of a treated vertebra is FURTHER_HEIGHT_LOSS`;
      }
      if (where === 'REMOTE' && kind === ComplicationKind.ADJACENT_LEVEL_FRACTURE) {
        return `an adjacent level fracture is directly above or below a treated level (${treated}), and ${level} is not`;
      }
      if (where === 'ADJACENT' && kind === ComplicationKind.REMOTE_FRACTURE) {
        return `${level} is directly above or below a treated level (${treated}), so the fracture is ADJACENT_LEVEL_FRACTURE`;
      }
      return null;
    },
  },
];

/** The contradictions between a new fracture's kind and level. */
export const newFractureContradictions = (f: NewFractureSite): FieldIssue[] => crossFieldIssues(NEW_FRACTURE_RULES, f);
/** The contradictions among a treatment's hospital-use fields. */
export const treatmentContradictions = (t: TreatmentHospitalUse): FieldIssue[] => crossFieldIssues(TREATMENT_RULES, t);
