import { z } from 'zod/mini';
import { isIsoDate, todayIso, addDays } from './dates';
import { FieldIssue, ValidationError } from './errors';
import { NumericRange } from './ranges';

// The one translation from zod's issues to the registry's field errors: a dotted field path, a
// rule name and a sentence that names the field, the rule and the value received.
//
// zod/mini, the functional API, because the dashboard bundles these schemas: it is a third of
// the classic API's size. It loads no locale, so a message that reaches a user is written here
// or in the schema, never zod's own (which would be "Invalid input").

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[key];
  return v;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : `"${value}"`;
  if (value === undefined) return 'nothing';
  try {
    const s = JSON.stringify(value);
    return s.length > 40 ? `${s.slice(0, 40)}...` : s;
  } catch {
    // What JSON cannot write (a bigint, an object that contains itself) never comes from a form
    // or a file; a bigint is still shown, anything else is named rather than shown as [object Object].
    return typeof value === 'bigint' ? value.toString() : 'a value that cannot be written out';
  }
}

function toFieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const field = issue.path.map(String).join('.') || 'input';
  const value = valueAt(input, issue.path);
  const got = ` (got ${shown(value)})`;
  const params = (issue as { params?: { rule?: string } }).params;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === null) return { field, rule: 'required', message: `${field} is required` };
      if (issue.expected === 'int') return { field, rule: 'integer', message: `${field} must be a whole number${got}` };
      return { field, rule: 'type', message: `${field} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}${got}` };
    case 'too_small':
      if (issue.origin === 'string')
        return {
          field,
          rule: 'minLength',
          message: issue.minimum === 1 ? `${field} must not be empty` : `${field} must be at least ${issue.minimum} characters${got}`,
        };
      if (issue.origin === 'array')
        return { field, rule: 'minLength', message: `${field} needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` };
      return { field, rule: 'range', message: issue.message };
    case 'too_big':
      if (issue.origin === 'string') return { field, rule: 'maxLength', message: `${field} must be at most ${issue.maximum} characters${got}` };
      if (issue.origin === 'array') return { field, rule: 'maxLength', message: `${field} may have at most ${issue.maximum} entries` };
      return { field, rule: 'range', message: issue.message };
    case 'invalid_value':
      if (value === undefined || value === null)
        return { field, rule: 'required', message: `${field} is required (one of ${issue.values.map(String).join(', ')})` };
      return { field, rule: 'enum', message: `${field} must be one of ${issue.values.map(String).join(', ')}${got}` };
    case 'invalid_format':
      return {
        field,
        rule: issue.format === 'regex' ? 'pattern' : 'format',
        message: issue.message.startsWith(field) ? issue.message : `${field} ${issue.message}${got}`,
      };
    case 'unrecognized_keys':
      return { field: issue.keys[0] ?? field, rule: 'unknown', message: `${issue.keys.join(', ')} is not a field here` };
    default:
      return { field, rule: params?.rule ?? 'consistency', message: issue.message };
  }
}

/** Parses `input` with `schema`, or throws a ValidationError listing every offending field. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((i) => toFieldIssue(i, input)));
}

/** Field issues without throwing: for forms that show every message at once. */
export function fieldIssues<S extends z.ZodMiniType>(schema: S, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => toFieldIssue(i, input));
}

// Building blocks ----------------------------------------------------------------------------

export function measure(name: string, r: NumericRange) {
  const span = `${r.exclusiveMin ? `more than ${r.min}` : `from ${r.min}`} ${r.exclusiveMin ? 'and at most' : 'to'} ${r.max}${r.unit && r.unit !== 'points' ? ` ${r.unit}` : ''}`;
  const message = (v: unknown) => `${name} must be ${r.integer ? 'an integer' : 'a number'} ${span} (got ${String(v)})`;
  const s = r.integer ? z.number().check(z.int()) : z.number();
  return s.check(z.refine((v) => (r.exclusiveMin ? v > r.min : v >= r.min) && v <= r.max, { error: (iss) => message(iss.input), params: { rule: 'range' } }));
}

const requiredText = (max: number, min = 1) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** Optional free text: blank becomes null. */
const optionalText = (max: number) =>
  z.nullish(
    z.pipe(
      z.string().check(z.maxLength(max)),
      z.transform((s: string) => (s.trim() === '' ? null : s.trim())),
    ),
  );

/** A calendar date; `notFuture` allows one day ahead for users east of UTC. */
export function isoDate(name: string, options: { notFuture?: boolean } = {}) {
  return z.string().check(
    z.maxLength(10, { error: `${name} must be a date YYYY-MM-DD` }),
    z.refine(isIsoDate, { error: (iss) => `${name} must be a calendar date YYYY-MM-DD (got "${String(iss.input)}")`, params: { rule: 'date' }, abort: true }),
    z.refine((v: string) => !options.notFuture || v <= addDays(todayIso(), 1), {
      error: (iss) => `${name} must not be in the future (got ${String(iss.input)})`,
      params: { rule: 'notFuture' },
    }),
  );
}

const uuid = (name: string) =>
  z
    .string()
    .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: `${name} must be an id (a UUID) returned by the registry` }));

export { z, requiredText, optionalText, uuid };
