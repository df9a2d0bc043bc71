import { ANALYSIS_FACTOR_LABELS, ANALYSIS_VARIABLE_LABELS, analysisLabel, OUTCOME_BETTER_WHEN } from '@vfr/domain';
import { OutcomeMeasure } from './outcome-measures';
import { ADJUSTMENT_COVARIATES, REFERENCE_LEVELS } from './adjusted.covariates';
import { CHARACTERISTIC_VARIABLES } from './characteristics.service';

// Every key the analysis API can return is enumerated from the API's own lists, so a covariate or
// a Table 1 row added without a label fails here rather than reaching a reader as `camelCase`.
const KEYS = [...new Set([...CHARACTERISTIC_VARIABLES.map((v) => v.name), ...ADJUSTMENT_COVARIATES.map((c) => c.name)])];
const FACTORS = [...new Set([...Object.keys(REFERENCE_LEVELS), ...ADJUSTMENT_COVARIATES.flatMap((c) => (c.factor ? [c.factor] : []))])];

describe('plain labels of the analysis variables', () => {
  it.each(KEYS)('%s has a label in words', (key) => {
    expect(ANALYSIS_VARIABLE_LABELS[key]).toBeDefined();
    expect(analysisLabel(key)).not.toMatch(/[a-z][A-Z]|_/);
  });

  it.each(FACTORS)('the factor %s has a label in words', (factor) => {
    expect(ANALYSIS_FACTOR_LABELS[factor]).toBeDefined();
    expect(analysisLabel(factor)).not.toMatch(/[a-z][A-Z]|_/);
  });

  it('takes the labels from the field definitions', () => {
    expect(analysisLabel('asaClass3OrMore')).toBe('ASA class: III or more');
    expect(analysisLabel('causeTraumatic')).toBe('Cause: traumatic');
    expect(analysisLabel('walkingAidOrWorse')).toBe('Mobility before the fracture: walking aid or less mobile');
  });

  it('names no variable twice with the same words', () => {
    const labels = KEYS.map(analysisLabel);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it('has no label left over for a variable the API no longer returns', () => {
    expect(Object.keys(ANALYSIS_VARIABLE_LABELS).filter((k) => !KEYS.includes(k))).toEqual([]);
  });
});

describe('the direction of every outcome the comparisons report', () => {
  it.each(Object.values(OutcomeMeasure))('%s has a better direction defined once in libs/domain', (measure) => {
    expect(OUTCOME_BETTER_WHEN[measure as keyof typeof OUTCOME_BETTER_WHEN]).toMatch(/^(lower|higher)$/);
  });
});
