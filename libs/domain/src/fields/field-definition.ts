// One definition per field: what a field is (type, range or choices, label, unit, help), whether
// it is required, what each role receives of it and what it is called in the database and in CSV
// files. Validation, the field-access table, the dashboard's form controls, CSV import and its
// template, the exports and the data dictionary are all derived from the definitions
// (docs/adding-a-field.md). The database column, its CHECK and the GraphQL declarations stay
// hand-written; a test holds them to the definitions.
//
// Plain data and pure functions only: the dashboard bundles this file.

import { Role } from '../enums';
import type { ExportColumn, FieldAccess, FieldRule } from '../field-access';
import type { NumericRange } from '../ranges';
import { isoDate, measure, z } from '../validation';

/** `enumList`: several of the choices, each at most once; an empty list is "none", null "not recorded". */
export type FieldType = 'integer' | 'number' | 'boolean' | 'enum' | 'date' | 'enumList';

export interface FieldDefinition {
  type: FieldType;
  /** snake_case: the database column and the CSV column (import, records export, cohort export). */
  column: string;
  /** What a form and the documents call it. */
  label: string;
  /** One line: what it is (GraphQL description, data dictionary, docs/field-access.md). */
  about: string;
  /** A longer hint for the form, when the label and range are not enough. */
  help?: string;
  unit?: string;
  /** Integer and number fields: the allowed range, both ends included. */
  min?: number;
  max?: number;
  /** Enum and enum list fields: the allowed values, in display order. */
  choices?: readonly string[];
  /** The choices' labels; an integer field with labels is chosen from its range by them (a short scale). */
  choiceLabels?: Readonly<Record<string, string>>;
  /**
   * Choices kept for the rows that hold them but no longer offered (not in the form, not in the
   * CSV description), each with where to record it instead.
   */
  retired?: Readonly<Record<string, string>>;
  /** A value is required on create. A field with a default is filled with it when left out. */
  required: boolean;
  default?: boolean | string;
  /**
   * What each role receives of the stored value. Dates are exact for identified readers only;
   * de-identified readers receive `dayField` instead: days from the index treatment.
   */
  access: Readonly<Record<Role, FieldRule>>;
  /** Dates: the GraphQL field that gives the date as days from the index treatment. */
  dayField?: string;
  /** Whether the cohort export (assessments.csv, de-identified) carries it as a patient column. */
  cohortExport: boolean;
  /** The CSV template's example value. */
  example: string;
  /** Integer and number fields whose lower end itself is not allowed (a dose-area product is more than 0). */
  exclusiveMin?: boolean;
  /** What the CSV import's description adds after the values: how the column relates to others. */
  importNote?: string;
}

// The role maps (the field-access table's conventions: department heads read no patient-level record).
export const VALUE_ACCESS = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'full', DEPARTMENT_HEAD: 'none' } as const;
export const EXACT_DATE_ACCESS = { ADMIN: 'full', COORDINATOR: 'full', RESEARCHER: 'withheld', DEPARTMENT_HEAD: 'none' } as const;
export const DAY_ACCESS = { ADMIN: 'dayOffset', COORDINATOR: 'dayOffset', RESEARCHER: 'dayOffset', DEPARTMENT_HEAD: 'none' } as const;

export type FieldDefinitions = Readonly<Record<string, FieldDefinition>>;

// Types ----------------------------------------------------------------------------------------

type ValueOf<D extends FieldDefinition> = D['type'] extends 'integer' | 'number'
  ? number
  : D['type'] extends 'boolean'
    ? boolean
    : D['type'] extends 'enumList'
      ? (D['choices'] extends readonly (infer C)[] ? C : string)[]
      : D['choices'] extends readonly (infer C)[]
        ? C
        : string;

/** The input shape a table of definitions describes: required fields present, the others optional and nullable. */
export type DefinedFields<T extends FieldDefinitions> = {
  -readonly [K in keyof T as T[K]['required'] extends true ? K : never]: ValueOf<T[K]>;
} & {
  -readonly [K in keyof T as T[K]['required'] extends true ? never : K]?: ValueOf<T[K]> | null;
};

// Validation -----------------------------------------------------------------------------------

export function rangeOf(def: FieldDefinition): NumericRange {
  return {
    min: def.min ?? -Infinity,
    max: def.max ?? Infinity,
    integer: def.type === 'integer',
    exclusiveMin: def.exclusiveMin,
    unit: def.unit ?? '',
    label: def.label,
  };
}

/** A definition's type, range and unit from a range of ranges.ts: `{ ...measured(RANGES.nrs), column: 'nrs_rest', ... }`. */
export function measured(r: NumericRange) {
  return {
    type: r.integer ? ('integer' as const) : ('number' as const),
    min: r.min,
    max: r.max,
    unit: r.unit,
    ...(r.exclusiveMin ? { exclusiveMin: true } : {}),
  };
}

/** The zod rule of one field, with the registry's messages (field, rule, value received). */
export function fieldSchema(name: string, def: FieldDefinition): z.ZodMiniType {
  let s: z.ZodMiniType;
  switch (def.type) {
    case 'integer':
    case 'number':
      s = measure(name, rangeOf(def));
      break;
    case 'boolean':
      s = z.boolean();
      break;
    case 'enum':
      s = z.enum(def.choices as [string, ...string[]]);
      break;
    case 'date':
      s = isoDate(name, { notFuture: true });
      break;
    case 'enumList':
      s = choiceList(name, def.choices ?? []);
      break;
  }
  return def.required ? s : z.nullish(s);
}

/**
 * How a CSV cell (and a form's raw value) writes an enum list: the values separated by
 * semicolons, as every list cell of the registry (ODI items, treated levels); `NONE` alone for
 * the empty list, "none"; an empty cell for null, "not recorded".
 */
export const LIST_NONE = 'NONE';
export const LIST_SEPARATOR = ';';

/** An enum list as its cell: '' (not recorded), 'NONE' or 'RIB;PELVIS'. */
export function listCell(values: readonly string[] | null | undefined): string {
  if (values == null) return '';
  return values.length === 0 ? LIST_NONE : values.join(LIST_SEPARATOR);
}

/**
 * An enum list from its cell, values trimmed and in capitals; anything else is left for the rule
 * to judge (an empty entry, NONE beside other values), never dropped.
 */
export function listFromCell(cell: string | undefined): string[] | null {
  const text = (cell ?? '').trim();
  if (text === '') return null;
  if (text.toUpperCase() === LIST_NONE) return [];
  return text.split(LIST_SEPARATOR).map((v) => v.trim().toUpperCase());
}

/** Several of the choices, each at most once; the messages name the field and the values at fault. */
function choiceList(name: string, choices: readonly string[]) {
  return z.array(z.unknown()).check(
    z.superRefine((values: unknown[], ctx) => {
      const unknown = values.filter((v) => typeof v !== 'string' || !choices.includes(v));
      if (unknown.length) {
        const alone = unknown.includes(LIST_NONE) ? `; ${LIST_NONE} stands alone for none` : '';
        ctx.addIssue({
          code: 'custom',
          message: `${name} may list only ${choices.join(', ')} (got ${unknown.map((v) => JSON.stringify(v)).join(', ')})${alone}`,
          params: { rule: 'enum' },
        });
      }
      const repeated = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
      if (repeated.length)
        ctx.addIssue({ code: 'custom', message: `${name} lists ${repeated.join(', ')} more than once: list each at most once`, params: { rule: 'unique' } });
    }),
  );
}

/** The zod shape of a table of definitions, for `z.object({...fixed, ...schemaShape(defs)})`. */
type ZodOf<D extends FieldDefinition> = D['required'] extends true ? z.ZodMiniType<ValueOf<D>> : z.ZodMiniType<ValueOf<D> | null | undefined>;

export function schemaShape<T extends FieldDefinitions>(defs: T): { -readonly [K in keyof T]: ZodOf<T[K]> } {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, fieldSchema(name, def)])) as never;
}

// Who sees what ------------------------------------------------------------------------------

/** The field-access table's rows of a table of definitions: a date gives its day field too. */
/* @__NO_SIDE_EFFECTS__ */
export function accessEntries(defs: FieldDefinitions): Record<string, FieldAccess> {
  const out: Record<string, FieldAccess> = {};
  for (const [name, def] of Object.entries(defs)) {
    out[name] = { kind: def.type === 'date' ? 'date' : 'value', about: def.about, access: def.access };
    if (def.dayField)
      out[def.dayField] = { kind: 'date', from: name, about: `${def.label} in days from the index treatment (negative: before it)`, access: DAY_ACCESS };
  }
  return out;
}

/** A cohort export column of a definition, with the field it comes from. */
export interface DefinedExportColumn extends ExportColumn {
  field: string;
  /** The database column the value is read from. */
  source: string;
  /** An enum list, written as its CSV cell (listCell). */
  list?: boolean;
}

/**
 * The cohort export's patient columns of a table of definitions. The file is de-identified for
 * every reader, so a date is a day from the index treatment (`<name>_day`) whoever downloads it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function cohortExportColumns(defs: FieldDefinitions): Record<string, DefinedExportColumn> {
  const out: Record<string, DefinedExportColumn> = {};
  for (const [field, def] of Object.entries(defs)) {
    if (!def.cohortExport) continue;
    if (def.type === 'date') {
      out[def.column.replace(/_date$/, '') + '_day'] = {
        field,
        source: def.column,
        kind: 'date',
        level: 'patient',
        type: 'integer',
        meaning: `${def.about.replace(/ \(YYYY-MM-DD\)$/, '')}, in days from the index treatment`,
        access: DAY_ACCESS,
      };
    } else {
      out[def.column] = {
        field,
        source: def.column,
        kind: 'value',
        level: 'patient',
        type: typeWords(def),
        meaning: def.about,
        access: def.access,
        ...(def.type === 'enumList' ? { list: true } : {}),
      };
    }
  }
  return out;
}

// Words: ranges, CSV descriptions, data dictionary types ----------------------------------------

/** The choices offered: all but the retired ones. */
export function offeredChoices(def: FieldDefinition): string[] {
  return (def.choices ?? []).filter((c) => !def.retired?.[c]);
}

/** An enum list's values, as the data dictionary and the CSV description give them. */
function listWords(def: FieldDefinition, between: string): string {
  return `${offeredChoices(def).join(between)}, several separated by semicolons; ${LIST_NONE} for none; empty: not recorded`;
}

/** "integer 1-9", "number 10-80 kg/m²", "NONE | DENOSUMAB | ...", "true | false", "date". */
export function typeWords(def: FieldDefinition): string {
  switch (def.type) {
    case 'integer':
    case 'number':
      return `${def.type} ${spanWords(def)}${def.unit && def.unit !== 'points' ? ` ${def.unit}` : ''}`;
    case 'boolean':
      return 'true | false';
    case 'enum':
      return (def.choices ?? []).join(' | ');
    case 'date':
      return 'date YYYY-MM-DD';
    case 'enumList':
      return listWords(def, ' | ');
  }
}

/** The CSV import's description of a column. */
export function csvDescription(def: FieldDefinition): string {
  const values =
    def.type === 'enum'
      ? offeredChoices(def).join(', ')
      : def.type === 'enumList'
        ? listWords(def, ', ')
        : def.type === 'boolean'
          ? 'true/false'
          : def.type === 'date'
            ? 'YYYY-MM-DD'
            : `${spanWords(def)}${def.unit && def.unit !== 'points' ? ` ${def.unit}` : ''}`;
  const dflt = def.default !== undefined ? `; default ${String(def.default)}` : '';
  const retired = Object.entries(def.retired ?? {})
    .map(([value, instead]) => `; ${value} is no longer accepted: ${instead}`)
    .join('');
  // A date's "(YYYY-MM-DD)" is said once, in the parentheses.
  return `${def.about.replace(/ \(YYYY-MM-DD\)$/, '')} (${values}${dflt}${retired})${def.importNote ? `; ${def.importNote}` : ''}`;
}

/** A range in words: "0 to 10", or "more than 0 and at most 1000" when the lower end is excluded. */
function spanWords(def: FieldDefinition): string {
  return def.exclusiveMin ? `more than ${def.min} and at most ${def.max}` : `${def.min} to ${def.max}`;
}

// The database ---------------------------------------------------------------------------------

/**
 * The CHECK a range or a list of choices needs on `table`, as its name and the values it must
 * hold. Migrations write their CHECKs as literal SQL; a test compares the database's with these.
 */
export function checkOf(table: string, def: FieldDefinition): { name: string; values: string[] } | null {
  if (def.type === 'integer' || def.type === 'number') return { name: `ck_${table}__${def.column}__range`, values: [String(def.min), String(def.max)] };
  // The registry's lists are PostgreSQL enum types (the test compares their labels); a list stored
  // as text would need this CHECK instead.
  if (def.type === 'enum' || def.type === 'enumList') return { name: `ck_${table}__${def.column}__choices`, values: [...(def.choices ?? [])] };
  return null;
}

// The dashboard's form controls ----------------------------------------------------------------

export type ControlKind = 'number' | 'select' | 'check' | 'yesNo' | 'date' | 'checkList';

export interface FormControl {
  name: string;
  control: ControlKind;
  /** The label with its unit: "BMI (kg/m²)". */
  label: string;
  hint?: string;
  required: boolean;
  min?: number;
  max?: number;
  step?: number;
  choices?: { value: string; label: string }[];
}

/**
 * How a form shows a field: booleans with a default as a checkbox, other booleans as yes / no /
 * not recorded (unknown is not no), enums and short integer scales with labels as selects, enum
 * lists as checkboxes with "none" and "not recorded" (none is not unknown). Retired choices are
 * not offered.
 */
export function formControl(name: string, def: FieldDefinition, humanize: (value: string) => string = (v) => v): FormControl {
  const label = def.unit && def.unit !== 'points' ? `${def.label} (${def.unit})` : def.label;
  const base = { name, label, hint: def.help, required: def.required && def.default === undefined };
  switch (def.type) {
    case 'boolean':
      return { ...base, control: def.default !== undefined ? 'check' : 'yesNo' };
    case 'enum':
      return { ...base, control: 'select', choices: offeredChoices(def).map((v) => ({ value: v, label: def.choiceLabels?.[v] ?? humanize(v) })) };
    case 'enumList':
      return { ...base, control: 'checkList', choices: offeredChoices(def).map((v) => ({ value: v, label: def.choiceLabels?.[v] ?? humanize(v) })) };
    case 'date':
      return { ...base, control: 'date' };
    case 'integer':
    case 'number': {
      if (def.type === 'integer' && def.choiceLabels) {
        const values = Array.from({ length: (def.max ?? 0) - (def.min ?? 0) + 1 }, (_, i) => String((def.min ?? 0) + i));
        return { ...base, control: 'select', choices: values.map((v) => ({ value: v, label: def.choiceLabels?.[v] ?? v })) };
      }
      const range = spanWords(def);
      return {
        ...base,
        control: 'number',
        min: def.min,
        max: def.max,
        step: def.type === 'integer' ? 1 : 0.1,
        hint: def.help ? `${def.help} (${range})` : range,
      };
    }
  }
}
