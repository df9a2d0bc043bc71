// What the analysis tables call their variables: Table 1's characteristics, the propensity
// model's covariates (the balance rows) and its categorical factors. The API names them with
// stable identifiers (maxGenantGrade, asaIII); a reader sees the field's own label from its one
// definition (fields/*.fields.ts), with the category or band the variable picks out of it. Only
// variables computed from several records (an age at the index treatment, a count of levels)
// have no field to take a label from, and are named here.

import type { FieldDefinition } from './fields/field-definition';
import { FRACTURE_FIELDS } from './fields/fracture.fields';
import { PATIENT_FIELDS } from './fields/patient.fields';

const P = PATIENT_FIELDS;
const F = FRACTURE_FIELDS;

/** A choice as its definition labels it, else the code in words (TRAUMATIC -> traumatic). */
function choiceWords(def: FieldDefinition, choice: string): string {
  return def.choiceLabels?.[choice] ?? choice.toLowerCase().replace(/_/g, ' ');
}

/** The field's label, and what of it the variable picks out: "Cause: traumatic", "ASA class: not recorded". */
const of = (def: FieldDefinition, part?: string) => (part ? `${def.label}: ${part}` : def.label);
const choice = (def: FieldDefinition, value: string) => of(def, choiceWords(def, value));
const missing = (def: FieldDefinition) => of(def, 'not recorded');

/** Variables computed from several records: no single field to take a label from. */
const DERIVED = {
  age: 'Age at the index treatment',
  baselineNrs: 'Baseline NRS pain',
  baselineOdi: 'Baseline ODI',
  fracturedLevels: 'Fractured levels treated',
  multipleLevels: 'More than one level treated',
  fractureAgeDays: `${F.onsetDate.label} to treatment, days`,
} as const;

/** Every variable key the analysis API returns, with its label. */
export const ANALYSIS_VARIABLE_LABELS: Readonly<Record<string, string>> = {
  ...DERIVED,
  female: choice(P.sex, 'FEMALE'),
  bmi: of(P.bmi),
  tScore: of(P.tScore),
  steroidUse: of(P.steroidUse),
  activeCancer: of(P.activeCancer),
  osteoporoticCause: choice(F.cause, 'OSTEOPOROTIC'),
  causeTraumatic: choice(F.cause, 'TRAUMATIC'),
  causeMetastasis: choice(F.cause, 'METASTASIS'),
  causeMyeloma: choice(F.cause, 'MYELOMA'),
  causeOther: choice(F.cause, 'OTHER'),
  maxGenantGrade: `Highest ${F.genantGrade.label}`,
  fractureAgeSubacute: `${DERIVED.fractureAgeDays.replace(', days', '')}: subacute`,
  fractureAgeChronic: `${DERIVED.fractureAgeDays.replace(', days', '')}: chronic`,
  asaClass3OrMore: of(P.asaClass, 'III or more'),
  asaIII: of(P.asaClass, 'III'),
  asaIVtoV: of(P.asaClass, 'IV–V'),
  asaMissing: missing(P.asaClass),
  walkingAidOrWorse: of(P.preFractureMobility, 'walking aid or less mobile'),
  mobilityMissing: missing(P.preFractureMobility),
  livingInCare: of(P.livingSituation, `${choiceWords(P.livingSituation, 'ASSISTED_LIVING')} or ${choiceWords(P.livingSituation, 'NURSING_HOME')}`),
  livingSituationMissing: missing(P.livingSituation),
  clinicalFrailtyScale: of(P.clinicalFrailtyScale),
  frailtyVulnerable: of(P.clinicalFrailtyScale, '4–6'),
  frailtySevere: of(P.clinicalFrailtyScale, '7–9'),
  frailtyMissing: missing(P.clinicalFrailtyScale),
  charlsonComorbidityIndex: of(P.charlsonComorbidityIndex),
  charlson1to2: of(P.charlsonComorbidityIndex, '1–2'),
  charlson3OrMore: of(P.charlsonComorbidityIndex, '3 or more'),
  charlsonMissing: missing(P.charlsonComorbidityIndex),
  dementia: of(P.dementia),
  dementiaMissing: missing(P.dementia),
  priorVertebralFracture: of(P.priorVertebralFractures, 'one or more'),
  priorVertebralFractureMissing: missing(P.priorVertebralFractures),
  osteoporosisDrug: of(P.antiOsteoporoticDrug, 'any'),
  osteoporosisDrugMissing: missing(P.antiOsteoporoticDrug),
  flsReferral: of(P.flsReferral),
  vitaminD: of(P.vitaminDSupplementation),
  painUnderAnalgesia: of(P.painUnderAnalgesia),
  notMobilisedUnderAnalgesia: of(P.mobilisedUnderAnalgesia, 'no'),
  mobilisedMissing: missing(P.mobilisedUnderAnalgesia),
};

/** The propensity model's categorical factors (reference categories), named by their field. */
export const ANALYSIS_FACTOR_LABELS: Readonly<Record<string, string>> = {
  cause: F.cause.label,
  fractureAge: DERIVED.fractureAgeDays.replace(', days', ''),
  asa: P.asaClass.label,
  frailty: P.clinicalFrailtyScale.label,
  charlson: P.charlsonComorbidityIndex.label,
  dementia: P.dementia.label,
  priorFracture: P.priorVertebralFractures.label,
  osteoporosisDrug: P.antiOsteoporoticDrug.label,
  mobility: P.preFractureMobility.label,
  living: P.livingSituation.label,
  mobilised: P.mobilisedUnderAnalgesia.label,
};

/** A variable's label; an unknown key comes back as it is (the spec holds every key to a label). */
export function analysisLabel(key: string): string {
  return ANALYSIS_VARIABLE_LABELS[key] ?? ANALYSIS_FACTOR_LABELS[key] ?? key;
}
