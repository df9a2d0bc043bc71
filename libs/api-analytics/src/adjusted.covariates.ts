import { FRACTURE_AGE_DAYS, FractureAgeCategory, FractureCause } from '@vfr/domain';
import type { CovariateSpec } from '@vfr/stats';

/** A patient's row of the cohort as the propensity model reads it (analysis_patient columns). */
export interface CovariateSource {
  age: number;
  sex: string;
  causes: string[] | null;
  max_genant: number | null;
  fracture_age_days: number | null;
  baseline_nrs: number | null;
  baseline_odi: number | null;
  asa_class: number | null;
  active_cancer: boolean;
  clinical_frailty_scale: number | null;
  charlson_comorbidity_index: number | null;
  dementia: boolean | null;
  prior_vertebral_fractures: number | null;
  anti_osteoporotic_drug: string | null;
  /** The index treatment's fractured levels. */
  levels: string[] | null;
  pre_fracture_mobility: string | null;
  living_situation: string | null;
  mobilised_under_analgesia: boolean | null;
}

interface Covariate extends CovariateSpec {
  /** The column's value, null when the patient lacks what it needs (then not analysed). */
  code(r: CovariateSource): number | null;
}

/** The reference level of each categorical covariate (no indicator), as the API names it. */
export const REFERENCE_LEVELS: Record<string, string> = {
  cause: 'osteoporotic only',
  fractureAge: 'acute',
  asa: 'ASA I-II',
  frailty: 'CFS 1-3 (fit)',
  charlson: 'Charlson 0',
  dementia: 'no dementia',
  priorFracture: 'no prior vertebral fracture',
  osteoporosisDrug: 'no anti-osteoporotic drug',
  mobility: 'independent before the fracture',
  living: 'living at home',
  mobilised: 'mobilised under analgesia',
};

const has = (r: CovariateSource, cause: FractureCause) => ((r.causes ?? []).includes(cause) ? 1 : 0);
const inAge = (days: number | null, category: FractureAgeCategory): number | null => {
  if (days === null) return null;
  if (!Object.values(FRACTURE_AGE_DAYS).some(([lo, hi]) => days >= lo && days <= hi)) return null;
  const [lo, hi] = FRACTURE_AGE_DAYS[category];
  return days >= lo && days <= hi ? 1 : 0;
};
const asa = (r: CovariateSource, classes: number[] | null) =>
  classes === null ? (r.asa_class === null ? 1 : 0) : r.asa_class !== null && classes.includes(Number(r.asa_class)) ? 1 : 0;
const num = (v: number | null) => (v === null ? null : Number(v));
/**
 * An indicator of one band of a value, or of the value missing (band null): the baseline fields
 * are optional, so a missing one is a category of its own, as for the ASA class.
 */
const band = (v: number | boolean | string | null, test: ((v: never) => boolean) | null) =>
  test === null ? (v === null ? 1 : 0) : v !== null && (test as (v: unknown) => boolean)(v) ? 1 : 0;

/**
 * The propensity model's covariates (docs/methods.md, Adjusted comparisons), in the order and
 * with the names the API reports. Categorical covariates are indicators against a reference
 * level (REFERENCE_LEVELS); an indicator nobody in a cohort has is left out and named.
 * - Fracture causes: a patient's fractures may have several causes, so each non-osteoporotic
 *   cause is an indicator of its own ("has a fracture of this cause"), not one category per
 *   patient; the reference is a patient whose fractures are all osteoporotic (or of no recorded
 *   cause). A metastatic fracture beside an osteoporotic one counts as metastatic: the cause
 *   that changes prognosis and treatment choice is the one the model must see.
 * - Fracture age in the registry's categories (FRACTURE_AGE_DAYS): acute is the reference.
 *   Not a straight line in days: the healing of a fracture, and with it the choice of
 *   cement augmentation, changes by stage, not by the day.
 * - ASA class: I and II (no or mild systemic disease) are the reference, III and IV-V are
 *   indicators, and a missing ASA class is a category of its own. The ASA class is recorded
 *   at an anaesthetic assessment, which conservatively treated patients often never have:
 *   whether it is missing depends on the treatment path itself, so dropping those patients
 *   would remove mostly conservative care, while the indicator keeps them and lets the model
 *   use what the missingness says.
 */
export const ADJUSTMENT_COVARIATES: Covariate[] = [
  { name: 'age', binary: false, code: (r) => Number(r.age) },
  { name: 'female', binary: true, code: (r) => (r.sex === 'FEMALE' ? 1 : 0) },
  { name: 'causeTraumatic', binary: true, factor: 'cause', code: (r) => has(r, FractureCause.TRAUMATIC) },
  { name: 'causeMetastasis', binary: true, factor: 'cause', code: (r) => has(r, FractureCause.METASTASIS) },
  { name: 'causeMyeloma', binary: true, factor: 'cause', code: (r) => has(r, FractureCause.MYELOMA) },
  { name: 'causeOther', binary: true, factor: 'cause', code: (r) => has(r, FractureCause.OTHER) },
  { name: 'maxGenantGrade', binary: false, code: (r) => num(r.max_genant) },
  { name: 'fractureAgeSubacute', binary: true, factor: 'fractureAge', code: (r) => inAge(r.fracture_age_days, FractureAgeCategory.SUBACUTE) },
  { name: 'fractureAgeChronic', binary: true, factor: 'fractureAge', code: (r) => inAge(r.fracture_age_days, FractureAgeCategory.CHRONIC) },
  { name: 'baselineNrs', binary: false, code: (r) => num(r.baseline_nrs) },
  { name: 'baselineOdi', binary: false, code: (r) => num(r.baseline_odi) },
  { name: 'asaIII', binary: true, factor: 'asa', code: (r) => asa(r, [3]) },
  { name: 'asaIVtoV', binary: true, factor: 'asa', code: (r) => asa(r, [4, 5]) },
  { name: 'asaMissing', binary: true, factor: 'asa', code: (r) => asa(r, null) },
  { name: 'activeCancer', binary: true, code: (r) => (r.active_cancer ? 1 : 0) },
  // The baseline an honest comparison needs (libs/domain/src/fields/patient.fields.ts), each in
  // bands against a reference and with a missing category, as above.
  { name: 'frailtyVulnerable', binary: true, factor: 'frailty', code: (r) => band(num(r.clinical_frailty_scale), (v: number) => v >= 4 && v <= 6) },
  { name: 'frailtySevere', binary: true, factor: 'frailty', code: (r) => band(num(r.clinical_frailty_scale), (v: number) => v >= 7) },
  { name: 'frailtyMissing', binary: true, factor: 'frailty', code: (r) => band(r.clinical_frailty_scale, null) },
  { name: 'charlson1to2', binary: true, factor: 'charlson', code: (r) => band(num(r.charlson_comorbidity_index), (v: number) => v >= 1 && v <= 2) },
  { name: 'charlson3OrMore', binary: true, factor: 'charlson', code: (r) => band(num(r.charlson_comorbidity_index), (v: number) => v >= 3) },
  { name: 'charlsonMissing', binary: true, factor: 'charlson', code: (r) => band(r.charlson_comorbidity_index, null) },
  { name: 'dementia', binary: true, factor: 'dementia', code: (r) => band(r.dementia, (v: boolean) => v) },
  { name: 'dementiaMissing', binary: true, factor: 'dementia', code: (r) => band(r.dementia, null) },
  { name: 'priorVertebralFracture', binary: true, factor: 'priorFracture', code: (r) => band(num(r.prior_vertebral_fractures), (v: number) => v > 0) },
  { name: 'priorVertebralFractureMissing', binary: true, factor: 'priorFracture', code: (r) => band(r.prior_vertebral_fractures, null) },
  { name: 'osteoporosisDrug', binary: true, factor: 'osteoporosisDrug', code: (r) => band(r.anti_osteoporotic_drug, (v: string) => v !== 'NONE') },
  { name: 'osteoporosisDrugMissing', binary: true, factor: 'osteoporosisDrug', code: (r) => band(r.anti_osteoporotic_drug, null) },
  // More than one fractured level treated: a larger procedure, and a sicker spine.
  { name: 'multipleLevels', binary: true, code: (r) => ((r.levels ?? []).length > 1 ? 1 : 0) },
  { name: 'walkingAidOrWorse', binary: true, factor: 'mobility', code: (r) => band(r.pre_fracture_mobility, (v: string) => v !== 'INDEPENDENT') },
  { name: 'mobilityMissing', binary: true, factor: 'mobility', code: (r) => band(r.pre_fracture_mobility, null) },
  {
    name: 'livingInCare',
    binary: true,
    factor: 'living',
    code: (r) => band(r.living_situation, (v: string) => v === 'ASSISTED_LIVING' || v === 'NURSING_HOME'),
  },
  { name: 'livingSituationMissing', binary: true, factor: 'living', code: (r) => band(r.living_situation, null) },
  // The OF-Score's strongest clinical component after pain (which the baseline NRS carries): a
  // patient who cannot be mobilised under analgesia is steered towards a procedure.
  { name: 'notMobilisedUnderAnalgesia', binary: true, factor: 'mobilised', code: (r) => band(r.mobilised_under_analgesia, (v: boolean) => !v) },
  { name: 'mobilisedMissing', binary: true, factor: 'mobilised', code: (r) => band(r.mobilised_under_analgesia, null) },
];

/** A patient's covariate values, or null when one is missing (the patient is then not analysed). */
export function covariateRow(r: CovariateSource): number[] | null {
  const x = ADJUSTMENT_COVARIATES.map((c) => c.code(r));
  return x.some((v) => v === null) ? null : (x as number[]);
}
