import { fieldIssues, type FieldIssue, type z } from '@vfr/domain';
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
  // Those missing now (inputs a form adds later, such as a level's cement, included) ...
  const out = new Set<string>(requiredIssues(raw));
  // ... and those that would be missing if blanked.
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'boolean' || value === '' || value === undefined) continue;
    if (requiredIssues({ ...raw, [name]: '' }).has(name)) out.add(name);
  }
  return out;
}

/** The fields of the issues whose rule is "required". */
export function requiredOf(issues: readonly Pick<FieldIssue, 'field' | 'rule'>[]): string[] {
  return issues.filter((i) => i.rule === 'required').map((i) => i.field);
}

/** What a form's rules are made of (use-record-form.ts's options). */
export interface FormRules<I> {
  schema: z.ZodMiniType;
  toInput: (raw: RawValues) => I;
  toValidate?: (input: I) => unknown;
  related?: (input: I, raw: RawValues) => FieldIssue[];
  place?: (errors: Record<string, string>, raw: RawValues) => Record<string, string>;
}

/** Every issue the browser finds in a form's raw values: the schema's and the related records' rules. */
export function formIssues<I>(o: FormRules<I>, raw: RawValues): FieldIssue[] {
  const input = o.toInput(raw);
  return [...fieldIssues(o.schema, o.toValidate ? o.toValidate(input) : input), ...(o.related ? o.related(input, raw) : [])];
}

/** The inputs of a form that need a value now, placed on the form's inputs. */
export function formRequired<I>(o: FormRules<I>, raw: RawValues): Set<string> {
  return requiredInputs(raw, (r) => {
    const fields = Object.fromEntries(requiredOf(formIssues(o, r)).map((f) => [f, 'required']));
    return new Set(Object.keys(o.place ? o.place(fields, r) : fields));
  });
}
