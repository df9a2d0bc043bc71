import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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
  schema: z.ZodType;
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
export function useRecordForm<I>(options: RecordFormOptions<I>): RecordForm {
  const user = useQuery(ME, { skip: !options.draft }).data?.me.id ?? null;
  const [raw, setRaw] = useState<RawValues>(options.initial);
  const [baseline, setBaseline] = useState<RawValues>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [restored, setRestored] = useState(false);
  const savedRef = useRef(false);
  const opts = useRef(options);
  opts.current = options;
  const draftKey = options.draft ? `${options.draft.form}:${options.draft.record}` : null;

  const place = useCallback((e: FieldErrors, r: RawValues) => (opts.current.place ? opts.current.place(e, r) : e), []);
  /** Every issue the browser can find: the schema's and the related records' rules. */
  const issuesOf = useCallback((r: RawValues): FieldIssue[] => formIssues(opts.current, r), []);
  const localErrors = useCallback((r: RawValues) => place(errorsByField(issuesOf(r), opts.current.labels), r), [issuesOf, place]);

  // A kept draft replaces the stored values once the user is known.
  useEffect(() => {
    const store = sessionStore();
    if (!user || !options.draft || !store) return;
    const draft = loadDraft(store, user, options.draft);
    if (draft) {
      setRaw({ ...opts.current.initial, ...draft });
      setRestored(true);
    }
    // The key names the record; the draft is read once per user and record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user, draftKey]);

  const dirty = !savedRef.current && !same(raw, baseline);
  useEffect(() => {
    const store = sessionStore();
    if (!user || !options.draft || !store || savedRef.current) return;
    if (dirty) saveDraft(store, user, options.draft, raw);
    else clearDraft(store, user, options.draft);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw, dirty, user, draftKey]);
  useLeaveWarning(dirty);

  const required = useMemo(() => formRequired(opts.current, raw), [raw]);

  const rawRef = useRef(raw);
  rawRef.current = raw;
  const errorsRef = useRef(errors);
  errorsRef.current = errors;
  /** The fields whose messages the browser found (the others are the server's). */
  const localRef = useRef(new Set<string>());

  const set = useCallback(
    (field: string, value: string | boolean) => {
      const next = { ...rawRef.current, [field]: value };
      rawRef.current = next;
      setRaw(next);
      const e = errorsRef.current;
      if (Object.keys(e).length === 0) return;
      // A corrected field stops being marked, and so does any other field whose message the rules
      // no longer give (a contradiction settled by changing one of its fields); the server's
      // messages stay until their field is changed. The banner goes with the last one.
      const still = localRef.current.size ? localErrors(next) : {};
      const kept = Object.fromEntries(Object.entries(e).filter(([f]) => f !== field && (!localRef.current.has(f) || f in still)));
      if (Object.keys(kept).length === Object.keys(e).length) return;
      errorsRef.current = kept;
      setErrors(kept);
      setProblem((p) => {
        if (!p || p.stale || Object.keys(p.fields).length === 0) return p;
        const n = Object.keys(kept).length;
        if (n === 0) return null;
        return p.sentence.startsWith('Nothing was sent') ? { ...p, sentence: nothingSent(n), fields: kept } : { ...p, fields: kept };
      });
    },
    [localErrors],
  );

  const submit = async (event?: { preventDefault(): void }): Promise<boolean> => {
    event?.preventDefault();
    if (saving) return false;
    const local = localErrors(raw);
    localRef.current = new Set(Object.keys(local));
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setProblem({ code: 'BAD_USER_INPUT', sentence: nothingSent(Object.keys(local).length), fields: local, stale: false });
      return false;
    }
    setSaving(true);
    setProblem(null);
    try {
      await options.send(options.toInput(raw), raw);
      // Saved: nothing of it stays in the browser, and leaving no longer asks.
      savedRef.current = true;
      const store = sessionStore();
      if (user && options.draft && store) clearDraft(store, user, options.draft);
      setBaseline(raw);
      setRestored(false);
      return true;
    } catch (error) {
      const p = serverProblem(error, options.labels);
      const placed = place(p.fields, raw);
      localRef.current = new Set();
      setErrors(placed);
      setProblem({ ...p, fields: placed });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const reset = useCallback((next: RawValues) => {
    setRaw(next);
    setBaseline(next);
    setErrors({});
    setProblem(null);
  }, []);

  const discardDraft = () => {
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
