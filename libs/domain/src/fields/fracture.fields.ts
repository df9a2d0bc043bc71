// A fracture's plain-value fields, each defined once (field-definition.ts says what is derived
// from a definition; docs/adding-a-field.md how to add one). The patient it belongs to and the
// free text of the additional injuries stay hand-written in schemas.ts and field-access.ts: one is
// a reference, the other is withheld from de-identified readers. The rules between the findings
// (Genant grade, height loss, OF class...) are cross-field.rules.ts's.

import { AdditionalInjury, FractureCause, FractureMorphology, OfClass, VertebralLevel } from '../enums';
import { RANGES } from '../ranges';
import { EXACT_DATE_ACCESS, FieldDefinition, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const FRACTURE_FIELDS = {
  level: {
    type: 'enum', column: 'level', label: 'Level', about: 'Vertebral level', choices: values(VertebralLevel), required: true,
    access: VALUE_ACCESS, cohortExport: false, example: 'L1',
  },
  onsetDate: {
    type: 'date', column: 'onset_date', label: 'Onset of symptoms', about: 'Date symptoms began (YYYY-MM-DD)', required: true,
    access: EXACT_DATE_ACCESS, dayField: 'onsetDay', cohortExport: false, example: '2025-02-03',
  },
  cause: {
    type: 'enum', column: 'cause', label: 'Cause', about: 'Cause of the fracture', choices: values(FractureCause), required: true,
    access: VALUE_ACCESS, cohortExport: false, example: 'OSTEOPOROTIC',
  },
  genantGrade: {
    type: 'integer', column: 'genant_grade', label: 'Genant grade', about: 'Genant semiquantitative grade 0-3', min: RANGES.genantGrade.min, max: RANGES.genantGrade.max,
    choiceLabels: { 0: 'Grade 0', 1: 'Grade 1', 2: 'Grade 2', 3: 'Grade 3' },
    help: 'By height loss: 0 up to 20%, 1 20-25%, 2 25-40%, 3 over 40%', required: true, access: VALUE_ACCESS, cohortExport: false, example: '2',
  },
  heightLossPercent: {
    type: 'number', column: 'height_loss_percent', label: 'Height loss', about: 'Loss of vertebral height, percent', unit: RANGES.heightLossPercent.unit,
    min: RANGES.heightLossPercent.min, max: RANGES.heightLossPercent.max, required: false, access: VALUE_ACCESS, cohortExport: false, example: '35',
  },
  morphology: {
    type: 'enum', column: 'morphology', label: 'Morphology', about: 'Morphology', choices: values(FractureMorphology), required: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'WEDGE',
  },
  ofClass: {
    type: 'enum', column: 'of_class', label: 'OF class', about: 'DGOU OF classification', choices: values(OfClass), required: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'OF2',
  },
  mriOedema: {
    type: 'boolean', column: 'mri_oedema', label: 'MRI bone oedema', about: 'Bone oedema on MRI', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'true',
  },
  posteriorWallInvolved: {
    type: 'boolean', column: 'posterior_wall_involved', label: 'Posterior wall involved', about: 'Posterior wall involved', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'false',
  },
  neurologicalDeficit: {
    type: 'boolean', column: 'neurological_deficit', label: 'Neurological deficit', about: 'Neurological deficit', required: true, default: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'false',
  },
  // Categories, not prose: de-identified readers are given them (the free text stays withheld).
  additionalInjuryKinds: {
    type: 'enumList', column: 'additional_injury_kinds', label: 'Additional injuries',
    about: 'Injuries besides the vertebral fractures, by kind (an empty list: none)', choices: values(AdditionalInjury),
    choiceLabels: {
      RIB: 'Rib', STERNUM: 'Sternum', OTHER_SPINE: 'Other spinal fracture (not adjacent)', PELVIS: 'Pelvis', HIP: 'Hip (proximal femur)',
      UPPER_LIMB: 'Upper limb', LOWER_LIMB: 'Lower limb', HEAD: 'Head', THORAX_ORGAN: 'Thoracic organ', ABDOMEN_ORGAN: 'Abdominal organ', OTHER: 'Other',
    },
    help: 'Tick each kind, or none; leave all unticked when it is not known',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: 'RIB;UPPER_LIMB',
  },
} as const satisfies Record<string, FieldDefinition>;

export type FractureFieldName = keyof typeof FRACTURE_FIELDS;
