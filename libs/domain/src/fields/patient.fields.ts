// The patient record's clinical fields, each defined once (field-definition.ts says what is
// derived from a definition; docs/adding-a-field.md how to add one). The structural fields (site,
// registry number, birth year and the identifiers) stay hand-written in schemas.ts and
// field-access.ts: the birth year is given as an age and the identifiers are a record of their own.

import { AntiOsteoporoticDrug, ConsentStatus, LivingSituation, PreFractureMobility, Sex } from '../enums';
import { RANGES } from '../ranges';
import { EXACT_DATE_ACCESS, FieldDefinition, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const PATIENT_FIELDS = {
  sex: {
    type: 'enum', column: 'sex', label: 'Sex', about: 'Sex', choices: values(Sex), required: true,
    access: VALUE_ACCESS, cohortExport: false, example: 'FEMALE',
  },
  bmi: {
    type: 'number', column: 'bmi', label: 'BMI', about: 'Body-mass index', unit: RANGES.bmi.unit, min: RANGES.bmi.min, max: RANGES.bmi.max,
    required: false, access: VALUE_ACCESS, cohortExport: true, example: '24.1',
  },
  tScore: {
    type: 'number', column: 't_score', label: 'T-score', about: 'Bone density T-score', unit: RANGES.tScore.unit, min: RANGES.tScore.min, max: RANGES.tScore.max,
    help: 'The lowest T-score (lumbar spine, femoral neck or total hip) of the DXA dated below',
    required: false, access: VALUE_ACCESS, cohortExport: true, example: '-2.8',
  },
  steroidUse: {
    type: 'boolean', column: 'steroid_use', label: 'Steroid use', about: 'Long-term steroid use', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  activeCancer: {
    type: 'boolean', column: 'active_cancer', label: 'Active cancer', about: 'Active cancer', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  ongoingChemotherapy: {
    type: 'boolean', column: 'ongoing_chemotherapy', label: 'Ongoing chemotherapy', about: 'Ongoing chemotherapy', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  ongoingRadiotherapy: {
    type: 'boolean', column: 'ongoing_radiotherapy', label: 'Ongoing radiotherapy', about: 'Ongoing radiotherapy', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  asaClass: {
    type: 'integer', column: 'asa_class', label: 'ASA class', about: 'ASA physical status 1-5', min: RANGES.asaClass.min, max: RANGES.asaClass.max,
    required: false, access: VALUE_ACCESS, cohortExport: true, example: '2',
  },
  consentStatus: {
    type: 'enum', column: 'consent_status', label: 'Consent', about: 'Consent to the registry', choices: values(ConsentStatus), required: true,
    default: ConsentStatus.PENDING, access: VALUE_ACCESS, cohortExport: false, example: 'GIVEN',
  },

  // Before the fracture (confounders of the treatment choice) -----------------------------------
  preFractureMobility: {
    type: 'enum', column: 'pre_fracture_mobility', label: 'Mobility before the fracture', about: 'Walking before the fracture, by walking aid (Koval 1995, grouped)',
    choices: values(PreFractureMobility), choiceLabels: { INDEPENDENT: 'Independent, no aid', WALKING_STICK: 'Walking stick(s)', WALKER: 'Walker or frame', WHEELCHAIR: 'Wheelchair', BEDBOUND: 'Bedbound' },
    required: false, access: VALUE_ACCESS, cohortExport: true, example: 'WALKING_STICK',
  },
  livingSituation: {
    type: 'enum', column: 'living_situation', label: 'Living situation', about: 'Where the patient lived before the fracture',
    choices: values(LivingSituation), required: false, access: VALUE_ACCESS, cohortExport: true, example: 'OWN_HOME_ALONE',
  },
  clinicalFrailtyScale: {
    type: 'integer', column: 'clinical_frailty_scale', label: 'Clinical Frailty Scale', about: 'Clinical Frailty Scale (Rockwood) before the fracture, 1 very fit to 9 terminally ill',
    min: 1, max: 9, required: false, access: VALUE_ACCESS, cohortExport: true, example: '4',
  },
  charlsonComorbidityIndex: {
    type: 'integer', column: 'charlson_comorbidity_index', label: 'Charlson Comorbidity Index', about: 'Charlson Comorbidity Index without its age points (Charlson 1987 weights)',
    help: 'The sum of the comorbidity weights, without points for age (age is recorded separately)',
    min: 0, max: 37, required: false, access: VALUE_ACCESS, cohortExport: true, example: '2',
  },
  dementia: {
    type: 'boolean', column: 'dementia', label: 'Dementia', about: 'Dementia diagnosed before the fracture', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  priorVertebralFractures: {
    type: 'integer', column: 'prior_vertebral_fractures', label: 'Prior vertebral fractures', about: 'Number of vertebral fractures known before this episode',
    help: 'Vertebral fractures known before the fractures registered here (0 if none)',
    min: 0, max: 16, required: false, access: VALUE_ACCESS, cohortExport: true, example: '1',
  },

  // Osteoporosis care after the fracture --------------------------------------------------------
  antiOsteoporoticDrug: {
    type: 'enum', column: 'anti_osteoporotic_drug', label: 'Anti-osteoporotic drug', about: 'Anti-osteoporotic drug class given after the fracture',
    choices: values(AntiOsteoporoticDrug), choiceLabels: { BISPHOSPHONATE_ORAL: 'Bisphosphonate, oral', BISPHOSPHONATE_IV: 'Bisphosphonate, IV' },
    required: false, access: VALUE_ACCESS, cohortExport: true, example: 'BISPHOSPHONATE_ORAL',
  },
  antiOsteoporoticStartDate: {
    type: 'date', column: 'anti_osteoporotic_start_date', label: 'Drug started on', about: 'Date the anti-osteoporotic drug was started (YYYY-MM-DD)',
    required: false, access: EXACT_DATE_ACCESS, dayField: 'antiOsteoporoticStartDay', cohortExport: true, example: '2025-03-10',
  },
  dxaDate: {
    type: 'date', column: 'dxa_date', label: 'DXA date', about: 'Date of the DXA scan the T-score comes from (YYYY-MM-DD)',
    required: false, access: EXACT_DATE_ACCESS, dayField: 'dxaDay', cohortExport: true, example: '2025-03-02',
  },
  flsReferral: {
    type: 'boolean', column: 'fls_referral', label: 'Referred to a fracture liaison service', about: 'Referred to a fracture liaison service', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'true',
  },
  vitaminDSupplementation: {
    type: 'boolean', column: 'vitamin_d_supplementation', label: 'Vitamin D supplementation', about: 'Vitamin D supplementation after the fracture', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'true',
  },

  // The OF-Score's clinical components, at the treatment decision (libs/domain/src/of-score.ts) --
  painUnderAnalgesia: {
    type: 'integer', column: 'pain_under_analgesia', label: 'Pain under analgesia (VAS)', about: 'Pain (VAS 0-10) under analgesia up to WHO step II, at the treatment decision',
    min: 0, max: 10, required: false, access: VALUE_ACCESS, cohortExport: true, example: '6',
  },
  mobilisedUnderAnalgesia: {
    type: 'boolean', column: 'mobilised_under_analgesia', label: 'Mobilised under analgesia', about: 'Able to be mobilised under analgesia, at the treatment decision', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  deformityProgression: {
    type: 'boolean', column: 'deformity_progression', label: 'Deformity progressing', about: 'Progressive collapse (sintering) of the fracture on follow-up images before the treatment decision', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  anticoagulation: {
    type: 'boolean', column: 'anticoagulation', label: 'Anticoagulation', about: 'On anticoagulation at the treatment decision', required: false,
    access: VALUE_ACCESS, cohortExport: true, example: 'false',
  },
  modifiedFrailtyIndex: {
    type: 'integer', column: 'modified_frailty_index', label: 'Modified frailty index (mFI-5)', about: '5-item modified frailty index: diabetes, heart failure, COPD or pneumonia, treated hypertension, functional dependence',
    min: 0, max: 5, required: false, access: VALUE_ACCESS, cohortExport: true, example: '1',
  },
} as const satisfies Record<string, FieldDefinition>;

export type PatientFieldName = keyof typeof PATIENT_FIELDS;
