import { FractureAgeCategory, FractureCause, LevelRegion, OfClass, Sex, TreatmentKind, VertebralLevel } from './enums';
import { isoDate, measure, uuid, z } from './validation';
import { RANGES } from './ranges';

/** Which treatment a patient is grouped by: the first one (intention to treat) or the last one received. */
export enum TreatmentGrouping {
  FIRST_TREATMENT = 'FIRST_TREATMENT',
  AS_TREATED = 'AS_TREATED',
}

/** The levels of each region (DESIGN.md section 4). */
export const LEVEL_REGIONS: Record<LevelRegion, VertebralLevel[]> = {
  [LevelRegion.THORACIC]: [VertebralLevel.T1, VertebralLevel.T2, VertebralLevel.T3, VertebralLevel.T4, VertebralLevel.T5, VertebralLevel.T6, VertebralLevel.T7, VertebralLevel.T8, VertebralLevel.T9, VertebralLevel.T10],
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

const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).nullish();

/**
 * A cohort: every criterion optional, all of them must hold. Fracture criteria apply to the
 * fractures the index treatment treated; baseline pain is the NRS on activity (at rest when
 * activity was not scored) at the BASELINE visit.
 */
export const cohortFilterSchema = z
  .object({
    ageMin: measure('ageMin', { min: 0, max: 120, integer: true, unit: 'years', label: 'Age' }).nullish(),
    ageMax: measure('ageMax', { min: 0, max: 120, integer: true, unit: 'years', label: 'Age' }).nullish(),
    sex: z.enum(Sex).nullish(),
    siteIds: list(uuid('siteIds')),
    causes: list(z.enum(FractureCause)),
    levelRegions: list(z.enum(LevelRegion)),
    genantGrades: list(measure('genantGrades', RANGES.genantGrade)),
    ofClasses: list(z.enum(OfClass)),
    fractureAges: list(z.enum(FractureAgeCategory)),
    activeCancer: z.boolean().nullish(),
    ongoingCancerTherapy: z.boolean().nullish(),
    baselineNrsMin: measure('baselineNrsMin', RANGES.nrs).nullish(),
    baselineNrsMax: measure('baselineNrsMax', RANGES.nrs).nullish(),
    treatmentKinds: list(z.enum(TreatmentKind)),
    treatedFrom: isoDate('treatedFrom').nullish(),
    treatedTo: isoDate('treatedTo').nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.ageMin != null && v.ageMax != null && v.ageMin > v.ageMax) ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'ageMax must not be below ageMin', params: { rule: 'consistency' } });
    if (v.baselineNrsMin != null && v.baselineNrsMax != null && v.baselineNrsMin > v.baselineNrsMax) {
      ctx.addIssue({ code: 'custom', path: ['baselineNrsMax'], message: 'baselineNrsMax must not be below baselineNrsMin', params: { rule: 'consistency' } });
    }
    if (v.treatedFrom && v.treatedTo && v.treatedFrom > v.treatedTo) ctx.addIssue({ code: 'custom', path: ['treatedTo'], message: 'treatedTo must not be before treatedFrom', params: { rule: 'consistency' } });
  });

export type CohortFilter = z.infer<typeof cohortFilterSchema>;
