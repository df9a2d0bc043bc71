import type { FieldDefinition } from '@vfr/domain';
import { numberOrMissing, numberOrNull, rawOf, textOrMissing, textOrNull, triState, type RawValues } from './form-values';

// A defined field (libs/domain/src/fields) in a form: its blank value, its raw value from the
// stored record and its input from the raw value, by its type. A form model of a record spreads
// these over the record's definitions and writes its other fields (references, items) by hand.

const yesNo = (def: FieldDefinition) => def.type === 'boolean' && def.default === undefined;

/** A new record's value: a default, or blank (a checkbox with a default is ticked or not). */
export function definedBlank(def: FieldDefinition): string | boolean {
  if (def.type === 'boolean' && def.default !== undefined) return def.default === true;
  return typeof def.default === 'string' ? def.default : '';
}

/** A stored value as the form holds it: a yes / no / not recorded select 'true', 'false' or ''. */
export function definedRaw(def: FieldDefinition, value: unknown): string | boolean {
  if (yesNo(def)) return value === true ? 'true' : value === false ? 'false' : '';
  return rawOf(value);
}

/** The input of a field from its raw form value: blank is null, or missing when required (validation says so). */
export function definedInput(def: FieldDefinition, raw: string | boolean | undefined): unknown {
  switch (def.type) {
    case 'integer':
    case 'number':
      return def.required ? numberOrMissing(raw) : numberOrNull(raw);
    case 'boolean':
      return def.default !== undefined ? raw === true : triState(raw);
    default:
      return def.required ? textOrMissing(raw) : textOrNull(raw);
  }
}

/** The blank values of a table of definitions. */
export function definedBlanks(defs: Readonly<Record<string, FieldDefinition>>): RawValues {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, definedBlank(def)]));
}

/** A stored record's raw values for a table of definitions. */
export function definedRaws(defs: Readonly<Record<string, FieldDefinition>>, stored: object): RawValues {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, definedRaw(def, (stored as Record<string, unknown>)[name])]));
}

/** The inputs of a table of definitions from the raw values. */
export function definedInputs(defs: Readonly<Record<string, FieldDefinition>>, raw: RawValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, definedInput(def, raw[name])]));
}

/** The labels of a table of definitions, for the messages of the form. */
export function definedLabels(defs: Readonly<Record<string, FieldDefinition>>): Record<string, string> {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.label]));
}
