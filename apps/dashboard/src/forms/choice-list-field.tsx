import { useId } from 'react';
import { listCell, listFromCell } from '@vfr/domain';
import type { Choice } from './choices';
import { toggledChoice } from './defined-values';
import type { RecordForm } from './use-record-form';

/**
 * An enum list (libs/domain's enumList): "not recorded", "none", or one checkbox per choice. None
 * is a finding and not recorded is not, so each is chosen on its own; ticking a kind leaves both,
 * and unticking the last one goes back to not recorded rather than claiming none. The form holds
 * the list as its CSV cell ('' not recorded, 'NONE' none, 'RIB;HIP'), as a text input holds text.
 */
export function ChoiceListField({ form, name, label, hint, choices }: { form: RecordForm; name: string; label: string; hint?: string; choices: Choice[] }) {
  const id = useId();
  const raw = form.raw[name];
  const selected = listFromCell(typeof raw === 'string' ? raw : '');
  const error = form.errors[name];
  const set = (values: string[] | null) => form.set(name, listCell(values));
  const toggle = (value: string, on: boolean) =>
    form.set(
      name,
      toggledChoice(
        raw,
        value,
        on,
        choices.map((c) => c.value),
      ),
    );
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`field choice-list${error ? ' invalid' : ''}`}
      data-field={name}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      <div className="choice-list-states">
        <span className="check">
          <input id={`${id}-unknown`} type="radio" name={`${id}-state`} checked={selected === null} onChange={() => set(null)} />
          <label htmlFor={`${id}-unknown`}>Not recorded</label>
        </span>
        <span className="check">
          <input id={`${id}-none`} type="radio" name={`${id}-state`} checked={selected !== null && selected.length === 0} onChange={() => set([])} />
          <label htmlFor={`${id}-none`}>None</label>
        </span>
      </div>
      <div className="choice-list-values">
        {choices.map((c) => (
          <span className="check" key={c.value}>
            <input id={`${id}-${c.value}`} type="checkbox" checked={selected?.includes(c.value) ?? false} onChange={(e) => toggle(c.value, e.target.checked)} />
            <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
          </span>
        ))}
      </div>
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
    </fieldset>
  );
}
