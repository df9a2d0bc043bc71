import { formControl, type FieldDefinition } from '@vfr/domain';
import { humanize, YES_NO_UNKNOWN } from './choices';
import { CheckField, SelectField, TextField } from './fields';
import type { RecordForm } from './use-record-form';

/**
 * The control of a field defined in libs/domain/src/fields: its label with the unit, its range as
 * the hint, its choices; the rules that judge it are the definition's too.
 */
export function DefinedField({ form, name, def }: { form: RecordForm; name: string; def: FieldDefinition }) {
  const c = formControl(name, def, humanize);
  switch (c.control) {
    case 'check':
      return <CheckField form={form} name={name} label={c.label} />;
    case 'yesNo':
      return <SelectField form={form} name={name} label={c.label} hint={c.hint} choices={YES_NO_UNKNOWN} />;
    case 'select':
      return <SelectField form={form} name={name} label={c.label} hint={c.hint} required={c.required} blank={c.required ? undefined : 'Not recorded'} choices={c.choices!} />;
    case 'date':
      return <TextField form={form} name={name} label={c.label} hint={c.hint} type="date" required={c.required} />;
    case 'number':
      return <TextField form={form} name={name} label={c.label} hint={c.hint} type="number" required={c.required} min={c.min} max={c.max} step={String(c.step)} />;
  }
}
