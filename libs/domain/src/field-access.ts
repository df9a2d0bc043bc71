// Who receives what: for every field of every patient-level record and every export column, what
// each role is given. This table is the one place that decides it. The API's record models are
// built from it (libs/api-core's FieldView), the CSV exports select their columns through it
// (libs/api-import-export), the data dictionary and docs/field-access.md are written from it, and
// the operations that read records or exports allow exactly the roles it lets in.
//
// Nothing here depends on a framework: the table is plain data, so it can be read, rendered and
// checked anywhere.

import { daysBetween, toIsoDate } from './dates';
import { Role } from './enums';
import { ForbiddenError } from './errors';
import { accessEntries, cohortExportColumns, type FieldDefinitions, typeWords } from './fields/field-definition';
import { PATIENT_FIELDS } from './fields/patient.fields';
import { FRACTURE_FIELDS } from './fields/fracture.fields';
import { COMPLICATION_FIELDS } from './fields/complication.fields';
import { TREATMENT_FIELDS } from './fields/treatment.fields';
import { ASSESSMENT_FIELDS } from './fields/assessment.fields';
import { DEATH_FIELDS } from './fields/death.fields';

/**
 * What a role receives from a field:
 * - full: the stored value;
 * - dayOffset: a date or timestamp as whole days from the patient's index (first) treatment,
 *   negative before it; null when the patient has no treatment yet;
 * - age: the age in years at the index treatment, from the birth year (as text);
 * - ageBand: that age, with every age above 89 as the one category "90+";
 * - present: true or false, whether the value is set (e.g. whether a record is withdrawn);
 * - withheld: null, whatever is stored;
 * - none: the role is not given this record or file at all (the operations refuse it).
 */
export type FieldRule = 'full' | 'dayOffset' | 'age' | 'ageBand' | 'present' | 'withheld' | 'none';

/**
 * What the stored value a field comes from is. The kind decides which rules a de-identified
 * reader may be given (DEIDENTIFIED_RULES): a new field whose kind is `date` cannot be shown to
 * researchers as `full` without a test failing.
 */
export type FieldKind =
  | 'id' // a record's UUID or a reference to another record
  | 'pseudonym' // the registry number
  | 'identifier' // MRN, names, date of birth: direct identifiers
  | 'birthYear' // the year of birth
  | 'date' // a calendar date (treatment, visit, onset, complication, death)
  | 'timestamp' // a record-keeping time (entered, changed, withdrawn)
  | 'freeText' // anything typed as prose: notes, reasons, additional injuries
  | 'value' // a coded or measured clinical value, a count, a flag, a version
  | 'related'; // nested records, each decided by its own table

export interface FieldAccess {
  kind: FieldKind;
  /** The stored property the value is computed from, when it is not the field's own name. */
  from?: string;
  /** What the field is, in one line (GraphQL description, documentation). */
  about: string;
  access: Readonly<Record<Role, FieldRule>>;
}

export interface RecordAccess {
  about: string;
  fields: Readonly<Record<string, FieldAccess>>;
  /** Stored properties that no reader is given, and why. */
  unexposed?: Readonly<Record<string, string>>;
}

/** Roles that never receive identified data: researchers and department heads. */
export const DEIDENTIFIED_ROLES: readonly Role[] = /* @__PURE__ */ (() => [Role.RESEARCHER, Role.DEPARTMENT_HEAD])();

/** The rules a de-identified role may be given, per kind of stored value. */
export const DEIDENTIFIED_RULES: Readonly<Record<FieldKind, readonly FieldRule[]>> = {
  id: ['full', 'withheld', 'none'],
  pseudonym: ['full', 'withheld', 'none'],
  identifier: ['withheld', 'none'],
  birthYear: ['ageBand', 'withheld', 'none'],
  date: ['dayOffset', 'present', 'withheld', 'none'],
  timestamp: ['dayOffset', 'present', 'withheld', 'none'],
  freeText: ['withheld', 'none'],
  value: ['full', 'withheld', 'none'],
  related: ['full', 'withheld', 'none'],
};

// The role maps the table uses. Admins and coordinators both read identified records (a
// coordinator only its own site's: site scoping is separate and applies to every role).
// Department heads read aggregates of the registry only, never a patient-level record or row.
const ALL = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'full', DEPARTMENT_HEAD: 'none' } as const;
const IDENTIFIED_ONLY = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'withheld', DEPARTMENT_HEAD: 'none' } as const;
const IDENTIFIED_RECORD = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'none', DEPARTMENT_HEAD: 'none' } as const;
const DAYS = { ADMIN: 'dayOffset', COORDINATOR: 'dayOffset', RESEARCHER: 'dayOffset', DEPARTMENT_HEAD: 'none' } as const;
const PRESENT = { ADMIN: 'present', COORDINATOR: 'present', RESEARCHER: 'present', DEPARTMENT_HEAD: 'none' } as const;
const AGE = { ADMIN: 'age', COORDINATOR: 'age', RESEARCHER: 'ageBand', DEPARTMENT_HEAD: 'none' } as const;
const AGE_BAND = { ADMIN: 'ageBand', COORDINATOR: 'ageBand', RESEARCHER: 'ageBand', DEPARTMENT_HEAD: 'none' } as const;

// Marked free of side effects so that a bundle importing libs/domain without the table drops it.
/* @__NO_SIDE_EFFECTS__ */
function v(about: string): FieldAccess {
  return { kind: 'value', about, access: ALL };
}

/** The record-keeping fields every registry record has. */
const RECORD_KEEPING = {
  id: { kind: 'id', about: 'Record id', access: ALL },
  version: { kind: 'value', about: 'Version of the record; send it back with an update', access: ALL },
  createdAt: { kind: 'timestamp', about: 'When the record was entered', access: IDENTIFIED_ONLY },
  updatedAt: { kind: 'timestamp', about: 'When the record was last changed', access: IDENTIFIED_ONLY },
  withdrawnAt: { kind: 'timestamp', about: 'When the record was withdrawn', access: IDENTIFIED_ONLY },
  withdrawn: { kind: 'timestamp', from: 'withdrawnAt', about: 'Whether the record is withdrawn', access: PRESENT },
  withdrawnReason: { kind: 'freeText', about: 'Why the record was withdrawn (free text)', access: IDENTIFIED_ONLY },
} as const satisfies Record<string, FieldAccess>;

/** A patient-level record's fields: the record-keeping ones, then its own. */
/* @__NO_SIDE_EFFECTS__ */
function withRecordKeeping<F extends Record<string, FieldAccess>>(fields: F): typeof RECORD_KEEPING & F {
  return { ...RECORD_KEEPING, ...fields };
}

const REQUEST_ID = { requestId: "The client's id of the create request; only recognises a retry" };

export const RECORD_FIELDS = {
  Patient: {
    about: 'A patient: pseudonymous, with the direct identifiers held apart',
    fields: withRecordKeeping({
      siteId: { kind: 'id', about: 'The registering site', access: ALL },
      site: { kind: 'related', about: 'The registering site (code and name)', access: ALL },
      registryNumber: { kind: 'pseudonym', about: 'Pseudonymous registry number', access: ALL },
      identifiers: { kind: 'related', about: 'The direct identifiers: MRN, names, date of birth', access: IDENTIFIED_ONLY },
      birthYear: { kind: 'birthYear', about: 'Year of birth', access: IDENTIFIED_ONLY },
      ageAtIndexTreatment: { kind: 'birthYear', from: 'birthYear', about: 'Age in years at the index (first) treatment', access: AGE },
      // The clinical fields: each field's access is in its one definition (fields/patient.fields.ts).
      ...accessEntries(PATIENT_FIELDS),
      ofScore: { kind: 'related', about: 'The DGOU OF-Score computed from the record, with its components and the ones missing', access: ALL },
      fractures: { kind: 'related', about: 'The fractures', access: ALL },
      treatments: { kind: 'related', about: 'The treatments in date order; the first is the index treatment', access: ALL },
      assessments: { kind: 'related', about: 'The follow-up visits in date order', access: ALL },
      latestAssessment: { kind: 'related', about: 'The most recent completed visit', access: ALL },
      complications: { kind: 'related', about: 'The complications', access: ALL },
      death: { kind: 'related', about: "The patient's death (null while none is recorded)", access: ALL },
    }),
    unexposed: REQUEST_ID,
  },
  PatientIdentifiers: {
    about: "A patient's direct identifiers",
    fields: {
      mrn: { kind: 'identifier', about: 'Medical record number at the site', access: IDENTIFIED_RECORD },
      familyName: { kind: 'identifier', about: 'Family name', access: IDENTIFIED_RECORD },
      givenName: { kind: 'identifier', about: 'Given name', access: IDENTIFIED_RECORD },
      dateOfBirth: { kind: 'identifier', about: 'Date of birth (YYYY-MM-DD)', access: IDENTIFIED_RECORD },
    },
    unexposed: {
      patientId: 'The patient they identify, reached through Patient.identifiers',
      siteId: "A copy of the patient's site, for the per-site MRN index",
      updatedAt: 'Record keeping of the identifier row',
    },
  },
  Fracture: {
    about: 'A vertebral fracture',
    fields: withRecordKeeping({
      patientId: { kind: 'id', about: 'The patient', access: ALL },
      // The plain values: each field's access is in its one definition (fields/fracture.fields.ts).
      ...accessEntries(FRACTURE_FIELDS),
      additionalInjuries: { kind: 'freeText', about: 'Additional injuries (free text)', access: IDENTIFIED_ONLY },
    }),
    unexposed: REQUEST_ID,
  },
  Treatment: {
    about: 'A treatment: conservative care, vertebroplasty or kyphoplasty',
    fields: withRecordKeeping({
      patientId: { kind: 'id', about: 'The patient', access: ALL },
      kind: v('Conservative care, vertebroplasty or kyphoplasty'),
      startDate: { kind: 'date', about: 'Start of the treatment (YYYY-MM-DD)', access: IDENTIFIED_ONLY },
      startDay: { kind: 'date', from: 'startDate', about: 'Start in days from the index treatment (0 for the index treatment itself)', access: DAYS },
      levels: { kind: 'related', about: 'The fractures treated, with the cement per level', access: ALL },
      // The plain values: each field's access is in its one definition (fields/treatment.fields.ts).
      ...accessEntries(TREATMENT_FIELDS),
    }),
    unexposed: REQUEST_ID,
  },
  TreatedLevel: {
    about: 'A fracture a treatment treats, with the cement given at that level',
    fields: {
      fractureId: { kind: 'id', about: 'The fracture treated', access: ALL },
      cementType: v('Cement type'),
      cementVolumeMl: v('Cement volume, ml'),
      cementFillPercent: v('Share of the vertebral body filled with cement, percent'),
    },
    unexposed: { treatmentId: 'The treatment, reached through Treatment.levels' },
  },
  Assessment: {
    about: 'A follow-up visit (done, missed or withdrawn)',
    fields: withRecordKeeping({
      patientId: { kind: 'id', about: 'The patient', access: ALL },
      treatmentId: { kind: 'id', about: 'The index treatment the time point counts from', access: ALL },
      timePoint: v('Scheduled time point'),
      visitDate: { kind: 'date', about: 'Date of the visit (YYYY-MM-DD)', access: IDENTIFIED_ONLY },
      visitDay: { kind: 'date', from: 'visitDate', about: 'Day of the visit from the index treatment', access: DAYS },
      status: v('Done, missed or withdrawn'),
      // The plain values: each field's access is in its one definition (fields/assessment.fields.ts);
      // the questionnaires' items and where each score came from stay here.
      ...accessEntries(ASSESSMENT_FIELDS),
      odiItems: v('The ten ODI sections, 0-5 each (null: not answered)'),
      odiSource: v('ITEMS: odi computed from odiItems; TOTAL: entered without its answers'),
      rmdqItems: v('The 24 RMDQ statements (true: yes)'),
      rmdqSource: v('ITEMS: rmdq computed from rmdqItems; TOTAL: entered without its statements'),
      eq5dLevels: v('The five EQ-5D-5L levels 1-5 (mobility, self-care, usual activities, pain/discomfort, anxiety/depression)'),
      eq5dSource: v('ITEMS: eq5dIndex computed from eq5dLevels; TOTAL: entered without its levels'),
      eq5dValueSet: v('The EQ-5D-5L value set of eq5dIndex (null: entered before value sets were stored)'),
    }),
    unexposed: REQUEST_ID,
  },
  Complication: {
    about: 'A complication (deaths recorded as kind DEATH before the death record existed are withdrawn; see Death)',
    fields: withRecordKeeping({
      patientId: { kind: 'id', about: 'The patient', access: ALL },
      treatmentId: { kind: 'id', about: 'The treatment it followed, if any', access: ALL },
      // The plain values: each field's access is in its one definition (fields/complication.fields.ts).
      ...accessEntries(COMPLICATION_FIELDS),
      notes: { kind: 'freeText', about: 'Notes (free text)', access: IDENTIFIED_ONLY },
    }),
    unexposed: REQUEST_ID,
  },
  Death: {
    about: "A patient's death: its own record, one in force per patient",
    fields: withRecordKeeping({
      patientId: { kind: 'id', about: 'The patient', access: ALL },
      // The plain values: each field's access is in its one definition (fields/death.fields.ts).
      ...accessEntries(DEATH_FIELDS),
      notes: { kind: 'freeText', about: 'Notes (free text)', access: IDENTIFIED_ONLY },
    }),
    unexposed: REQUEST_ID,
  },
  WorklistItem: {
    about: 'A follow-up visit expected and not yet recorded (the worklist)',
    fields: {
      patientId: { kind: 'id', about: 'The patient', access: IDENTIFIED_RECORD },
      registryNumber: { kind: 'pseudonym', about: 'Registry number', access: IDENTIFIED_RECORD },
      siteId: { kind: 'id', about: 'The site', access: IDENTIFIED_RECORD },
      treatmentId: { kind: 'id', about: 'The index treatment', access: IDENTIFIED_RECORD },
      treatmentKind: { kind: 'value', about: 'Kind of the index treatment', access: IDENTIFIED_RECORD },
      treatmentDate: { kind: 'date', about: 'Start of the index treatment (YYYY-MM-DD)', access: IDENTIFIED_RECORD },
      timePoint: { kind: 'value', about: 'Time point due', access: IDENTIFIED_RECORD },
      targetDate: { kind: 'date', about: 'Target date of the visit', access: IDENTIFIED_RECORD },
      windowStart: { kind: 'date', about: 'First day of the visit window', access: IDENTIFIED_RECORD },
      windowEnd: { kind: 'date', about: 'Last day of the visit window', access: IDENTIFIED_RECORD },
      state: { kind: 'value', about: 'Due soon, due or overdue', access: IDENTIFIED_RECORD },
      daysOverdue: { kind: 'value', about: 'Days past the window', access: IDENTIFIED_RECORD },
      identifiers: { kind: 'related', about: "The patient's direct identifiers, for the call list", access: IDENTIFIED_RECORD },
    },
  },
} as const satisfies Record<string, RecordAccess>;

export type RecordType = keyof typeof RECORD_FIELDS;
export type RecordField<R extends RecordType> = keyof (typeof RECORD_FIELDS)[R]['fields'] & string;

// ---------------------------------------------------------------------------------------------
// Export columns

export interface ExportColumn {
  kind: FieldKind;
  /** Patient columns appear once per row; visit columns once per visit (long) and, where `wide`, once per time point (wide). */
  level: 'patient' | 'visit';
  wide?: boolean;
  /** The type of the full value, for the data dictionary. */
  type: string;
  meaning: string;
  access: Readonly<Record<Role, FieldRule>>;
}

/* @__NO_SIDE_EFFECTS__ */
function col(level: 'patient' | 'visit', type: string, meaning: string, extra: Partial<ExportColumn> = {}): ExportColumn {
  return { kind: 'value', level, type, meaning, access: ALL, ...extra };
}

/**
 * GET /api/export/assessments.csv (long and wide): a cohort's follow-up data, one row per visit or
 * per patient. The file is de-identified whoever downloads it, so that it can be handed on as it
 * is; a site's identified records are the records export.
 */
export const ASSESSMENT_EXPORT_COLUMNS = {
  registry_number: col('patient', 'text', 'Pseudonymous registry number (never the medical record number)', { kind: 'pseudonym' }),
  site: col('patient', 'text', 'Code of the registering site'),
  sex: col('patient', 'FEMALE | MALE', 'Sex'),
  age_at_index: col('patient', 'integer', 'Age in years at the index (first) treatment', { kind: 'birthYear', access: AGE_BAND }),
  first_treatment: col('patient', 'CONSERVATIVE | VERTEBROPLASTY | KYPHOPLASTY', 'Kind of the index treatment (intention to treat)'),
  treatment_received: col('patient', 'CONSERVATIVE | VERTEBROPLASTY | KYPHOPLASTY', 'Kind of the last treatment (differs from the first after a crossover)'),
  crossover_day: col(
    'patient',
    'integer',
    'Day of the first treatment of another kind than the index one (empty without a crossover); per protocol, follow-up ends here',
  ),
  death_day: col('patient', 'integer', 'Day of death counted from the index treatment (empty if no death is recorded)', { kind: 'date', access: DAYS }),
  follow_up_end_day: col(
    'patient',
    'integer',
    'Last day of follow-up: the day of death, else the last completed visit (never before 0); events after it do not count',
  ),
  baseline_nrs: col('patient', 'integer 0-10', 'Pain NRS on activity (at rest if activity not scored) at the BASELINE visit'),
  max_genant_grade: col('patient', 'integer 0-3', 'Highest Genant grade among the fractures the index treatment treated'),
  fracture_age_days: col('patient', 'integer', 'Days from the onset of symptoms to the index treatment (acute < 42, subacute 42-84, chronic > 84)'),
  time_point: col('visit', 'BASELINE | D1 | W1 | M1 | M3 | M6 | M12 | M24 | UNSCHEDULED', 'Scheduled follow-up time point'),
  status: col('visit', 'DONE | MISSED | WITHDRAWN', 'Whether the visit took place', { wide: true }),
  visit_day: col('visit', 'integer', 'Day of the visit counted from the index treatment (day 0; negative before it)', {
    kind: 'date',
    access: DAYS,
    wide: true,
  }),
  nrs_rest: col('visit', 'integer 0-10', 'Pain at rest, numeric rating scale', { wide: true }),
  nrs_activity: col('visit', 'integer 0-10', 'Pain on activity, numeric rating scale', { wide: true }),
  odi: col('visit', 'number 0-100', 'Oswestry Disability Index, percent', { wide: true }),
  rmdq: col('visit', 'integer 0-24', 'Roland-Morris Disability Questionnaire', { wide: true }),
  eq5d_index: col('visit', 'number <= 1', 'EQ-5D-5L index value', { wide: true }),
  analgesic_level: col('visit', 'NONE | NON_OPIOID | WEAK_OPIOID | STRONG_OPIOID', 'Analgesics at the visit', { wide: true }),
  opioid_use: col('visit', 'true | false', 'Any opioid at the visit', { wide: true }),
  back_to_usual_activities: col('visit', 'true | false', 'Back to usual activities', { wide: true }),
  odi_source: col('visit', 'ITEMS | TOTAL', 'ITEMS: odi computed from the ten sections; TOTAL: entered without its answers'),
  odi_items: col('visit', 'ten integers 0-5 separated by semicolons, empty for a section not answered', "The ODI sections in the questionnaire's order"),
  rmdq_source: col('visit', 'ITEMS | TOTAL', 'ITEMS: rmdq computed from the 24 statements; TOTAL: entered without them'),
  rmdq_items: col('visit', '24 of 1 (yes) and 0 (no) separated by semicolons', "The RMDQ statements in the questionnaire's order"),
  eq5d_levels: col(
    'visit',
    'five integers 1-5 separated by semicolons',
    'EQ-5D-5L levels: mobility, self-care, usual activities, pain/discomfort, anxiety/depression',
  ),
  eq5d_vas: col('visit', 'integer 0-100', 'EQ VAS', { wide: true }),
  eq5d_source: col('visit', 'ITEMS | TOTAL', 'ITEMS: eq5d_index computed from the levels; TOTAL: entered without them'),
  eq5d_value_set: col('visit', 'ENGLAND | GERMANY | US', 'Value set of eq5d_index (empty: entered before value sets were stored)'),
  imaging_done: col('visit', 'true | false', 'Spine imaging (radiograph, CT or MRI) done at the visit (empty: not recorded)', { wide: true }),
  // Hospital use after the index treatment, and radiographic follow-up of the index level.
  index_discharge_destination: col(
    'patient',
    'HOME | HOME_WITH_CARE | REHABILITATION | NURSING_HOME | OTHER_HOSPITAL | DIED_IN_HOSPITAL',
    'Where the patient went on discharge after the index treatment',
  ),
  index_readmitted_30_days: col('patient', 'true | false', 'Readmitted within 30 days of discharge after the index treatment (empty: not recorded)'),
  index_readmitted_90_days: col('patient', 'true | false', 'Readmitted within 90 days of discharge after the index treatment (empty: not recorded)'),
  index_kyphotic_angle_after: col(
    'patient',
    'number -30 to 90',
    'Kyphotic angle after the index procedure, degrees: kyphotic_angle at a visit minus this is the loss of correction',
  ),
  anterior_height_percent: col('visit', 'number 0-120', 'Index level: anterior height, percent of the adjacent normal vertebra', { wide: true }),
  middle_height_percent: col('visit', 'number 0-120', 'Index level: middle height, percent of the adjacent normal vertebra', { wide: true }),
  posterior_height_percent: col('visit', 'number 0-120', 'Index level: posterior height, percent of the adjacent normal vertebra', { wide: true }),
  kyphotic_angle: col(
    'visit',
    'number -30 to 90',
    "Index level: kyphotic angle, degrees (compare with the index treatment's angle after the procedure for the loss of correction)",
    { wide: true },
  ),
} as const satisfies Record<string, ExportColumn>;

export type AssessmentExportColumn = keyof typeof ASSESSMENT_EXPORT_COLUMNS;

/** The cohort export's patient columns defined with their fields (fields/patient.fields.ts), after the columns above. */
export const DEFINED_EXPORT_COLUMNS = /* @__PURE__ */ cohortExportColumns(PATIENT_FIELDS);

/** Every column of the cohort export in file order: the patient columns, the defined ones, then the visit columns. */
export function cohortExportColumnList(): [string, ExportColumn][] {
  const fixed = Object.entries<ExportColumn>(ASSESSMENT_EXPORT_COLUMNS);
  return [...fixed.filter(([, c]) => c.level === 'patient'), ...Object.entries(DEFINED_EXPORT_COLUMNS), ...fixed.filter(([, c]) => c.level === 'visit')];
}

/**
 * The research exports of a cohort's records, one row per record in force: GET
 * /api/export/complications.csv and /api/export/treatments.csv. Like the cohort export they are
 * de-identified for every reader (the registry number, dates as days from the index treatment, no
 * free text), so that complication rates and times to a new fracture can be recomputed outside.
 * Their columns come from the records' field definitions; a date becomes its day column.
 */
export interface RecordExportColumn extends ExportColumn {
  /** The stored value: a column of the record (x), or an expression over it and the cohort row (c). */
  source: string;
}

function recordExportColumns(defs: FieldDefinitions, fixed: Record<string, RecordExportColumn>): Record<string, RecordExportColumn> {
  const out: Record<string, RecordExportColumn> = { ...fixed };
  for (const def of Object.values(defs)) {
    if (def.type === 'date') {
      out[def.column.replace(/_(date|on)$/, '') + '_day'] = {
        source: `x.${def.column}`,
        kind: 'date',
        level: 'visit',
        type: 'integer',
        meaning: `${def.about.replace(/ \(YYYY-MM-DD\)$/, '')}, in days from the index treatment (negative: before it)`,
        access: DAYS,
      };
    } else {
      const list = def.type === 'enumList';
      out[def.column] = {
        source: list ? `array_to_string(x.${def.column}, ';')` : `x.${def.column}`,
        kind: 'value',
        level: 'visit',
        type: typeWords(def),
        meaning: def.about,
        access: def.access,
      };
    }
  }
  return out;
}

const REGISTRY_NUMBER: RecordExportColumn = {
  ...col('patient', 'text', 'Pseudonymous registry number: joins the rows to the cohort export', { kind: 'pseudonym' }),
  source: 'c.registry_number',
};

export const RECORD_EXPORTS = {
  complications: {
    path: 'GET /api/export/complications.csv',
    about: "A cohort's complications, one row per complication in force (deaths are the cohort export's death_day)",
    columns: /* @__PURE__ */ recordExportColumns(COMPLICATION_FIELDS, { registry_number: REGISTRY_NUMBER }),
  },
  treatments: {
    path: 'GET /api/export/treatments.csv',
    about: "A cohort's treatments, one row per treatment in force, the index treatment first",
    columns: /* @__PURE__ */ recordExportColumns(TREATMENT_FIELDS, {
      registry_number: REGISTRY_NUMBER,
      index_treatment: {
        ...col('visit', 'true | false', 'Whether this is the index (first) treatment, the one day 0 counts from'),
        source: '(x.id = c.index_treatment_id)',
      },
      kind: { ...col('visit', 'CONSERVATIVE | VERTEBROPLASTY | KYPHOPLASTY', 'Kind of treatment'), source: 'x.kind::text' },
      start_day: {
        ...col('visit', 'integer', 'Start of the treatment in days from the index treatment (0 for the index treatment)', { kind: 'date', access: DAYS }),
        source: 'x.start_date',
      },
    }),
  },
} as const;

export type RecordExport = keyof typeof RECORD_EXPORTS;

/** A research export's columns in file order. */
export function recordExportColumnList(file: RecordExport): [string, RecordExportColumn][] {
  return Object.entries(RECORD_EXPORTS[file].columns);
}

function exportColumnDef(column: string, file?: RecordExport): ExportColumn {
  if (file) {
    const r = (RECORD_EXPORTS[file].columns as Record<string, RecordExportColumn | undefined>)[column];
    if (!r) throw new Error(`${column} is not a column of the ${file} export`);
    return r;
  }
  const c = (ASSESSMENT_EXPORT_COLUMNS as Record<string, ExportColumn>)[column] ?? DEFINED_EXPORT_COLUMNS[column];
  if (!c) throw new Error(`${column} is not a column of the cohort export`);
  return c;
}

export interface ExportFile {
  path: string;
  about: string;
  /** Who may download it; for a file with per-column rules, the roles given any column. */
  access: Readonly<Record<Role, FieldRule>>;
}

/** The exports besides the cohort export, each decided as a whole. */
export const EXPORT_FILES = {
  records: {
    path: 'GET /api/export/records/<kind>.csv',
    about: "A site's records in the import format, identified, with exact dates and free text (to move or back up a registry)",
    access: IDENTIFIED_RECORD,
  },
  dictionary: {
    path: 'GET /api/export/dictionary.csv',
    about: 'What each column of the cohort export means, for the role that asks',
    access: ALL,
  },
} as const satisfies Record<string, ExportFile>;

// ---------------------------------------------------------------------------------------------
// Reading the table

export function fieldAccess(record: RecordType, field: string): FieldAccess {
  const def = (RECORD_FIELDS[record].fields as Record<string, FieldAccess>)[field];
  if (!def) throw new Error(`${record}.${field} is not in the field-access table`);
  return def;
}

export function fieldRule(record: RecordType, field: string, role: Role): FieldRule {
  return fieldAccess(record, field).access[role];
}

/** The roles given a record at all (the roles its read operations allow). */
export function readersOf(record: RecordType): Role[] {
  const fields = Object.values(RECORD_FIELDS[record].fields) as FieldAccess[];
  return Object.values(Role).filter((role) => fields.some((f) => f.access[role] !== 'none'));
}

/** The roles that may download an export. */
export function exportReaders(file: keyof typeof EXPORT_FILES | 'assessments' | RecordExport): Role[] {
  const maps: Readonly<Record<Role, FieldRule>>[] =
    file === 'assessments'
      ? cohortExportColumnList().map(([, c]) => c.access)
      : file === 'complications' || file === 'treatments'
        ? recordExportColumnList(file).map(([, c]) => c.access)
        : [EXPORT_FILES[file].access];
  return Object.values(Role).filter((role) => maps.some((m) => m[role] !== 'none'));
}

/** Whether the rule can answer null though a value is stored (withheld, or no index treatment to count from). */
export function ruleMayBeNull(rule: FieldRule): boolean {
  return rule === 'withheld' || rule === 'dayOffset' || rule === 'age' || rule === 'ageBand';
}

/** An age above 89 as the one category "90+". */
export function ageBand(age: number): string {
  return age > 89 ? '90+' : String(age);
}

export interface ProjectionContext {
  role: Role;
  /** Start of the patient's index (first) treatment, day 0; null before the first treatment. */
  indexDate: string | null;
}

/** Whole years at the index treatment, from the birth year alone (the registry keeps no birthday outside the identifiers). */
function ageAtIndex(birthYear: unknown, indexDate: string | null): number | null {
  if (typeof birthYear !== 'number' || !indexDate) return null;
  return Number(indexDate.slice(0, 4)) - birthYear;
}

function isoDay(value: unknown): string | null {
  if (value instanceof Date) return toIsoDate(value);
  if (typeof value === 'string') return value.slice(0, 10);
  return null;
}

/** One field's value for a role, by its rule. */
export function applyRule(rule: FieldRule, value: unknown, ctx: ProjectionContext): unknown {
  switch (rule) {
    case 'full':
      return value ?? null;
    case 'withheld':
      return null;
    case 'present':
      return value !== null && value !== undefined;
    case 'dayOffset': {
      const day = isoDay(value);
      return day && ctx.indexDate ? daysBetween(ctx.indexDate, day) : null;
    }
    case 'age': {
      const age = ageAtIndex(value, ctx.indexDate);
      return age === null ? null : String(age);
    }
    case 'ageBand': {
      const age = ageAtIndex(value, ctx.indexDate);
      return age === null ? null : ageBand(age);
    }
    case 'none':
      throw new ForbiddenError('Your role is not given this record');
  }
}

/**
 * A stored row as the role may receive it: every field of the record type (nested records
 * excepted: each is its own record type), each by its rule. A role the table gives none of the
 * record is refused. With `only`, just those fields: a reader that asked for two fields of fifty
 * does not pay for the other 48 (the list's records, docs/performance.md).
 */
export function projectRecord(record: RecordType, row: object, ctx: ProjectionContext, only?: ReadonlySet<string>): Record<string, unknown> {
  const stored = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // A role given none of some field of the record is refused the record whatever is asked of it.
  const asked = only && !withoutAccess(record).has(ctx.role) ? only : undefined;
  if (asked) {
    // The few fields asked, looked up, rather than every field of the record passed over.
    const byName = projectedByName(record);
    for (const name of asked) {
      const def = byName.get(name);
      if (def) out[name] = applyRule(def.access[ctx.role], stored[def.from ?? name], ctx);
    }
    return out;
  }
  for (const [name, def] of projectedFields(record)) out[name] = applyRule(def.access[ctx.role], stored[def.from ?? name], ctx);
  return out;
}

const PROJECTED_BY_NAME = new Map<RecordType, Map<string, FieldAccess>>();

function projectedByName(record: RecordType): Map<string, FieldAccess> {
  let fields = PROJECTED_BY_NAME.get(record);
  if (!fields) PROJECTED_BY_NAME.set(record, (fields = new Map(projectedFields(record))));
  return fields;
}

const PROJECTED = new Map<RecordType, [string, FieldAccess][]>();
const WITHOUT_ACCESS = new Map<RecordType, Set<Role>>();

/** A record type's fields a projection gives (nested records are resolved apart), computed once. */
function projectedFields(record: RecordType): [string, FieldAccess][] {
  let fields = PROJECTED.get(record);
  if (!fields) {
    fields = (Object.entries(RECORD_FIELDS[record].fields) as [string, FieldAccess][]).filter(([, def]) => def.kind !== 'related');
    PROJECTED.set(record, fields);
  }
  return fields;
}

/** The roles some field of the record is given to as 'none'. */
function withoutAccess(record: RecordType): Set<Role> {
  let roles = WITHOUT_ACCESS.get(record);
  if (!roles) {
    roles = new Set(Object.values(Role).filter((role) => projectedFields(record).some(([, def]) => def.access[role] === 'none')));
    WITHOUT_ACCESS.set(record, roles);
  }
  return roles;
}

// ---------------------------------------------------------------------------------------------
// Words, for GraphQL descriptions, the data dictionary and docs/field-access.md

const RULE_WORDS: Record<FieldRule, string> = {
  full: 'the value',
  dayOffset: 'days from the index treatment',
  age: 'age in years',
  ageBand: 'age in years, above 89 as "90+"',
  present: 'true/false',
  withheld: 'null (withheld)',
  none: '—',
};

function ruleWords(rule: FieldRule, kind: FieldKind): string {
  if (rule === 'full') {
    if (kind === 'date') return 'exact date';
    if (kind === 'timestamp') return 'exact time';
    if (kind === 'freeText') return 'the text';
    if (kind === 'related') return 'the records';
  }
  return RULE_WORDS[rule];
}

/** A GraphQL description: what the field is and, where they differ, what researchers get. */
export function fieldDescription(record: RecordType, field: string): string {
  const def = fieldAccess(record, field);
  const researcher = def.access[Role.RESEARCHER];
  const identified = def.access[Role.COORDINATOR];
  if (researcher === identified || researcher === 'none') return def.about;
  return `${def.about}. Researchers: ${ruleWords(researcher, def.kind)}`;
}

/** The data dictionary's type of an export column for a role. */
export function exportColumnType(column: string, role: Role, file?: RecordExport): string {
  const c = exportColumnDef(column, file);
  const rule = c.access[role];
  if (rule === 'ageBand') return 'integer or "90+"';
  if (rule === 'withheld') return 'empty (withheld)';
  return c.type;
}

export function exportColumnMeaning(column: string, role: Role, file?: RecordExport): string {
  const c = exportColumnDef(column, file);
  return c.access[role] === 'ageBand' ? `${c.meaning}; above 89 shown as 90+` : c.meaning;
}

const KIND_WORDS: Record<FieldKind, string> = {
  id: 'id',
  pseudonym: 'pseudonym',
  identifier: 'identifier',
  birthYear: 'birth year',
  date: 'date',
  timestamp: 'timestamp',
  freeText: 'free text',
  value: 'value',
  related: 'records',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/field-access.md, rendered from the table (a test holds the committed file equal to it). */
export function renderFieldAccessDoc(): string {
  const AUDIENCES: { title: string; role: Role }[] = [
    { title: 'coordinators (own site) and admins', role: Role.COORDINATOR },
    { title: 'researchers', role: Role.RESEARCHER },
    { title: 'department heads', role: Role.DEPARTMENT_HEAD },
  ];
  const lines: string[] = [
    '# Who sees what, field by field',
    '',
    '<!-- Written from libs/domain/src/field-access.ts by `npm run docs:field-access`; a test fails when this file differs. Edit the table, not this file. -->',
    '',
    'Every field of every patient-level record the API returns, and every column of the exports, is decided once in',
    '`libs/domain/src/field-access.ts`. The GraphQL record models, the CSV exports, the data dictionary and this page are all',
    'built from that table; the operations that read records allow exactly the roles it gives them to.',
    '',
    'What a cell means:',
    '',
    '| rule | what the reader receives |',
    '|---|---|',
    '| the value, exact date, exact time, the text, the records | what is stored |',
    "| days from the index treatment | a date as whole days from the start of the patient's first treatment (day 0; negative before it) |",
    '| age in years | the age at the index treatment, from the birth year |',
    '| age in years, above 89 as "90+" | the same, with every age above 89 as the one category `90+` |',
    '| true/false | whether the value is set |',
    '| null (withheld) | null, whatever is stored |',
    '| — | nothing: the record or file is not given to the role at all (the operation is refused) |',
    '',
    "Coordinators read only their own site's patients; admins and researchers read every site's. Department heads read",
    "no patient-level record and no export row: they see the registry's aggregates, with small cells suppressed.",
    'De-identified readers (researchers, department heads) never receive a direct identifier, a calendar date or',
    'timestamp, a birth year, an age above 89 other than `90+`, or free text; a test fails if the table ever gives them one.',
    '',
    '## Records (GraphQL)',
    '',
  ];
  for (const [record, def] of Object.entries(RECORD_FIELDS) as [RecordType, RecordAccess][]) {
    lines.push(`### ${record}`, '', `${def.about}.`, '');
    lines.push(`| field | what it is | stored as | ${AUDIENCES.map((a) => a.title).join(' | ')} |`);
    lines.push(`|---|---|---|${AUDIENCES.map(() => '---').join('|')}|`);
    for (const [name, f] of Object.entries<FieldAccess>(def.fields)) {
      const from = f.from ? ` (from \`${f.from}\`)` : '';
      lines.push(
        `| \`${name}\` | ${cell(f.about)}${from} | ${KIND_WORDS[f.kind]} | ${AUDIENCES.map((a) => cell(ruleWords(f.access[a.role], f.kind))).join(' | ')} |`,
      );
    }
    if (def.unexposed) {
      lines.push(
        '',
        `Stored but given to no one: ${Object.entries(def.unexposed)
          .map(([k, why]) => `\`${k}\` (${why.charAt(0).toLowerCase()}${why.slice(1)})`)
          .join('; ')}.`,
      );
    }
    lines.push('');
  }
  lines.push('## Exports (CSV)', '', '### GET /api/export/assessments.csv (long and wide)', '');
  lines.push(
    "A cohort's follow-up data: long has one row per visit with every column below; wide has one row per patient, with the",
    'patient columns and, for each scheduled time point, `status_<tp>`, `visit_day_<tp>` and the scores (`nrs_rest_<tp>`, ...).',
    'The data dictionary (`GET /api/export/dictionary.csv`) describes the columns as the asking role receives them.',
    '',
  );
  lines.push(`| column | meaning | ${AUDIENCES.map((a) => a.title).join(' | ')} |`);
  lines.push(`|---|---|${AUDIENCES.map(() => '---').join('|')}|`);
  for (const [name, c] of cohortExportColumnList()) {
    const where = c.level === 'patient' ? '' : c.wide ? ' (per visit; per time point in wide)' : ' (per visit; long only)';
    lines.push(`| \`${name}\` | ${cell(c.meaning)}${where} | ${AUDIENCES.map((a) => cell(ruleWords(c.access[a.role], c.kind))).join(' | ')} |`);
  }
  for (const file of Object.keys(RECORD_EXPORTS) as RecordExport[]) {
    const f = RECORD_EXPORTS[file];
    lines.push('', `### ${f.path}`, '', `${f.about}; its data dictionary is \`GET /api/export/dictionary.csv?format=${file}\`.`, '');
    lines.push(`| column | meaning | ${AUDIENCES.map((a) => a.title).join(' | ')} |`);
    lines.push(`|---|---|${AUDIENCES.map(() => '---').join('|')}|`);
    for (const [name, c] of recordExportColumnList(file)) {
      lines.push(`| \`${name}\` | ${cell(c.meaning)} | ${AUDIENCES.map((a) => cell(ruleWords(c.access[a.role], c.kind))).join(' | ')} |`);
    }
  }
  lines.push('', '### Other exports', '');
  lines.push(`| file | what it is | ${AUDIENCES.map((a) => a.title).join(' | ')} |`);
  lines.push(`|---|---|${AUDIENCES.map(() => '---').join('|')}|`);
  for (const f of Object.values(EXPORT_FILES) as ExportFile[]) {
    lines.push(`| \`${f.path}\` | ${cell(f.about)} | ${AUDIENCES.map((a) => (f.access[a.role] === 'none' ? '—' : 'yes')).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
