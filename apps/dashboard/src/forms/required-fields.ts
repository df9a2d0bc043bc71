import type { FieldIssue } from '@vfr/domain';
import type { RawValues } from './form-values';

/**
 * The inputs that need a value now, derived from the rules themselves rather than listed per form:
 * an input is required when leaving it blank, with the other values as they are, makes the rules
 * (the field's definition and the schema's cross-field rules, e.g. a date of birth once an MRN is
 * given, cement volume for a procedure, "symptomatic" for a cement leakage) answer "required" for it.
 *
 * `requiredIssues` judges a form's raw values and returns the inputs named by its `required`
 * issues (already placed on the form's inputs). Checkboxes are never required.
 */
export function requiredInputs(raw: RawValues, requiredIssues: (raw: RawValues) => ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const asIs = requiredIssues(raw);
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'boolean') continue;
    const blank = value === '' || value === undefined;
    if (blank ? asIs.has(name) : requiredIssues({ ...raw, [name]: '' }).has(name)) out.add(name);
  }
  return out;
}

/** The fields of the issues whose rule is "required". */
export function requiredOf(issues: readonly Pick<FieldIssue, 'field' | 'rule'>[]): string[] {
  return issues.filter((i) => i.rule === 'required').map((i) => i.field);
}
