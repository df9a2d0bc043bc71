import { fieldIssues, type FieldIssue, type z } from '@vfr/domain';

/** Messages by dotted field path ("nrsRest", "identifiers.mrn", "levels.0.cementVolumeMl"). */
export type FieldErrors = Record<string, string>;

/** Field names as the user reads them, to open each message with the label beside the field. */
export type FieldLabels = Record<string, string>;

/**
 * The domain's messages start with the field's code name ("nrsActivity must be ..."): beside a
 * labelled input the label reads better, and the rule stays word for word.
 */
export function readable(issue: Pick<FieldIssue, 'field' | 'message'>, labels: FieldLabels): string {
  const name = issue.field.split('.').pop() ?? issue.field;
  const label = labels[issue.field] ?? labels[name];
  if (!label) return issue.message;
  for (const prefix of [issue.field, name]) {
    if (issue.message.startsWith(`${prefix} `)) return `${label}${issue.message.slice(prefix.length)}`;
  }
  return issue.message;
}

/** One message per field (the first), keyed by field path. */
export function errorsByField(issues: readonly Pick<FieldIssue, 'field' | 'message'>[], labels: FieldLabels = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.field] ??= readable(issue, labels);
  return out;
}

/** libs/domain's rules run in the browser before anything is sent: the same schema as the API. */
export function checkBeforeSending(schema: z.ZodMiniType, input: unknown, labels: FieldLabels = {}): FieldErrors {
  return errorsByField(fieldIssues(schema, input), labels);
}

/**
 * Messages for fields the form does not show (e.g. "patientId") must not vanish: they are
 * returned so the form can say them in its summary.
 */
export function unplaced(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([, message]) => message);
}
