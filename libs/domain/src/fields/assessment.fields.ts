// A follow-up visit's plain values, each defined once (field-definition.ts says what is derived
// from a definition; docs/adding-a-field.md how to add one). Hand-written in schemas.ts and
// field-access.ts: the patient and index treatment it belongs to, its time point, date and
// status (they place the visit in its window, and a visit that was not done carries no values),
// the questionnaires' items and where each score came from (instruments.ts scores the items;
// instruments.rules.ts decides between items and a total). Which values a visit admits (scores
// only when it was done, opioid use against the analgesic level) are rules between fields:
// schemas.ts and cross-field.rules.ts.
//
// The cohort export's visit columns (nrs_rest, odi, ...) are its own, long and wide
// (ASSESSMENT_EXPORT_COLUMNS in field-access.ts): `cohortExport` is about patient columns.

import { AnalgesicLevel, MissedVisitReason } from '../enums';
import { MISSED_VISIT_REASON_LABELS } from '../missed-visits';
import { RANGES } from '../ranges';
import { FieldDefinition, measured, VALUE_ACCESS } from './field-definition';

const values = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const ASSESSMENT_FIELDS = {
  // Scores (a total entered alone; with its items, instruments.rules.ts computes it) -------------
  nrsRest: {
    ...measured(RANGES.nrs),
    column: 'nrs_rest',
    label: 'Pain at rest (NRS 0-10)',
    about: 'Pain at rest, NRS 0-10',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '3',
  },
  nrsActivity: {
    ...measured(RANGES.nrs),
    column: 'nrs_activity',
    label: 'Pain on activity (NRS 0-10)',
    about: 'Pain on activity, NRS 0-10',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '4',
  },
  odi: {
    ...measured(RANGES.odi),
    column: 'odi',
    label: 'ODI',
    about: 'Oswestry Disability Index 0-100',
    help: 'Or answer the questionnaire below',
    importNote: 'a value some answer pattern gives (a multiple of 2, of 100/45 or of 2.5); leave it empty when odi_items are given',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  rmdq: {
    ...measured(RANGES.rmdq),
    column: 'rmdq',
    label: 'RMDQ (0-24)',
    about: 'Roland-Morris Disability Questionnaire 0-24',
    help: 'Or tick the statements below',
    importNote: 'leave it empty when rmdq_items are given',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '9',
  },
  eq5dIndex: {
    ...measured(RANGES.eq5dIndex),
    column: 'eq5d_index',
    label: 'EQ-5D-5L index',
    about: 'EQ-5D-5L index',
    help: 'Or give the five levels below',
    importNote: "within the range of the registry's value set (England: -0.285 to 1); leave it empty when eq5d_levels are given",
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  // Care since the last visit -----------------------------------------------------------------------
  analgesicLevel: {
    type: 'enum',
    column: 'analgesic_level',
    label: 'Analgesics',
    about: 'Analgesics at the visit',
    choices: values(AnalgesicLevel),
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'NON_OPIOID',
  },
  opioidUse: {
    type: 'boolean',
    column: 'opioid_use',
    label: 'Opioid use',
    about: 'Any opioid at the visit',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'false',
  },
  backToUsualActivities: {
    type: 'boolean',
    column: 'back_to_usual_activities',
    label: 'Back to usual activities',
    about: 'Back to usual activities',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'true',
  },
  physiotherapy: {
    type: 'boolean',
    column: 'physiotherapy',
    label: 'Physiotherapy',
    about: 'Physiotherapy since the last visit',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'true',
  },

  // The EQ-5D's visual scale: on the questionnaire after its five levels, and so in the CSV files --
  eq5dVas: {
    ...measured(RANGES.eq5dVas),
    column: 'eq5d_vas',
    label: 'EQ VAS (0-100)',
    about: 'EQ VAS 0-100',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '70',
  },

  // Imaging at the visit ----------------------------------------------------------------------------
  imagingDone: {
    type: 'boolean',
    column: 'imaging_done',
    label: 'Spine imaging done',
    about: 'Spine imaging (radiograph, CT or MRI) done at the visit',
    help: 'Radiograph, CT or MRI of the spine at this visit',
    importNote: 'empty: not recorded',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: 'false',
  },

  // Radiographic follow-up of the index level -------------------------------------------------------
  anteriorHeightPercent: {
    ...measured(RANGES.vertebralHeightPercent),
    column: 'anterior_height_percent',
    label: 'Anterior height',
    about: 'Anterior height of the index level, percent of the adjacent normal vertebra',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  middleHeightPercent: {
    ...measured(RANGES.vertebralHeightPercent),
    column: 'middle_height_percent',
    label: 'Middle height',
    about: 'Middle height of the index level, percent of the adjacent normal vertebra',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  posteriorHeightPercent: {
    ...measured(RANGES.vertebralHeightPercent),
    column: 'posterior_height_percent',
    label: 'Posterior height',
    about: 'Posterior height of the index level, percent of the adjacent normal vertebra',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
  kyphoticAngle: {
    ...measured(RANGES.kyphoticAngle),
    column: 'kyphotic_angle',
    label: 'Kyphotic angle',
    about: 'Kyphotic angle at the index level, degrees',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },

  // Why a visit did not take place ------------------------------------------------------------------
  // A missed visit only (a rule between fields, schemas.ts). Optional: NULL is "not recorded", as
  // for the missed visits recorded before the field, which no migration could fill in truthfully.
  // A category, not free text: it identifies nobody, so researchers receive it as any other value.
  missedReason: {
    type: 'enum',
    column: 'missed_reason',
    label: 'Why it was missed',
    about: 'Why the visit did not take place (missed visits only)',
    choices: values(MissedVisitReason),
    choiceLabels: MISSED_VISIT_REASON_LABELS,
    importNote: 'only when status is MISSED; empty: not recorded',
    required: false,
    access: VALUE_ACCESS,
    cohortExport: false,
    example: '',
  },
} as const satisfies Record<string, FieldDefinition>;

export type AssessmentFieldName = keyof typeof ASSESSMENT_FIELDS;
