import { useId, type ReactNode } from 'react';
import type { Choice } from './choices';
import type { RecordForm } from './use-record-form';
import { unplaced } from './field-errors';
import type { ServerProblem } from './server-problem';
import './forms.css';

interface FieldProps {
  form: RecordForm;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

/** Label, input, hint and the field's message, tied together for screen readers. */
function Wrapped({
  form,
  name,
  label,
  hint,
  required,
  children,
}: FieldProps & { children: (a: { id: string; describedBy?: string; invalid: boolean; required: boolean }) => ReactNode }) {
  const id = useId();
  const error = form.errors[name];
  // Required by the definition, or by the rules given the other values (required-fields.ts).
  const req = Boolean(required) || form.required.has(name);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={name}>
      {/* The star stays outside the label so the field's accessible name is just its label. */}
      <span className="label-line">
        <label htmlFor={id}>{label}</label>
        {req && (
          <span aria-hidden="true" className="req">
            {' '}
            *
          </span>
        )}
      </span>
      {children({ id, describedBy, invalid: Boolean(error), required: req })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'date' | 'number' | 'email' | 'password';
    step?: string;
    min?: number;
    max?: number;
    autoComplete?: string;
    placeholder?: string;
  },
) {
  const { form, name, type = 'text' } = props;
  return (
    <Wrapped {...props}>
      {({ id, describedBy, invalid, required }) => (
        <input
          id={id}
          name={name}
          // Numbers are typed as text so that what the user wrote reaches the rules unchanged.
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'decimal' : undefined}
          autoComplete={props.autoComplete ?? 'off'}
          placeholder={props.placeholder}
          value={String(form.raw[name] ?? '')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => form.set(name, e.target.value)}
        />
      )}
    </Wrapped>
  );
}

export function TextArea(props: FieldProps) {
  const { form, name } = props;
  return (
    <Wrapped {...props}>
      {({ id, describedBy, invalid, required }) => (
        <textarea
          id={id}
          name={name}
          rows={2}
          value={String(form.raw[name] ?? '')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => form.set(name, e.target.value)}
        />
      )}
    </Wrapped>
  );
}

export function SelectField(props: FieldProps & { choices: Choice[]; blank?: string }) {
  const { form, name, choices, blank = 'Choose…' } = props;
  return (
    <Wrapped {...props}>
      {({ id, describedBy, invalid, required }) => (
        <select
          id={id}
          name={name}
          value={String(form.raw[name] ?? '')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => form.set(name, e.target.value)}
        >
          {!choices.some((c) => c.value === '') && <option value="">{blank}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Wrapped>
  );
}

export function CheckField({ form, name, label }: { form: RecordForm; name: string; label: string }) {
  const id = useId();
  const error = form.errors[name];
  return (
    <div className={`field check${error ? ' invalid' : ''}`} data-field={name}>
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={form.raw[name] === true}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => form.set(name, e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The sentence at the top of a form, messages of fields it does not show, and a reload for stale versions. */
export function FormProblem({
  problem,
  errors,
  shown,
  onReload,
}: {
  problem: ServerProblem | null;
  errors: Record<string, string>;
  shown: readonly string[];
  onReload?: () => void;
}) {
  if (!problem) return null;
  const extra = unplaced(errors, shown);
  return (
    <div role="alert" className="error form-problem">
      <p>{problem.sentence}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {problem.stale && onReload && (
        <button type="button" onClick={onReload}>
          Reload the record
        </button>
      )}
    </div>
  );
}

/** "Draft restored — discard": the form opened with values kept from an earlier visit, not the stored ones. */
export function DraftNotice({ form }: { form: RecordForm }) {
  if (!form.restored) return null;
  return (
    <p className="notice draft-notice" role="status">
      Draft restored: these are the values you left unsaved in this tab.{' '}
      <button type="button" className="link" onClick={form.discardDraft}>
        Discard the draft
      </button>
    </p>
  );
}

/** Save and cancel, with the saving state announced. Cancel drops the draft too. */
export function FormButtons({ form, label, onCancel }: { form: RecordForm; label: string; onCancel?: () => void }) {
  return (
    <div className="form-buttons">
      <button type="submit" className="primary" disabled={form.saving}>
        {form.saving ? 'Saving…' : label}
      </button>
      {onCancel && (
        <button
          type="button"
          onClick={() => {
            form.discardDraft();
            onCancel();
          }}
        >
          Cancel
        </button>
      )}
      <span aria-live="polite" className="visually-hidden">
        {form.saving ? 'Saving' : ''}
      </span>
    </div>
  );
}
