// Scoring of the patient-reported instruments from their items, so that forms and imports can
// take the questionnaire answers and store the score the registry analyses, and so that a score
// entered without its items can be held to the values the instrument can give.

import { Eq5dValueSet } from './enums';

// Oswestry Disability Index ------------------------------------------------------------------

/** The ODI's ten sections, in the questionnaire's order (version 2.1a). */
export const ODI_SECTION_COUNT = 10;

/**
 * How many sections may be unanswered for the ODI still to be scored. Fairbank & Pynsent (Spine
 * 2000;25:2940-52) give the scoring of a questionnaire with a missed section: the total divided by
 * 5 times the number of sections answered (45 with one missed), as a percentage; they set no limit.
 * The registry scores with up to two sections missed (eight answered), the rule commonly applied in
 * spine registries, because section 8 (sex life) is often left blank by older patients and the
 * formula keeps the index on the same 0-100 scale; with three or more missed it is not scored.
 */
export const ODI_MAX_MISSING = 2;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Oswestry Disability Index (version 2.1a): ten sections scored 0-5. The index is the total as a
 * percentage of the maximum for the sections answered, to one decimal; null with more than
 * ODI_MAX_MISSING sections unanswered.
 */
export function odiScore(sections: readonly (number | null | undefined)[]): number | null {
  if (sections.length !== ODI_SECTION_COUNT) throw new RangeError('the ODI has 10 sections');
  const answered = sections.filter((s): s is number => s !== null && s !== undefined);
  for (const s of answered) if (!Number.isInteger(s) || s < 0 || s > 5) throw new RangeError(`an ODI section scores 0-5 (got ${s})`);
  if (answered.length < ODI_SECTION_COUNT - ODI_MAX_MISSING) return null;
  const total = answered.reduce((a, b) => a + b, 0);
  return round1((total / (5 * answered.length)) * 100);
}

/**
 * Every index some answer pattern gives, exactly (not rounded): with n sections answered (10, 9
 * or 8) the index is 100·s/(5n) for a total s from 0 to 5n, i.e. the multiples of 2, of 100/45 and
 * of 2.5 from 0 to 100. Ascending, without repeats.
 */
export const ODI_POSSIBLE_VALUES: readonly number[] = /* @__PURE__ */ (() => {
  const values = new Map<string, number>();
  for (let n = ODI_SECTION_COUNT - ODI_MAX_MISSING; n <= ODI_SECTION_COUNT; n++) {
    for (let s = 0; s <= 5 * n; s++) {
      const v = (100 * s) / (5 * n);
      values.set(v.toFixed(9), v);
    }
  }
  return [...values.values()].sort((a, b) => a - b);
})();

/** A stored ODI is rounded to one decimal: a total within this distance of a possible value is that value. */
export const ODI_TOLERANCE = 0.05 + 1e-9;

/** Whether an ODI entered as a number is one some answer pattern gives (to its one decimal). */
export function isPossibleOdi(value: number): boolean {
  return ODI_POSSIBLE_VALUES.some((v) => Math.abs(v - value) <= ODI_TOLERANCE);
}

/** The possible values next to `value` (to one decimal): for a message saying what could have been meant. */
export function odiValuesNear(value: number, count = 2): number[] {
  const below = ODI_POSSIBLE_VALUES.filter((v) => v < value).slice(-count);
  const above = ODI_POSSIBLE_VALUES.filter((v) => v > value).slice(0, count);
  return [...below, ...above].map(round1);
}

// Roland-Morris ------------------------------------------------------------------------------

export const RMDQ_ITEM_COUNT = 24;

/** Roland-Morris Disability Questionnaire: 24 yes/no statements, the score is the number of yes. */
export function rmdqScore(items: readonly boolean[]): number {
  if (items.length !== RMDQ_ITEM_COUNT) throw new RangeError('the RMDQ has 24 items');
  return items.filter(Boolean).length;
}

// EQ-5D-5L -----------------------------------------------------------------------------------

export interface Eq5dValueSetDef {
  name: string;
  /**
   * Decrements from full health (1) for levels 2-5 of each dimension, in the order mobility,
   * self-care, usual activities, pain/discomfort, anxiety/depression. These three sets are additive
   * without a constant, so 11111 is 1 and 55555 the set's minimum.
   */
  decrements: readonly (readonly [number, number, number, number])[];
}

/**
 * The value sets, as published (coefficients checked against the eq5d R package's tables and its
 * reference states, see instruments.spec.ts).
 */
export const EQ5D_VALUE_SETS: Readonly<Record<Eq5dValueSet, Eq5dValueSetDef>> = {
  ENGLAND: {
    name: 'England',
    decrements: [
      [0.058, 0.076, 0.207, 0.274],
      [0.05, 0.08, 0.164, 0.203],
      [0.05, 0.063, 0.162, 0.184],
      [0.063, 0.084, 0.276, 0.335],
      [0.078, 0.104, 0.285, 0.289],
    ],
  },
  GERMANY: {
    name: 'Germany',
    decrements: [
      [0.026, 0.042, 0.139, 0.224],
      [0.05, 0.056, 0.169, 0.26],
      [0.036, 0.049, 0.129, 0.209],
      [0.057, 0.109, 0.404, 0.612],
      [0.03, 0.082, 0.244, 0.356],
    ],
  },
  US: {
    name: 'US',
    decrements: [
      [0.096, 0.122, 0.237, 0.322],
      [0.089, 0.107, 0.22, 0.261],
      [0.068, 0.101, 0.255, 0.255],
      [0.06, 0.098, 0.318, 0.414],
      [0.057, 0.123, 0.299, 0.321],
    ],
  },
};

export const EQ5D_DIMENSION_COUNT = 5;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** EQ-5D-5L index of the five dimension levels (each 1-5) with the value set, to three decimals. */
export function eq5d5lIndex(levels: readonly number[], valueSet: Eq5dValueSet): number {
  if (levels.length !== EQ5D_DIMENSION_COUNT) throw new RangeError('EQ-5D-5L has 5 dimensions');
  const set = EQ5D_VALUE_SETS[valueSet];
  if (!set) throw new RangeError(`no EQ-5D-5L value set ${String(valueSet)}`);
  let value = 1;
  levels.forEach((level, d) => {
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new RangeError(`an EQ-5D-5L level is 1-5 (got ${level})`);
    if (level > 1) value -= set.decrements[d][level - 2];
  });
  return round3(value);
}

/** Where each value set was published (docs/methods.md cites them too). */
export const EQ5D_VALUE_SET_CITATIONS: Readonly<Record<Eq5dValueSet, string>> = {
  ENGLAND:
    'Devlin NJ, Shah KK, Feng Y, Mulhern B, van Hout B. Valuing health-related quality of life: an EQ-5D-5L value set for England. Health Econ 2018;27:7-22',
  GERMANY: 'Ludwig K, Graf von der Schulenburg JM, Greiner W. German value set for the EQ-5D-5L. PharmacoEconomics 2018;36:663-74',
  US: 'Pickard AS, Law EH, Jiang R, et al. United States valuation of EQ-5D-5L health states using an international protocol. Value Health 2019;22:931-41',
};

/** The England value set's index (kept for callers that predate the other sets). */
export function eq5d5lIndexEngland(levels: readonly number[]): number {
  return eq5d5lIndex(levels, Eq5dValueSet.ENGLAND);
}

/** The lowest and highest index a value set gives (55555 and 11111). */
export function eq5dRange(valueSet: Eq5dValueSet): { min: number; max: number } {
  return { min: eq5d5lIndex([5, 5, 5, 5, 5], valueSet), max: 1 };
}

/** Pain on the 0-10 numeric rating scale: whole numbers only. */
export function isNrs(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}
