import { listCell, listFromCell, type FieldDefinition } from '@vfr/domain';
import { humanize } from './choices';
import { numberOrMissing, numberOrNull, rawOf, textOrMissing, textOrNull, triState, type RawValues } from './form-values';

// A defined field (libs/domain/src/fields) in a form: its blank value, its raw value from the
// stored record and its input from the raw value, by its type. A form model of a record spreads
// these over the record's definitions and writes its other fields (references, items, free text) by hand.

const yesNo = (def: FieldDefinition) => def.type === 'boolean' && def.default === undefined;

/** A new record's value: a default, or blank (a checkbox with a default is ticked or not). */
export function definedBlank(def: FieldDefinition): string | boolean {
  if (def.type === 'boolean' && def.default !== undefined) return def.default === true;
  return typeof def.default === 'string' ? def.default : '';
}

/**
 * A stored value as the form holds it: a yes / no / not recorded select 'true', 'false' or '';
 * an enum list its cell ('' not recorded, 'NONE' none, 'RIB;HIP').
 */
export function definedRaw(def: FieldDefinition, value: unknown): string | boolean {
  if (yesNo(def)) return value === true ? 'true' : value === false ? 'false' : '';
  if (def.type === 'enumList') return listCell(value as string[] | null | undefined);
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
    case 'enumList':
      return listFromCell(typeof raw === 'string' ? raw : '');
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

/**
 * An enum list's raw value after a kind is ticked or unticked: the kinds in the choices' order;
 * unticking the last one is "not recorded", never "none" (none is chosen on its own).
 */
export function toggledChoice(raw: string | boolean | undefined, value: string, on: boolean, order: readonly string[]): string {
  const next = new Set(listFromCell(typeof raw === 'string' ? raw : '') ?? []);
  if (on) next.add(value);
  else next.delete(value);
  const kinds = order.filter((v) => next.has(v));
  return listCell(kinds.length ? kinds : null);
}

/** An enum list as a page shows it: its choices' labels, "none" for an empty list, '–' when not recorded. */
export function listShown(def: FieldDefinition, values: readonly string[] | null | undefined): string {
  if (values == null) return '–';
  if (values.length === 0) return 'none';
  return values.map((v) => def.choiceLabels?.[v] ?? humanize(v)).join(', ');
}
