import { useCallback, useState } from 'react';
import type { z } from '@vfr/domain';
import { checkBeforeSending, type FieldErrors, type FieldLabels } from './field-errors';
import type { RawValues } from './form-values';
import { serverProblem, type ServerProblem } from './server-problem';

export interface RecordFormOptions<I> {
  initial: RawValues;
  labels: FieldLabels;
  schema: z.ZodType;
  /** Raw values to the typed input the API takes. */
  toInput: (raw: RawValues) => I;
  /** What the rules judge, when it differs from what is sent. */
  toValidate?: (input: I) => unknown;
  /** Moves messages to the inputs that show them (e.g. per-level cement inputs). */
  place?: (errors: FieldErrors, raw: RawValues) => FieldErrors;
  send: (input: I, raw: RawValues) => Promise<unknown>;
}

export interface RecordForm {
  raw: RawValues;
  errors: FieldErrors;
  problem: ServerProblem | null;
  saving: boolean;
  set: (field: string, value: string | boolean) => void;
  /** Validates and sends; resolves to whether it was saved. */
  submit: (event?: { preventDefault(): void }) => Promise<boolean>;
  /** The form element's handler: submit, whose outcome the form shows itself. */
  onSubmit: (event: { preventDefault(): void }) => void;
  reset: (raw: RawValues) => void;
}

/**
 * A record's form: the domain rules run on every submit before anything is sent; whatever the
 * server still refuses comes back beside the same fields.
 */
export function useRecordForm<I>(options: RecordFormOptions<I>): RecordForm {
  const [raw, setRaw] = useState<RawValues>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saving, setSaving] = useState(false);

  const set = useCallback((field: string, value: string | boolean) => {
    setRaw((r) => ({ ...r, [field]: value }));
    // A corrected field stops being marked; the rest stay until the next submit.
    setErrors((e) => {
      if (!(field in e)) return e;
      const { [field]: _, ...rest } = e;
      return rest;
    });
  }, []);

  const submit = async (event?: { preventDefault(): void }): Promise<boolean> => {
    event?.preventDefault();
    if (saving) return false;
    const place = (e: FieldErrors) => (options.place ? options.place(e, raw) : e);
    const input = options.toInput(raw);
    const local = place(checkBeforeSending(options.schema, options.toValidate ? options.toValidate(input) : input, options.labels));
    setErrors(local);
    if (Object.keys(local).length > 0) {
      const n = Object.keys(local).length;
      setProblem({
        code: 'BAD_USER_INPUT',
        sentence: `Nothing was sent: ${n === 1 ? 'one field needs' : `${n} fields need`} correcting.`,
        fields: local,
        stale: false,
      });
      return false;
    }
    setSaving(true);
    setProblem(null);
    try {
      await options.send(input, raw);
      return true;
    } catch (error) {
      const p = serverProblem(error, options.labels);
      setErrors(place(p.fields));
      setProblem(p);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const reset = useCallback((next: RawValues) => {
    setRaw(next);
    setErrors({});
    setProblem(null);
  }, []);

  const onSubmit = (event: { preventDefault(): void }) => {
    void submit(event);
  };
  return { raw, errors, problem, saving, set, submit, onSubmit, reset };
}
