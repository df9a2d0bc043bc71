// A treatment's plain values, each defined once (field-definition.ts says what is derived from a
// definition; docs/adding-a-field.md how to add one). Hand-written in schemas.ts and
// field-access.ts: the patient it belongs to, its kind (which decides the procedure-only fields),
// its start date (day 0 of every day count when it is the index treatment, and part of the
// import's key) and the treated levels, a list of their own with the cement per level. Which
// fields a kind admits (procedure-only fields, the balloon of a kyphoplasty, the stay of a
// same-day discharge) are rules between fields: schemas.ts and cross-field.rules.ts.

import { AnalgesicLevel, Anaesthesia, DischargeDestination, ImagingGuidance, ProcedureApproach } from '../enums';
import { RANGES } from '../ranges';
import { FieldDefinition, measured, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const TREATMENT_FIELDS = {
  // Conservative care ---------------------------------------------------------------------------
  analgesicLevel: {
    type: 'enum', column: 'analgesic_level', label: 'Analgesics', about: 'Analgesics (conservative care)', choices: values(AnalgesicLevel),
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '',
  },
  brace: {
    type: 'boolean', column: 'brace', label: 'Brace / orthosis', about: 'Brace (conservative care)', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: '',
  },
  bedRest: {
    type: 'boolean', column: 'bed_rest', label: 'Bed rest', about: 'Bed rest (conservative care)', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: '',
  },
  physiotherapy: {
    type: 'boolean', column: 'physiotherapy', label: 'Physiotherapy', about: 'Physiotherapy (conservative care)', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: '',
  },

  // Vertebroplasty and kyphoplasty (anaesthesia and approach are required for a procedure: schemas.ts)
  anaesthesia: {
    type: 'enum', column: 'anaesthesia', label: 'Anaesthesia', about: 'Anaesthesia (procedures)', choices: values(Anaesthesia),
    required: false, access: VALUE_ACCESS, cohortExport: false, example: 'LOCAL',
  },
  approach: {
    type: 'enum', column: 'approach', label: 'Approach', about: 'Approach (procedures)', choices: values(ProcedureApproach),
    required: false, access: VALUE_ACCESS, cohortExport: false, example: 'BIPEDICULAR',
  },
  imagingGuidance: {
    type: 'enum', column: 'imaging_guidance', label: 'Imaging guidance', about: 'Imaging guidance (procedures)', choices: values(ImagingGuidance),
    required: false, access: VALUE_ACCESS, cohortExport: false, example: 'FLUOROSCOPY',
  },
  balloonUsed: {
    type: 'boolean', column: 'balloon_used', label: 'Balloon used', about: 'Balloon used (kyphoplasty)', required: false,
    importNote: 'true (or empty) for a kyphoplasty, empty for the other kinds',
    access: VALUE_ACCESS, cohortExport: false, example: '',
  },
  heightRestorationPercent: {
    ...measured(RANGES.heightRestorationPercent), column: 'height_restoration_percent', label: 'Height restoration', about: 'Height restored, percent',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '',
  },
  kyphoticAngleBefore: {
    ...measured(RANGES.kyphoticAngle), column: 'kyphotic_angle_before', label: 'Kyphotic angle before', about: 'Kyphotic angle before, degrees',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '18',
  },
  kyphoticAngleAfter: {
    ...measured(RANGES.kyphoticAngle), column: 'kyphotic_angle_after', label: 'Kyphotic angle after', about: 'Kyphotic angle after, degrees',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '15',
  },
  durationMinutes: {
    ...measured(RANGES.durationMinutes), column: 'duration_minutes', label: 'Duration', about: 'Duration of the procedure, minutes',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '40',
  },

  // The hospital stay, every kind -----------------------------------------------------------------
  sameDayDischarge: {
    type: 'boolean', column: 'same_day_discharge', label: 'Same-day discharge', about: 'Discharged the same day', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'true',
  },
  lengthOfStayDays: {
    ...measured(RANGES.lengthOfStayDays), column: 'length_of_stay_days', label: 'Length of stay', about: 'Length of stay, days',
    importNote: '0 for a same-day discharge, 1 or more when same_day_discharge is false',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '0',
  },
  dischargeDestination: {
    type: 'enum', column: 'discharge_destination', label: 'Discharged to', about: 'Where the patient went on discharge', choices: values(DischargeDestination),
    required: false, access: VALUE_ACCESS, cohortExport: false, example: 'HOME',
  },
  readmittedWithin30Days: {
    type: 'boolean', column: 'readmitted_within_30_days', label: 'Readmitted within 30 days', about: 'Readmitted within 30 days of discharge', required: false,
    access: VALUE_ACCESS, cohortExport: false, example: 'false',
  },
  readmittedWithin90Days: {
    type: 'boolean', column: 'readmitted_within_90_days', label: 'Readmitted within 90 days', about: 'Readmitted within 90 days of discharge', required: false,
    importNote: 'true whenever readmitted_within_30_days is',
    access: VALUE_ACCESS, cohortExport: false, example: 'false',
  },

  // Radiation (procedures) ------------------------------------------------------------------------
  fluoroscopyTimeSeconds: {
    ...measured(RANGES.fluoroscopyTimeSeconds), column: 'fluoroscopy_time_seconds', label: 'Fluoroscopy time', about: 'Fluoroscopy time, seconds (procedures)',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '420',
  },
  doseAreaProductGyCm2: {
    ...measured(RANGES.doseAreaProductGyCm2), column: 'dose_area_product_gy_cm2', label: 'Dose-area product', about: 'Dose-area product, Gy·cm² (procedures)',
    required: false, access: VALUE_ACCESS, cohortExport: false, example: '12.5',
  },
} as const satisfies Record<string, FieldDefinition>;

export type TreatmentFieldName = keyof typeof TREATMENT_FIELDS;
