import { FieldIssue } from './errors';
import {
  Anaesthesia,
  FractureAgeCategory,
  FractureCause,
  LevelRegion,
  LivingSituation,
  OfClass,
  PreFractureMobility,
  ProcedureApproach,
  Sex,
  TreatmentKind,
  VertebralLevel,
} from './enums';
import { isoDate, measure, uuid, z } from './validation';
import { RANGES } from './ranges';

/**
 * How patients are grouped and followed (docs/methods.md, Crossover and Comparing procedures).
 * FIRST_TREATMENT (intention to treat) groups a patient by the first (index) treatment and follows
 * every patient to the end of follow-up whatever came later; PER_PROTOCOL ends a patient's
 * follow-up on the day of a crossover to another kind of treatment: visits and events from that
 * day on are left out. ANAESTHESIA, APPROACH and CEMENT_VOLUME compare procedures with each other:
 * only patients whose index treatment is a procedure with the detail recorded, grouped by it and
 * followed as FIRST_TREATMENT.
 */
export enum TreatmentGrouping {
  FIRST_TREATMENT = 'FIRST_TREATMENT',
  PER_PROTOCOL = 'PER_PROTOCOL',
  ANAESTHESIA = 'ANAESTHESIA',
  APPROACH = 'APPROACH',
  CEMENT_VOLUME = 'CEMENT_VOLUME',
}

/**
 * The cement volume bands of the CEMENT_VOLUME grouping, per treated level of the index procedure
 * (the levels' volumes summed, divided by the number of levels): under 3 ml, 3 to under 5 ml,
 * 5 ml or more. The group names sort in this order.
 */
export const CEMENT_VOLUME_BANDS = [
  { group: '0_TO_3_ML_PER_LEVEL', below: 3 },
  { group: '3_TO_5_ML_PER_LEVEL', below: 5 },
  { group: '5_ML_OR_MORE_PER_LEVEL', below: null },
] as const;

/** The levels of each region: thoracic T1-T10, thoracolumbar T11-L2, lumbar L3-L5. */
export const LEVEL_REGIONS: Record<LevelRegion, VertebralLevel[]> = {
  [LevelRegion.THORACIC]: [
    VertebralLevel.T1,
    VertebralLevel.T2,
    VertebralLevel.T3,
    VertebralLevel.T4,
    VertebralLevel.T5,
    VertebralLevel.T6,
    VertebralLevel.T7,
    VertebralLevel.T8,
    VertebralLevel.T9,
    VertebralLevel.T10,
  ],
  [LevelRegion.THORACOLUMBAR]: [VertebralLevel.T11, VertebralLevel.T12, VertebralLevel.L1, VertebralLevel.L2],
  [LevelRegion.LUMBAR]: [VertebralLevel.L3, VertebralLevel.L4, VertebralLevel.L5],
};

/** Fracture age at the index treatment, in days: acute < 6 weeks, subacute 6-12, chronic > 12. */
export const FRACTURE_AGE_DAYS: Record<FractureAgeCategory, [number, number]> = {
  [FractureAgeCategory.ACUTE]: [0, 41],
  [FractureAgeCategory.SUBACUTE]: [42, 84],
  [FractureAgeCategory.CHRONIC]: [85, 100_000],
};

export function fractureAgeCategory(days: number): FractureAgeCategory {
  if (days < 42) return FractureAgeCategory.ACUTE;
  if (days <= 84) return FractureAgeCategory.SUBACUTE;
  return FractureAgeCategory.CHRONIC;
}

const list = <T extends z.ZodMiniType>(item: T) => z.nullish(z.array(item).check(z.maxLength(50)));

/** The Clinical Frailty Scale's range (Rockwood 2005; 9 = terminally ill). */
const CFS = { min: 1, max: 9, integer: true, unit: '', label: 'Clinical Frailty Scale' };

/** A procedure's cement volume summed over its levels (up to three levels of the per-level maximum). */
const CEMENT_VOLUME_TOTAL = { min: 0, max: 60, integer: false, unit: 'ml', label: 'Cement volume of the procedure' };

/**
 * A cohort: every criterion optional, all of them must hold. Fracture criteria apply to the
 * fractures the index treatment treated; baseline pain is the NRS on activity (at rest when
 * activity was not scored) at the BASELINE visit. The procedure criteria (anaesthesia, approach,
 * cement volume summed over the treated levels) are the index treatment's, so choosing any of
 * them leaves conservative care out.
 */
export const cohortFilterSchema = z
  .object({
    ageMin: z.nullish(measure('ageMin', { min: 0, max: 120, integer: true, unit: 'years', label: 'Age' })),
    ageMax: z.nullish(measure('ageMax', { min: 0, max: 120, integer: true, unit: 'years', label: 'Age' })),
    sex: z.nullish(z.enum(Sex)),
    siteIds: list(uuid('siteIds')),
    causes: list(z.enum(FractureCause)),
    levelRegions: list(z.enum(LevelRegion)),
    genantGrades: list(measure('genantGrades', RANGES.genantGrade)),
    ofClasses: list(z.enum(OfClass)),
    fractureAges: list(z.enum(FractureAgeCategory)),
    activeCancer: z.nullish(z.boolean()),
    ongoingCancerTherapy: z.nullish(z.boolean()),
    baselineNrsMin: z.nullish(measure('baselineNrsMin', RANGES.nrs)),
    baselineNrsMax: z.nullish(measure('baselineNrsMax', RANGES.nrs)),
    treatmentKinds: list(z.enum(TreatmentKind)),
    preFractureMobility: list(z.enum(PreFractureMobility)),
    livingSituations: list(z.enum(LivingSituation)),
    frailtyMin: z.nullish(measure('frailtyMin', CFS)),
    frailtyMax: z.nullish(measure('frailtyMax', CFS)),
    dementia: z.nullish(z.boolean()),
    priorVertebralFracture: z.nullish(z.boolean()),
    osteoporosisDrug: z.nullish(z.boolean()),
    anaesthesia: list(z.enum(Anaesthesia)),
    approaches: list(z.enum(ProcedureApproach)),
    cementVolumeMin: z.nullish(measure('cementVolumeMin', CEMENT_VOLUME_TOTAL)),
    cementVolumeMax: z.nullish(measure('cementVolumeMax', CEMENT_VOLUME_TOTAL)),
    treatedFrom: z.nullish(isoDate('treatedFrom')),
    treatedTo: z.nullish(isoDate('treatedTo')),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.ageMin != null && v.ageMax != null && v.ageMin > v.ageMax)
        ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'ageMax must not be below ageMin', params: { rule: 'consistency' } });
      if (v.baselineNrsMin != null && v.baselineNrsMax != null && v.baselineNrsMin > v.baselineNrsMax) {
        ctx.addIssue({ code: 'custom', path: ['baselineNrsMax'], message: 'baselineNrsMax must not be below baselineNrsMin', params: { rule: 'consistency' } });
      }
      if (v.frailtyMin != null && v.frailtyMax != null && v.frailtyMin > v.frailtyMax) {
        ctx.addIssue({ code: 'custom', path: ['frailtyMax'], message: 'frailtyMax must not be below frailtyMin', params: { rule: 'consistency' } });
      }
      if (v.cementVolumeMin != null && v.cementVolumeMax != null && v.cementVolumeMin > v.cementVolumeMax) {
        ctx.addIssue({
          code: 'custom',
          path: ['cementVolumeMax'],
          message: 'cementVolumeMax must not be below cementVolumeMin',
          params: { rule: 'consistency' },
        });
      }
      if (v.treatedFrom && v.treatedTo && v.treatedFrom > v.treatedTo)
        ctx.addIssue({ code: 'custom', path: ['treatedTo'], message: 'treatedTo must not be before treatedFrom', params: { rule: 'consistency' } });
    }),
  );

export type CohortFilter = z.infer<typeof cohortFilterSchema>;

/**
 * How finely a reader may select patients. Identified readers (coordinators, admins) may use any
 * value. De-identified readers may not single out what their answers withhold: ages above 89 are
 * one group (90+), and calendar time is selected by whole quarters of the index treatment, never
 * by day, so that narrowing a date range cannot recover a patient's treatment date. Aggregate-only
 * readers (department heads) choose ages in five-year bands as well: fewer distinct ways to
 * describe the same patients leave fewer differences to take (docs/privacy.md).
 */
export enum FilterGranularity {
  EXACT = 'EXACT',
  DEIDENTIFIED = 'DEIDENTIFIED',
  AGGREGATE_ONLY = 'AGGREGATE_ONLY',
}

export const OLDEST_SHOWN_AGE = 89;
const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** The first day of a date's quarter and the last (YYYY-MM-DD). */
export function quarterBounds(iso: string): [string, string] {
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  return [`${iso.slice(0, 4)}-${QUARTER_STARTS[q]}`, `${iso.slice(0, 4)}-${QUARTER_ENDS[q]}`];
}

/** Field issues of a valid filter that is finer than the reader may use. */
export function granularityIssues(filter: CohortFilter, granularity: FilterGranularity): FieldIssue[] {
  if (granularity === FilterGranularity.EXACT) return [];
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, rule: 'granularity', message });
  const band = granularity === FilterGranularity.AGGREGATE_ONLY ? 5 : 1;
  if (filter.ageMin != null) {
    if (filter.ageMin > OLDEST_SHOWN_AGE + 1) {
      issue(
        'ageMin',
        `Ages above ${OLDEST_SHOWN_AGE} form one group, 90+: ageMin can be at most ${OLDEST_SHOWN_AGE + 1}, which selects that group (got ${filter.ageMin})`,
      );
    } else if (filter.ageMin % band !== 0) {
      issue(
        'ageMin',
        `Aggregate figures select ages in five-year bands: ageMin must be a multiple of 5, such as ${filter.ageMin - (filter.ageMin % band)} (got ${filter.ageMin})`,
      );
    }
  }
  if (filter.ageMax != null) {
    if (filter.ageMax > OLDEST_SHOWN_AGE) {
      issue(
        'ageMax',
        `Ages above ${OLDEST_SHOWN_AGE} form one group, 90+: ageMax can be at most ${OLDEST_SHOWN_AGE}; leave it empty to include the 90+ group (got ${filter.ageMax})`,
      );
    } else if ((filter.ageMax + 1) % band !== 0) {
      issue(
        'ageMax',
        `Aggregate figures select ages in five-year bands: ageMax must end a band, such as ${filter.ageMax - ((filter.ageMax + 1) % band)} (got ${filter.ageMax})`,
      );
    }
  }
  if (filter.treatedFrom && !QUARTER_STARTS.includes(filter.treatedFrom.slice(5))) {
    issue(
      'treatedFrom',
      `De-identified figures select treatment dates by whole quarters: treatedFrom must be the first day of a quarter, such as ${quarterBounds(filter.treatedFrom)[0]} (got ${filter.treatedFrom})`,
    );
  }
  if (filter.treatedTo && !QUARTER_ENDS.includes(filter.treatedTo.slice(5))) {
    issue(
      'treatedTo',
      `De-identified figures select treatment dates by whole quarters: treatedTo must be the last day of a quarter, such as ${quarterBounds(filter.treatedTo)[1]} (got ${filter.treatedTo})`,
    );
  }
  return issues;
}
