import { FractureCause, LevelRegion, OfClass, PreFractureMobility, Sex, TreatmentKind } from './enums';
import { LEVEL_REGIONS } from './cohort';
import { RANGES } from './ranges';
import { measure, z } from './validation';

// "Patients like this one" (docs/methods.md): the registry's past patients closest to a profile,
// the same number of them on each path (the index treatment's kind), and how they fared. This
// file is the matching rule; the database applies it in libs/api-analytics similar-patients.sql.ts
// and a test holds the two equal.

/**
 * The patient in front of the surgeon, as the matching reads it. Only age and sex are required:
 * whatever is not known is neither matched exactly nor counted in the distance.
 */
export interface PatientProfile {
  age: number;
  sex: Sex;
  /** Days from the fracture's onset to the treatment (to today, for a patient not yet treated). */
  fractureAgeDays?: number | null;
  /** The most severe Genant grade of the fractures. */
  genantGrade?: number | null;
  /** The most severe OF class of the fractures. */
  ofClass?: OfClass | null;
  cause?: FractureCause | null;
  levelRegion?: LevelRegion | null;
  baselineNrs?: number | null;
  baselineOdi?: number | null;
  asaClass?: number | null;
  activeCancer?: boolean | null;
  ongoingCancerTherapy?: boolean | null;
  preFractureMobility?: PreFractureMobility | null;
}

export const patientProfileSchema = z.object({
  age: measure('age', { min: 18, max: 120, integer: true, unit: 'years', label: 'Age' }),
  sex: z.enum(Sex),
  fractureAgeDays: z.nullish(measure('fractureAgeDays', { min: 0, max: 3650, integer: true, unit: 'days', label: 'Fracture age' })),
  genantGrade: z.nullish(measure('genantGrade', RANGES.genantGrade)),
  ofClass: z.nullish(z.enum(OfClass)),
  cause: z.nullish(z.enum(FractureCause)),
  levelRegion: z.nullish(z.enum(LevelRegion)),
  baselineNrs: z.nullish(measure('baselineNrs', RANGES.nrs)),
  baselineOdi: z.nullish(measure('baselineOdi', RANGES.odi)),
  asaClass: z.nullish(measure('asaClass', RANGES.asaClass)),
  activeCancer: z.nullish(z.boolean()),
  ongoingCancerTherapy: z.nullish(z.boolean()),
  preFractureMobility: z.nullish(z.enum(PreFractureMobility)),
});

/** The paths compared: the kinds of index treatment, in the order the page shows them. */
export const MATCH_PATHS: readonly TreatmentKind[] = [TreatmentKind.CONSERVATIVE, TreatmentKind.VERTEBROPLASTY, TreatmentKind.KYPHOPLASTY];

/** How many past patients each path is given: the nearest this many (all of them where a path has fewer). */
export const MATCHES_PER_PATH = 40;

/**
 * Ages above 89 are one group for every de-identified reader (docs/privacy.md), so the matching
 * reads them as 90, on both sides.
 */
export const MATCH_AGE_CAP = 90;

/** The variables, each with how the distance reads it. */
export type MatchVariable =
  | 'activeCancer'
  | 'ongoingCancerTherapy'
  | 'cause'
  | 'ofClass'
  | 'levelRegion'
  | 'sex'
  | 'age'
  | 'fractureAgeDays'
  | 'baselineNrs'
  | 'baselineOdi'
  | 'genantGrade'
  | 'asaClass'
  | 'preFractureMobility';

/**
 * Gower's distance (Gower 1971) over the variables the profile gives: each contributes a
 * dissimilarity in [0, 1] (nominal: 0 if the same, else 1; ordinal and numeric: the absolute
 * difference divided by a fixed span, capped at 1), and the distance is their mean over the
 * variables known on both sides, all weighted equally. The spans are fixed, not the sample's
 * range, so that a patient's distance does not depend on who else is in the registry.
 */
export const MATCH_SPANS: Record<Exclude<MatchVariable, 'activeCancer' | 'ongoingCancerTherapy' | 'cause' | 'levelRegion' | 'sex'>, number> = {
  age: 30,
  fractureAgeDays: 90,
  baselineNrs: 10,
  baselineOdi: 100,
  genantGrade: 3,
  asaClass: 4,
  ofClass: 4,
  preFractureMobility: 4,
};

/** The order in which the distance adds the variables (the database adds them in the same order). */
export const MATCH_VARIABLES: readonly MatchVariable[] = [
  'activeCancer',
  'ongoingCancerTherapy',
  'cause',
  'ofClass',
  'levelRegion',
  'sex',
  'age',
  'fractureAgeDays',
  'baselineNrs',
  'baselineOdi',
  'genantGrade',
  'asaClass',
  'preFractureMobility',
];

export const NOMINAL_VARIABLES: readonly MatchVariable[] = ['activeCancer', 'ongoingCancerTherapy', 'cause', 'levelRegion', 'sex'];

/**
 * One step of the widening: the variables matched exactly and the calipers (the largest
 * difference allowed, in the variable's unit) on the rest. A candidate meets a step when it
 * meets every constraint whose variable the profile gives; a constraint on a value the candidate
 * lacks is not met. Each step only loosens the one before (a test holds this), so a candidate
 * who meets a step meets every later one.
 */
export interface MatchStep {
  step: number;
  exact: readonly MatchVariable[];
  calipers: Partial<Record<MatchVariable, number>>;
}

export const MATCH_STEPS: readonly MatchStep[] = [
  {
    step: 1,
    exact: ['activeCancer', 'ongoingCancerTherapy', 'cause', 'ofClass', 'levelRegion', 'sex'],
    calipers: { age: 5, fractureAgeDays: 21, baselineNrs: 1, baselineOdi: 10, genantGrade: 0, asaClass: 1, preFractureMobility: 1 },
  },
  {
    step: 2,
    exact: ['activeCancer', 'cause', 'ofClass', 'levelRegion'],
    calipers: { age: 10, fractureAgeDays: 42, baselineNrs: 2, baselineOdi: 20, genantGrade: 1, asaClass: 1, preFractureMobility: 1 },
  },
  {
    step: 3,
    exact: ['activeCancer', 'cause'],
    calipers: { ofClass: 1, age: 15, fractureAgeDays: 90, baselineNrs: 3 },
  },
  {
    step: 4,
    exact: ['activeCancer'],
    calipers: { age: 20 },
  },
  {
    step: 5,
    exact: [],
    calipers: {},
  },
];

/** How each constraint reads on the page. */
const EXACT_WORDS: Record<MatchVariable, string> = {
  activeCancer: 'cancer status',
  ongoingCancerTherapy: 'cancer therapy',
  cause: 'cause',
  ofClass: 'OF class',
  levelRegion: 'level region',
  sex: 'sex',
  age: 'age',
  fractureAgeDays: 'fracture age',
  baselineNrs: 'baseline NRS',
  baselineOdi: 'ODI',
  genantGrade: 'Genant grade',
  asaClass: 'ASA class',
  preFractureMobility: 'mobility',
};
const CALIPER_WORDS: Partial<Record<MatchVariable, (v: number) => string>> = {
  age: (v) => `age within ${v} years`,
  fractureAgeDays: (v) => `fracture age within ${v} days`,
  baselineNrs: (v) => `baseline NRS within ${v}`,
  baselineOdi: (v) => `ODI within ${v}`,
  ofClass: (v) => `OF class within ${v}`,
  asaClass: (v) => `ASA class within ${v}`,
  preFractureMobility: (v) => `mobility within ${v} ${v === 1 ? 'step' : 'steps'}`,
};

/**
 * A step in words for one profile: only the constraints the profile's values bring into play
 * (a step says nothing about a value the profile leaves unknown, since it does not apply it).
 */
export function describeStep(step: MatchStep, p: PatientProfile): string {
  const exact = step.exact.filter((v) => profileGives(p, v));
  const calipers = (Object.entries(step.calipers) as [MatchVariable, number][]).filter(([v]) => profileGives(p, v));
  // A caliper of 0 is an exact match.
  for (const [v, c] of calipers) if (c === 0) exact.push(v);
  const within = calipers.filter(([, c]) => c > 0).map(([v, c]) => (CALIPER_WORDS[v] ?? ((n: number) => `${EXACT_WORDS[v]} within ${n}`))(c));
  const parts = [exact.length ? `same ${joinWords(exact.map((v) => EXACT_WORDS[v]))}` : '', within.join(', ')].filter(Boolean);
  return parts.length ? parts.join('; ') : 'the nearest in the registry by distance alone';
}

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A past patient as the matching reads them (from analysis_patient). */
export interface MatchCandidate {
  age: number | null;
  sex: string | null;
  fractureAgeDays: number | null;
  genantGrade: number | null;
  /** The OF classes of the index treatment's fractures (the most severe counts). */
  ofClasses: readonly (string | null)[] | null;
  causes: readonly (string | null)[] | null;
  levels: readonly (string | null)[] | null;
  baselineNrs: number | null;
  baselineOdi: number | null;
  asaClass: number | null;
  activeCancer: boolean | null;
  ongoingCancerTherapy: boolean | null;
  preFractureMobility: string | null;
}

const MOBILITY_ORDER: readonly PreFractureMobility[] = [
  PreFractureMobility.INDEPENDENT,
  PreFractureMobility.WALKING_STICK,
  PreFractureMobility.WALKER,
  PreFractureMobility.WHEELCHAIR,
  PreFractureMobility.BEDBOUND,
];

/** Pre-fracture mobility as an ordinal, 0 (independent) to 4 (bedbound). */
export function mobilityRank(m: string | null | undefined): number | null {
  const i = MOBILITY_ORDER.indexOf(m as PreFractureMobility);
  return i < 0 ? null : i;
}

/** An OF class as its number (OF1 = 1 ... OF5 = 5). */
export function ofClassRank(c: string | null | undefined): number | null {
  const m = /^OF([1-5])$/.exec(c ?? '');
  return m ? Number(m[1]) : null;
}

export const cappedAge = (age: number | null | undefined): number | null => (age == null ? null : Math.min(age, MATCH_AGE_CAP));

/**
 * A variable's dissimilarity between the profile and a candidate, in [0, 1], or null when either
 * side does not know it (then it is left out of the mean). Nominal variables: 0 or 1; the cause
 * is the same when it is among the candidate's causes, the region when one of the candidate's
 * levels lies in it.
 */
export function dissimilarity(v: MatchVariable, p: PatientProfile, c: MatchCandidate): number | null {
  const numeric = (a: number | null | undefined, b: number | null | undefined, span: number) =>
    a == null || b == null ? null : Math.min(Math.abs(a - b), span) / span;
  switch (v) {
    case 'activeCancer':
      return p.activeCancer == null || c.activeCancer == null ? null : p.activeCancer === c.activeCancer ? 0 : 1;
    case 'ongoingCancerTherapy':
      return p.ongoingCancerTherapy == null || c.ongoingCancerTherapy == null ? null : p.ongoingCancerTherapy === c.ongoingCancerTherapy ? 0 : 1;
    case 'sex':
      return c.sex == null ? null : String(p.sex) === c.sex ? 0 : 1;
    case 'cause':
      return p.cause == null || !c.causes?.some((x) => x != null) ? null : c.causes.includes(p.cause) ? 0 : 1;
    case 'levelRegion': {
      if (p.levelRegion == null || !c.levels?.some((x) => x != null)) return null;
      const region: readonly string[] = LEVEL_REGIONS[p.levelRegion];
      return c.levels.some((l) => l != null && region.includes(l)) ? 0 : 1;
    }
    case 'ofClass':
      return numeric(ofClassRank(p.ofClass), worstOfClass(c.ofClasses), MATCH_SPANS.ofClass);
    case 'preFractureMobility':
      return numeric(mobilityRank(p.preFractureMobility), mobilityRank(c.preFractureMobility), MATCH_SPANS.preFractureMobility);
    case 'age':
      return numeric(cappedAge(p.age), cappedAge(c.age), MATCH_SPANS.age);
    case 'fractureAgeDays':
      return numeric(p.fractureAgeDays, c.fractureAgeDays, MATCH_SPANS.fractureAgeDays);
    case 'baselineNrs':
      return numeric(p.baselineNrs, c.baselineNrs, MATCH_SPANS.baselineNrs);
    case 'baselineOdi':
      return numeric(p.baselineOdi, c.baselineOdi, MATCH_SPANS.baselineOdi);
    case 'genantGrade':
      return numeric(p.genantGrade, c.genantGrade, MATCH_SPANS.genantGrade);
    case 'asaClass':
      return numeric(p.asaClass, c.asaClass, MATCH_SPANS.asaClass);
  }
}

/** The most severe OF class among a candidate's, as its number. */
export function worstOfClass(classes: readonly (string | null)[] | null): number | null {
  const ranks = (classes ?? []).map(ofClassRank).filter((r): r is number => r != null);
  return ranks.length ? Math.max(...ranks) : null;
}

/** Distances are compared at this precision, here and in the database, so that both order the same. */
export const DISTANCE_DECIMALS = 6;

/** Gower's distance between the profile and a candidate (1 when no variable is known on both sides). */
export function gowerDistance(p: PatientProfile, c: MatchCandidate): number {
  let total = 0;
  let known = 0;
  for (const v of MATCH_VARIABLES) {
    const d = dissimilarity(v, p, c);
    if (d === null) continue;
    total += d;
    known++;
  }
  const scale = 10 ** DISTANCE_DECIMALS;
  return known === 0 ? 1 : Math.round((total / known) * scale) / scale;
}

/** Whether the profile gives a variable (a constraint on a variable it does not give is not applied). */
export function profileGives(p: PatientProfile, v: MatchVariable): boolean {
  return v === 'sex' || v === 'age' ? true : p[v] != null;
}

/**
 * Whether a candidate meets a step: exact variables the same (dissimilarity 0), calipered ones
 * within the caliper. A variable the profile gives but the candidate lacks fails the constraint.
 */
export function meetsStep(step: MatchStep, p: PatientProfile, c: MatchCandidate): boolean {
  for (const v of step.exact) {
    if (!profileGives(p, v)) continue;
    if (dissimilarity(v, p, c) !== 0) return false;
  }
  for (const [v, caliper] of Object.entries(step.calipers) as [MatchVariable, number][]) {
    if (!profileGives(p, v)) continue;
    const diff = absoluteDifference(v, p, c);
    if (diff === null || diff > caliper) return false;
  }
  return true;
}

/** The absolute difference of an ordinal or numeric variable, in its unit (null: unknown on a side). */
export function absoluteDifference(v: MatchVariable, p: PatientProfile, c: MatchCandidate): number | null {
  const pair: Partial<Record<MatchVariable, [number | null | undefined, number | null | undefined]>> = {
    age: [cappedAge(p.age), cappedAge(c.age)],
    fractureAgeDays: [p.fractureAgeDays, c.fractureAgeDays],
    baselineNrs: [p.baselineNrs, c.baselineNrs],
    baselineOdi: [p.baselineOdi, c.baselineOdi],
    genantGrade: [p.genantGrade, c.genantGrade],
    asaClass: [p.asaClass, c.asaClass],
    ofClass: [ofClassRank(p.ofClass), worstOfClass(c.ofClasses)],
    preFractureMobility: [mobilityRank(p.preFractureMobility), mobilityRank(c.preFractureMobility)],
  };
  const [a, b] = pair[v] ?? [null, null];
  return a == null || b == null ? null : Math.abs(a - b);
}

/** The first (strictest) step a candidate meets; the last step is met by everyone. */
export function matchTier(p: PatientProfile, c: MatchCandidate): number {
  return (MATCH_STEPS.find((s) => meetsStep(s, p, c)) ?? MATCH_STEPS[MATCH_STEPS.length - 1]).step;
}

/** A candidate with what orders it: tier, then distance, then the record key and the id (a fixed, arbitrary tie-break). */
export interface RankedCandidate {
  tier: number;
  distance: number;
  recordKey: number;
  id: string;
}

export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return a.tier - b.tier || a.distance - b.distance || a.recordKey - b.recordKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The matching rule in one function (the reference the database is tested against): per path,
 * the candidates in order of the strictest step they meet, then distance; the first
 * MATCHES_PER_PATH are the matches. Widening stops, for each path, at the step of its last match:
 * the strictest step that gives the path enough patients.
 */
export function selectMatches<C extends MatchCandidate & { path: string; recordKey: number; id: string }>(
  p: PatientProfile,
  candidates: readonly C[],
  perPath = MATCHES_PER_PATH,
): Map<string, { matches: C[]; widestStep: number | null }> {
  const out = new Map<string, { matches: C[]; widestStep: number | null }>();
  for (const path of MATCH_PATHS) {
    const ranked = candidates
      .filter((c) => c.path === String(path))
      .map((c) => ({ c, r: { tier: matchTier(p, c), distance: gowerDistance(p, c), recordKey: c.recordKey, id: c.id } }))
      .sort((a, b) => compareRanked(a.r, b.r))
      .slice(0, perPath);
    out.set(path, { matches: ranked.map((x) => x.c), widestStep: ranked.length ? ranked[ranked.length - 1].r.tier : null });
  }
  return out;
}
