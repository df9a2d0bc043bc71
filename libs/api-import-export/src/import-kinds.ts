import {
  assessmentCreateSchema,
  COMPLICATION_FIELDS,
  complicationCreateSchema,
  csvDescription,
  DEATH_FIELDS,
  deathCreateSchema,
  FieldDefinition,
  FieldDefinitions,
  FRACTURE_FIELDS,
  fractureCreateSchema,
  listFromCell,
  PATIENT_FIELDS,
  patientCreateSchema,
  TimePoint,
  treatmentCreateSchema,
  z,
} from '@vfr/domain';
import { ASSESSMENT_FIELDS, TREATMENT_FIELDS } from '@vfr/domain';
import { cellBoolean, cellEnum, cellNumber, cellText } from './csv-reader';

export enum ImportKind {
  PATIENTS = 'patients',
  FRACTURES = 'fractures',
  TREATMENTS = 'treatments',
  ASSESSMENTS = 'assessments',
  COMPLICATIONS = 'complications',
  DEATHS = 'deaths',
}

export interface Column {
  /** The CSV column, snake_case, as in the file's header. */
  name: string;
  /** What a person calls it: the field definition's label, or the hand-written one below. */
  label: string;
  required: boolean;
  description: string;
  example: string;
}

/** What a row refers to, resolved in bulk before validation. */
export interface Refs {
  patient?: { id: string; siteId: string };
  siteId?: string;
  treatmentId?: string;
  treatmentStart?: string;
  /** The patient's latest completed visit (deaths: the day of death cannot precede it). */
  latestDoneVisit?: { timePoint: string; visitDate: string };
  /** The patient's death in force (visits: a completed one cannot follow it). */
  diedOn?: string;
  fractureIds?: (string | undefined)[];
  /** The levels the index treatment treated (complications: a new fracture's adjacency). */
  treatedLevels?: string[];
}

export interface KindSpec {
  kind: ImportKind;
  table: string;
  columns: Column[];
  /** The natural key: importing the same row twice adds nothing. */
  key(row: Record<string, string>): string;
  schema: z.ZodMiniType;
  /** The kind's defined fields (libs/domain/src/fields): each names its own column in the report. */
  defined?: FieldDefinitions;
  /** The domain input for a row, given its resolved references. */
  input(row: Record<string, string>, refs: Refs): Record<string, unknown>;
}

/** A semicolon list in one cell (empty cell: none), each entry parsed as its own cell. */
const cellList = <T>(v: string | undefined, cell: (entry: string) => T): T[] | null => (v === undefined || v.trim() === '' ? null : v.split(';').map(cell));

// The plain labels of the columns that no field definition describes (the defined ones carry their own).
const LABELS: Readonly<Record<string, string>> = {
  registry_number: 'Registry number',
  site_code: 'Site',
  birth_year: 'Year of birth',
  mrn: 'Medical record number',
  family_name: 'Family name',
  given_name: 'Given name',
  date_of_birth: 'Date of birth',
  additional_injuries: 'Additional injuries (free text)',
  kind: 'Treatment',
  start_date: 'Start date',
  levels: 'Treated levels',
  cement_volumes_ml: 'Cement volume per level (ml)',
  cement_type: 'Cement type',
  cement_fill_percent: 'Cement fill per level (%)',
  time_point: 'Time point',
  visit_date: 'Visit date',
  status: 'Visit status',
  odi_items: 'ODI answers',
  rmdq_items: 'RMDQ answers',
  eq5d_levels: 'EQ-5D-5L levels',
  notes: 'Notes',
};

const col = (name: string, required: boolean, description: string, example: string, label = LABELS[name] ?? name): Column => ({
  name,
  label,
  required,
  description,
  example,
});
const rn = (r: Record<string, string>) => (r.registry_number ?? '').trim();

/** A defined field's CSV column: required when the field is and has no default. */
const definedColumn = (def: FieldDefinition): Column => col(def.column, def.required && def.default === undefined, csvDescription(def), def.example, def.label);

/** A defined field's value from its cell, parsed by its type; an empty cell is the default, or null. */
function definedCell(def: FieldDefinition, cell: string | undefined): unknown {
  const value =
    def.type === 'integer' || def.type === 'number'
      ? cellNumber(cell)
      : def.type === 'boolean'
        ? cellBoolean(cell)
        : def.type === 'enum'
          ? cellEnum(cell)
          : def.type === 'enumList'
            ? listFromCell(cell)
            : cellText(cell);
  return value ?? def.default ?? null;
}

/** The domain input of a table of definitions, from a row. */
export function definedInput(defs: FieldDefinitions, row: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, definedCell(def, row[def.column])]));
}

const patientColumns = [
  col('registry_number', true, 'Pseudonymous registry number (letters, digits, hyphens)', 'NORTH-001234'),
  col('site_code', true, 'Code of the site the patient is registered at', 'NORTH'),
  col('birth_year', true, 'Year of birth', '1946'),
  // The clinical columns, from the patient's field definitions (libs/domain/src/fields/patient.fields.ts).
  ...Object.values(PATIENT_FIELDS as FieldDefinitions).map(definedColumn),
  col('mrn', false, 'Medical record number (identifier; with family_name, given_name, date_of_birth)', 'M00012345'),
  col('family_name', false, 'Family name (identifier)', 'Berg'),
  col('given_name', false, 'Given name (identifier)', 'Anna'),
  col('date_of_birth', false, 'YYYY-MM-DD (identifier; must fall in birth_year)', '1946-03-14'),
];

/**
 * A visit's defined columns. The questionnaires' items stand before the EQ VAS, as on the
 * questionnaire and in the files written before the fields were defined.
 */
const VISIT_DEFINED = Object.values(ASSESSMENT_FIELDS as FieldDefinitions).map(definedColumn);
const VISIT_ITEMS_AT = VISIT_DEFINED.findIndex((c) => c.name === ASSESSMENT_FIELDS.eq5dVas.column);

export const KINDS: Record<ImportKind, KindSpec> = {
  [ImportKind.PATIENTS]: {
    kind: ImportKind.PATIENTS,
    table: 'patient',
    columns: patientColumns,
    key: rn,
    schema: patientCreateSchema,
    defined: PATIENT_FIELDS,
    input: (r, refs) => ({
      siteId: refs.siteId ?? '',
      registryNumber: cellText(r.registry_number),
      birthYear: cellNumber(r.birth_year),
      ...definedInput(PATIENT_FIELDS, r),
      identifiers: [r.mrn, r.family_name, r.given_name, r.date_of_birth].some((v) => cellText(v))
        ? { mrn: cellText(r.mrn), familyName: cellText(r.family_name), givenName: cellText(r.given_name), dateOfBirth: cellText(r.date_of_birth) }
        : null,
    }),
  },
  [ImportKind.FRACTURES]: {
    kind: ImportKind.FRACTURES,
    table: 'fracture',
    columns: [
      col('registry_number', true, 'The patient', 'NORTH-001234'),
      // The plain values, from the fracture's field definitions (libs/domain/src/fields/fracture.fields.ts).
      ...Object.values(FRACTURE_FIELDS as FieldDefinitions).map(definedColumn),
      col('additional_injuries', false, 'Additional injuries, free text (identified readers only; the kinds are additional_injury_kinds)', ''),
    ],
    key: (r) => `${rn(r)}|${(r.level ?? '').trim().toUpperCase()}`,
    schema: fractureCreateSchema,
    defined: FRACTURE_FIELDS,
    input: (r, refs) => ({
      patientId: refs.patient?.id ?? '',
      ...definedInput(FRACTURE_FIELDS, r),
      additionalInjuries: cellText(r.additional_injuries),
    }),
  },
  [ImportKind.TREATMENTS]: {
    kind: ImportKind.TREATMENTS,
    table: 'treatment',
    columns: [
      col('registry_number', true, 'The patient', 'NORTH-001234'),
      col('kind', true, 'CONSERVATIVE, VERTEBROPLASTY or KYPHOPLASTY', 'VERTEBROPLASTY'),
      col('start_date', true, 'YYYY-MM-DD', '2025-02-20'),
      col('levels', true, 'Treated levels, separated by semicolons (fractures already imported)', 'L1;L2'),
      col('cement_volumes_ml', false, 'Cement per level in ml, in the order of levels, separated by semicolons', '4.5;3.8'),
      col('cement_type', false, 'PMMA, PMMA_HIGH_VISCOSITY, CALCIUM_PHOSPHATE or OTHER', 'PMMA'),
      // The plain values, from the treatment's field definitions (libs/domain/src/fields/treatment.fields.ts);
      // all optional, so files without the later ones (hospital use, radiation) import as before.
      ...Object.values(TREATMENT_FIELDS as FieldDefinitions).map(definedColumn),
      col(
        'cement_fill_percent',
        false,
        'Procedures: share of each vertebral body filled with cement, percent 0-100, in the order of levels, separated by semicolons',
        '30;25',
      ),
    ],
    key: (r) => `${rn(r)}|${(r.kind ?? '').trim().toUpperCase()}|${(r.start_date ?? '').trim()}`,
    schema: treatmentCreateSchema,
    defined: TREATMENT_FIELDS,
    input: (r, refs) => {
      const volumes = (r.cement_volumes_ml ?? '').split(';').map((v) => cellNumber(v));
      const fills = (r.cement_fill_percent ?? '').split(';').map((v) => cellNumber(v));
      return {
        patientId: refs.patient?.id ?? '',
        kind: cellEnum(r.kind),
        startDate: cellText(r.start_date),
        levels: (refs.fractureIds ?? []).map((id, i) => ({
          fractureId: id ?? '',
          cementVolumeMl: volumes[i] ?? null,
          cementType: volumes[i] != null ? cellEnum(r.cement_type) : null,
          cementFillPercent: fills[i] ?? null,
        })),
        ...definedInput(TREATMENT_FIELDS, r),
      };
    },
  },
  [ImportKind.ASSESSMENTS]: {
    kind: ImportKind.ASSESSMENTS,
    table: 'assessment',
    columns: [
      col('registry_number', true, "The patient (the visit counts from the patient's index treatment)", 'NORTH-001234'),
      col('time_point', true, 'BASELINE, D1, W1, M1, M3, M6, M12, M24 or UNSCHEDULED', 'M1'),
      col('visit_date', false, 'YYYY-MM-DD; required when status is DONE', '2025-03-21'),
      col('status', false, 'DONE (default), MISSED or WITHDRAWN', 'DONE'),
      // The plain values, from the visit's field definitions (libs/domain/src/fields/assessment.fields.ts);
      // all optional, so files without the later ones (EQ VAS, imaging, radiographs) import as before.
      ...VISIT_DEFINED.slice(0, VISIT_ITEMS_AT),
      // The questionnaires' items (optional; files without these columns import as before).
      col(
        'odi_items',
        false,
        'The ten ODI sections 0-5 in order, separated by semicolons, empty for a section not answered (up to two); odi is then computed from them',
        '2;1;3;2;1;2;;2;1;1',
      ),
      col('rmdq_items', false, 'The 24 RMDQ statements in order, 1 (yes) or 0 (no), separated by semicolons; rmdq is then computed from them', ''),
      col(
        'eq5d_levels',
        false,
        "The five EQ-5D-5L levels 1-5 (mobility; self-care; usual activities; pain/discomfort; anxiety/depression); eq5d_index is then computed with the registry's value set",
        '2;1;2;3;1',
      ),
      ...VISIT_DEFINED.slice(VISIT_ITEMS_AT),
    ],
    key: (r) => {
      const tp = (r.time_point ?? '').trim().toUpperCase();
      return `${rn(r)}|${tp}${tp === String(TimePoint.UNSCHEDULED) ? `|${(r.visit_date ?? '').trim()}` : ''}`;
    },
    schema: assessmentCreateSchema,
    defined: ASSESSMENT_FIELDS,
    input: (r, refs) => ({
      patientId: refs.patient?.id ?? '',
      treatmentId: refs.treatmentId ?? '',
      timePoint: cellEnum(r.time_point),
      visitDate: cellText(r.visit_date),
      status: cellEnum(r.status) ?? 'DONE',
      ...definedInput(ASSESSMENT_FIELDS, r),
      odiItems: cellList(r.odi_items, cellNumber),
      rmdqItems: cellList(r.rmdq_items, cellBoolean),
      eq5dLevels: cellList(r.eq5d_levels, cellNumber),
    }),
  },
  [ImportKind.COMPLICATIONS]: {
    kind: ImportKind.COMPLICATIONS,
    table: 'complication',
    columns: [
      col('registry_number', true, 'The patient (linked to the index treatment)', 'NORTH-001234'),
      // The plain values, from the complication's field definitions (libs/domain/src/fields/complication.fields.ts);
      // level and detection are optional, so files without them import as before.
      ...Object.values(COMPLICATION_FIELDS as FieldDefinitions).map(definedColumn),
      col('notes', false, 'Free text', ''),
    ],
    key: (r) => `${rn(r)}|${(r.kind ?? '').trim().toUpperCase()}|${(r.occurred_on ?? '').trim()}`,
    schema: complicationCreateSchema,
    defined: COMPLICATION_FIELDS,
    input: (r, refs) => ({
      patientId: refs.patient?.id ?? '',
      treatmentId: refs.treatmentId ?? null,
      ...definedInput(COMPLICATION_FIELDS, r),
      notes: cellText(r.notes),
    }),
  },
  [ImportKind.DEATHS]: {
    kind: ImportKind.DEATHS,
    table: 'death',
    columns: [
      col('registry_number', true, 'The patient (one death per patient)', 'NORTH-001234'),
      // The plain values, from the death's field definitions (libs/domain/src/fields/death.fields.ts).
      ...Object.values(DEATH_FIELDS as FieldDefinitions).map(definedColumn),
      col('notes', false, 'Free text', ''),
    ],
    key: (r) => `${rn(r)}|${(r.died_on ?? '').trim()}`,
    schema: deathCreateSchema,
    defined: DEATH_FIELDS,
    input: (r, refs) => ({
      patientId: refs.patient?.id ?? '',
      ...definedInput(DEATH_FIELDS, r),
      notes: cellText(r.notes),
    }),
  },
};

/** A column's plain label ('Pain at rest (NRS 0-10)' for nrs_rest); the column itself when the kind has none of that name. */
export function columnLabel(kind: ImportKind, column: string): string {
  return KINDS[kind].columns.find((c) => c.name === column)?.label ?? LABELS[column] ?? column;
}

/** A template: the header and one example row. */
export function template(kind: ImportKind): string {
  const cols = KINDS[kind].columns;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${cols.map((c) => c.name).join(',')}\n${cols.map((c) => quote(c.example)).join(',')}\n`;
}
