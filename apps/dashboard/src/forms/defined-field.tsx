import { formControl, type FieldDefinition } from '@vfr/domain';
import { ChoiceListField } from './choice-list-field';
import { humanize, YES_NO, YES_NO_UNKNOWN } from './choices';
import { CheckField, SelectField, TextField } from './fields';
import type { RecordForm } from './use-record-form';

/**
 * The control of a field defined in libs/domain/src/fields: its label with the unit, its range as
 * the hint, its choices; the rules that judge it are the definition's too. `required` marks a
 * field a cross-field rule requires here (a cement leakage's type), which the definition leaves
 * optional; the form's rules mark such fields themselves too (form.required). A required yes/no
 * offers no "Not recorded": it starts blank and must be answered.
 */
export function DefinedField({ form, name, def, required }: { form: RecordForm; name: string; def: FieldDefinition; required?: boolean }) {
  const c = formControl(name, def, humanize);
  const req = required || c.required || form.required.has(name);
  switch (c.control) {
    case 'check':
      return <CheckField form={form} name={name} label={c.label} />;
    case 'yesNo':
      return (
        <SelectField form={form} name={name} label={c.label} hint={c.hint} required={req} blank="Choose yes or no" choices={req ? YES_NO : YES_NO_UNKNOWN} />
      );
    case 'select':
      return <SelectField form={form} name={name} label={c.label} hint={c.hint} required={req} blank={req ? undefined : 'Not recorded'} choices={c.choices!} />;
    case 'date':
      return <TextField form={form} name={name} label={c.label} hint={c.hint} type="date" required={req} />;
    case 'number':
      return <TextField form={form} name={name} label={c.label} hint={c.hint} type="number" required={req} min={c.min} max={c.max} step={String(c.step)} />;
    case 'checkList':
      return <ChoiceListField form={form} name={name} label={c.label} hint={c.hint} choices={c.choices!} />;
  }
}
