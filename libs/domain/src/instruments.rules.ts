// A visit's questionnaire scores from what was entered: computed from the items when they are
// given (a total sent with them must agree; it is never taken on trust), else the total entered
// alone, held to the values the instrument can give. Plain functions: the API and the import run
// them on every write, the dashboard's form before sending.

import { Eq5dValueSet, ScoreSource } from './enums';
import { FieldIssue } from './errors';
import { EQ5D_VALUE_SETS, eq5d5lIndex, eq5dRange, isPossibleOdi, ODI_MAX_MISSING, odiScore, odiValuesNear, rmdqScore } from './instruments';

export interface InstrumentEntry {
  odi?: number | null;
  odiItems?: readonly (number | null)[] | null;
  rmdq?: number | null;
  rmdqItems?: readonly boolean[] | null;
  eq5dIndex?: number | null;
  eq5dLevels?: readonly number[] | null;
}

/** What is stored for one instrument, or for all three. */
export interface OdiScores {
  odi: number | null;
  odiItems: (number | null)[] | null;
  odiSource: ScoreSource | null;
}
export interface RmdqScores {
  rmdq: number | null;
  rmdqItems: boolean[] | null;
  rmdqSource: ScoreSource | null;
}
export interface Eq5dScores {
  eq5dIndex: number | null;
  eq5dLevels: number[] | null;
  eq5dSource: ScoreSource | null;
  eq5dValueSet: Eq5dValueSet | null;
}

export interface Scored<T> {
  scores: T;
  issues: FieldIssue[];
}

/** Items given as all blanks are no items. */
const anyGiven = <T>(items: readonly (T | null)[] | null | undefined): items is readonly (T | null)[] => !!items && items.some((i) => i !== null);

export function scoreOdi(v: InstrumentEntry): Scored<OdiScores> {
  if (anyGiven(v.odiItems)) {
    const items = [...v.odiItems];
    const odi = odiScore(items);
    const issues: FieldIssue[] = [];
    if (v.odi != null && (odi === null || Math.abs(v.odi - odi) > 0.05 + 1e-9)) {
      issues.push({
        field: 'odi',
        rule: 'computedFromItems',
        message:
          odi === null
            ? `odi cannot be given with odiItems that leave more than ${ODI_MAX_MISSING} sections unanswered: the ODI is not scored then (got ${v.odi})`
            : `odi is computed from odiItems (${odi}); leave it empty or send that value (got ${v.odi})`,
      });
    }
    return { scores: { odi, odiItems: items, odiSource: ScoreSource.ITEMS }, issues };
  }
  if (v.odi != null) {
    const issues: FieldIssue[] = isPossibleOdi(v.odi)
      ? []
      : [
          {
            field: 'odi',
            rule: 'possibleValue',
            message: `odi ${v.odi} is not a value any answer pattern gives (with 10, 9 or 8 sections answered the ODI is a multiple of 2, of 100/45 or of 2.5); the nearest possible values are ${odiValuesNear(v.odi).join(', ')}`,
          },
        ];
    return { scores: { odi: v.odi, odiItems: null, odiSource: ScoreSource.TOTAL }, issues };
  }
  return { scores: { odi: null, odiItems: null, odiSource: null }, issues: [] };
}

export function scoreRmdq(v: InstrumentEntry): Scored<RmdqScores> {
  if (v.rmdqItems) {
    const rmdq = rmdqScore(v.rmdqItems);
    const issues: FieldIssue[] =
      v.rmdq != null && v.rmdq !== rmdq
        ? [
            {
              field: 'rmdq',
              rule: 'computedFromItems',
              message: `rmdq is computed from rmdqItems (${rmdq}); leave it empty or send that value (got ${v.rmdq})`,
            },
          ]
        : [];
    return { scores: { rmdq, rmdqItems: [...v.rmdqItems], rmdqSource: ScoreSource.ITEMS }, issues };
  }
  if (v.rmdq != null) return { scores: { rmdq: v.rmdq, rmdqItems: null, rmdqSource: ScoreSource.TOTAL }, issues: [] };
  return { scores: { rmdq: null, rmdqItems: null, rmdqSource: null }, issues: [] };
}

/** With levels the index is computed with `valueSet`; an index entered alone must lie in that set's range. */
export function scoreEq5d(v: InstrumentEntry, valueSet: Eq5dValueSet): Scored<Eq5dScores> {
  const set = EQ5D_VALUE_SETS[valueSet];
  if (v.eq5dLevels) {
    const index = eq5d5lIndex(v.eq5dLevels, valueSet);
    const issues: FieldIssue[] =
      v.eq5dIndex != null && Math.abs(v.eq5dIndex - index) > 0.0005 + 1e-9
        ? [
            {
              field: 'eq5dIndex',
              rule: 'computedFromItems',
              message: `eq5dIndex is computed from eq5dLevels with the ${set.name} value set (${index}); leave it empty or send that value (got ${v.eq5dIndex})`,
            },
          ]
        : [];
    return { scores: { eq5dIndex: index, eq5dLevels: [...v.eq5dLevels], eq5dSource: ScoreSource.ITEMS, eq5dValueSet: valueSet }, issues };
  }
  if (v.eq5dIndex != null) {
    const { min, max } = eq5dRange(valueSet);
    const issues: FieldIssue[] =
      v.eq5dIndex < min - 1e-9 || v.eq5dIndex > max
        ? [
            {
              field: 'eq5dIndex',
              rule: 'valueSetRange',
              message: `eq5dIndex must lie from ${min} (the minimum of the ${set.name} value set, the registry's) to ${max} (got ${v.eq5dIndex})`,
            },
          ]
        : [];
    return { scores: { eq5dIndex: v.eq5dIndex, eq5dLevels: null, eq5dSource: ScoreSource.TOTAL, eq5dValueSet: valueSet }, issues };
  }
  return { scores: { eq5dIndex: null, eq5dLevels: null, eq5dSource: null, eq5dValueSet: null }, issues: [] };
}

/** All three instruments at once: what to store, and every refusal. */
export function scoreInstruments(v: InstrumentEntry, valueSet: Eq5dValueSet): Scored<OdiScores & RmdqScores & Eq5dScores> {
  const odi = scoreOdi(v);
  const rmdq = scoreRmdq(v);
  const eq5d = scoreEq5d(v, valueSet);
  return { scores: { ...odi.scores, ...rmdq.scores, ...eq5d.scores }, issues: [...odi.issues, ...rmdq.issues, ...eq5d.issues] };
}
