// What a form holds is text (inputs give strings); what the API takes is typed. These turn one
// into the other so that libs/domain's zod rules judge exactly what would be sent.

/** A form's raw state: text inputs and selects hold strings, checkboxes booleans. */
export type RawValues = Record<string, string | boolean | undefined>;

/**
 * A number field: blank is null (not given); text that is not a number is passed on unchanged so
 * that validation answers with the value the user typed instead of silently dropping it.
 */
export function numberOrNull(raw: string | boolean | undefined): number | string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : raw;
}

/** A required number field: blank is undefined, so validation says "is required". */
export function numberOrMissing(raw: string | boolean | undefined): number | string | undefined {
  return numberOrNull(raw) ?? undefined;
}

/** An optional choice or text: blank is null. */
export function textOrNull(raw: string | boolean | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text === '' ? null : text;
}

/** A required choice or text: blank is undefined, so validation says "is required". */
export function textOrMissing(raw: string | boolean | undefined): string | undefined {
  return textOrNull(raw) ?? undefined;
}

/** A yes / no / unknown select: '' is unknown (null). */
export function triState(raw: string | boolean | undefined): boolean | null {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  return null;
}

/** The raw form value of a stored field, for editing. */
export function rawOf(value: unknown): string | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value;
  // Stored fields are numbers, strings and booleans; a list or object would show as JSON.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A yes / no / unknown select's raw value from a stored boolean. */
export function rawTriState(value: boolean | null | undefined): string {
  return value === true ? 'true' : value === false ? 'false' : '';
}

/**
 * For an update: only the fields that differ from the stored record, so that the server checks
 * and audits exactly what the user changed.
 */
export function changedFields<T extends Record<string, unknown>>(next: T, stored: Record<string, unknown>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify(stored[key] ?? null)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
