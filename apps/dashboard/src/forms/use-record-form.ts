import { useQuery } from '../graphql/hooks';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { FieldIssue, z } from '@vfr/domain';
import { ME } from '../patients/patients.documents';
import { clearDraft, loadDraft, saveDraft, sessionStore, type DraftKey } from './draft-storage';
import { errorsByField, type FieldErrors, type FieldLabels } from './field-errors';
import type { RawValues } from './form-values';
import { formIssues, formRequired } from './required-fields';
import { serverProblem, type ServerProblem } from './server-problem';
import { useLeaveWarning } from './use-leave-warning';

export interface RecordFormOptions<I> {
  initial: RawValues;
  labels: FieldLabels;
  schema: z.ZodMiniType;
  /** Raw values to the typed input the API takes. */
  toInput: (raw: RawValues) => I;
  /** What the rules judge, when it differs from what is sent. */
  toValidate?: (input: I) => unknown;
  /**
   * The rules that need the patient's other records (a visit not before its treatment, a death not
   * before a completed visit), judged with the records the page already has, so that the first
   * Save shows every problem at once; the server judges them again.
   */
  related?: (input: I, raw: RawValues) => FieldIssue[];
  /** Moves messages to the inputs that show them (e.g. per-level cement inputs). */
  place?: (errors: FieldErrors, raw: RawValues) => FieldErrors;
  /** Keep unsaved values as a draft in this tab (draft-storage.ts); forms with passwords keep none. */
  draft?: DraftKey;
  send: (input: I, raw: RawValues) => Promise<unknown>;
}

export interface RecordForm {
  raw: RawValues;
  errors: FieldErrors;
  problem: ServerProblem | null;
  saving: boolean;
  /** The inputs that need a value with the values as they are (required-fields.ts). */
  required: ReadonlySet<string>;
  /** The values differ from those the form opened with, and are not saved. */
  dirty: boolean;
  /** The form opened with a kept draft instead of the stored values. */
  restored: boolean;
  set: (field: string, value: string | boolean) => void;
  /** Validates and sends; resolves to whether it was saved. */
  submit: (event?: { preventDefault(): void }) => Promise<boolean>;
  /** The form element's handler: submit, whose outcome the form shows itself. */
  onSubmit: (event: { preventDefault(): void }) => void;
  /** The form element's key handler: Enter in an input does not submit (only the Save button does). */
  onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void;
  reset: (raw: RawValues) => void;
  /** Back to the values the form opened with; the draft is removed. */
  discardDraft: () => void;
}

const same = (a: RawValues, b: RawValues) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
};

/** The sentence of a problem found before sending. */
export function nothingSent(n: number): string {
  return `Nothing was sent: ${n === 1 ? 'one field needs' : `${n} fields need`} correcting.`;
}

/**
 * A record's form: the domain rules (and those needing the patient's other records) run on every
 * submit before anything is sent; whatever the server still refuses comes back beside the same
 * fields. Unsaved values are kept as a draft and leaving them asks first.
 */
export function useRecordForm<I>(props: RecordFormOptions<I>): RecordForm {
  // The draft belongs to the record as the form opened it: a record read again underneath (a newer
  // version) must not receive the values edited on the older one.
  const [draft] = useState(props.draft);
  const options = { ...props, draft };
  const user = useQuery(ME, { skip: !options.draft }).data?.me.id ?? null;
  const [raw, setRaw] = useState<RawValues>(options.initial);
  const [baseline, setBaseline] = useState<RawValues>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [restored, setRestored] = useState(false);
  /** Saved: the values are the record's now, nothing is kept and leaving no longer asks. */
  const [saved, setSaved] = useState(false);
  /** The fields whose messages the browser found (the others are the server's, kept until their field changes). */
  const [localFields, setLocalFields] = useState<ReadonlySet<string>>(new Set());
  const draftKey = options.draft ? `${options.draft.form}:${options.draft.record}` : null;

  const place = (e: FieldErrors, r: RawValues) => (options.place ? options.place(e, r) : e);
  /** Every message the browser finds: the schema's and the related records' rules. */
  const localErrors = (r: RawValues) => place(errorsByField(formIssues(options, r), options.labels), r);

  // A kept draft replaces the stored values once the user is known.
  useEffect(() => {
    const store = sessionStore();
    if (!user || !options.draft || !store) return;
    const draft = loadDraft(store, user, options.draft);
    if (draft) {
      // The draft is outside React (the tab's storage) and the user known only once ME has answered.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRaw({ ...options.initial, ...draft });
      setRestored(true);
    }
    // The key names the record; the draft is read once per user and record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user, draftKey]);

  const dirty = !saved && !same(raw, baseline);
  useEffect(() => {
    const store = sessionStore();
    if (!user || !options.draft || !store || saved) return;
    if (dirty) saveDraft(store, user, options.draft, raw);
    else clearDraft(store, user, options.draft);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw, dirty, saved, user, draftKey]);
  const leave = useLeaveWarning(dirty);

  // The rules are the form's (fixed for its life); the inputs they require change with the values.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const required = useMemo(() => formRequired(options, raw), [raw]);

  const set = (field: string, value: string | boolean) => {
    setRaw((r) => ({ ...r, [field]: value }));
    if (Object.keys(errors).length === 0) return;
    // A corrected field stops being marked, and so does any other field whose message the rules
    // no longer give (a contradiction settled by changing one of its fields); the server's
    // messages stay until their field is changed. The banner goes with the last one.
    const still = localFields.size ? localErrors({ ...raw, [field]: value }) : {};
    const kept = Object.fromEntries(Object.entries(errors).filter(([f]) => f !== field && (!localFields.has(f) || f in still)));
    if (Object.keys(kept).length === Object.keys(errors).length) return;
    setErrors(kept);
    setProblem((p) => {
      if (!p || p.stale || Object.keys(p.fields).length === 0) return p;
      const n = Object.keys(kept).length;
      if (n === 0) return null;
      return p.sentence.startsWith('Nothing was sent') ? { ...p, sentence: nothingSent(n), fields: kept } : { ...p, fields: kept };
    });
  };

  const submit = async (event?: { preventDefault(): void }): Promise<boolean> => {
    event?.preventDefault();
    if (saving) return false;
    const local = localErrors(raw);
    setLocalFields(new Set(Object.keys(local)));
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setProblem({ code: 'BAD_USER_INPUT', sentence: nothingSent(Object.keys(local).length), fields: local, stale: false });
      return false;
    }
    setSaving(true);
    setProblem(null);
    try {
      await leave.sending(() => options.send(options.toInput(raw), raw));
      // Saved: nothing of it stays in the browser, and leaving no longer asks.
      setSaved(true);
      const store = sessionStore();
      if (user && options.draft && store) clearDraft(store, user, options.draft);
      setBaseline(raw);
      setRestored(false);
      return true;
    } catch (error) {
      const p = serverProblem(error, options.labels);
      const placed = place(p.fields, raw);
      setLocalFields(new Set());
      setErrors(placed);
      setProblem({ ...p, fields: placed });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const reset = useCallback((next: RawValues) => {
    setSaved(false);
    setRaw(next);
    setBaseline(next);
    setErrors({});
    setProblem(null);
  }, []);

  const discardDraft = () => {
    // Cancel leaves the page right after: the values are given up on purpose, nothing to ask.
    leave.release();
    const store = sessionStore();
    if (user && options.draft && store) clearDraft(store, user, options.draft);
    setRestored(false);
    reset(options.initial);
  };

  const onSubmit = (event: { preventDefault(): void }) => {
    void submit(event);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Enter in a score field would save a half-filled visit: only the Save button submits.
    const t = event.target as HTMLElement;
    if (event.key === 'Enter' && t instanceof HTMLInputElement && !['submit', 'button', 'checkbox', 'radio'].includes(t.type)) event.preventDefault();
  };
  return { raw, errors, problem, saving, required, dirty, restored, set, submit, onSubmit, onKeyDown, reset, discardDraft };
}
