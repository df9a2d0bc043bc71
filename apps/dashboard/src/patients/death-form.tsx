import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { DeathCause, DeathSource, type DeathFields } from '@vfr/domain';
import { choicesOf } from '../forms/choices';
import { FormButtons, FormProblem, SelectField, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import { DEATH_LABELS, deathInput, deathRaw, deathSchema, emptyDeath, type StoredDeath } from './death.form-model';
import { RECORD_DEATH, UPDATE_DEATH } from './patients.documents';

const CAUSES = { PROCEDURE_RELATED: 'Related to a fracture treatment (Clavien-Dindo V)' };

/** Records or edits a patient's death; the server's refusals (a visit after the date, a second death) show beside the date. */
export function DeathForm({
  patientId,
  death,
  onSaved,
  onCancel,
  onReload,
}: {
  patientId: string;
  death?: StoredDeath & { id: string; version: number };
  /** After a save; the form stays busy until it has run (the record is read again). */
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [record] = useMutation(RECORD_DEATH);
  const [update] = useMutation(UPDATE_DEATH);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<DeathFields>({
    initial: death ? deathRaw(death) : emptyDeath(),
    labels: DEATH_LABELS,
    schema: deathSchema,
    toInput: (raw) => deathInput(raw, patientId),
    send: async (input) => {
      if (!death) await record({ variables: { input: { ...input, requestId } } });
      else {
        const changes = updateInput(death, input, deathInput(deathRaw(death), patientId), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      await onSaved();
    },
  });
  return (
    <form className="record-form" noValidate aria-labelledby="death-form-title" onSubmit={form.onSubmit}>
      <h3 id="death-form-title">{death ? 'Edit the death' : 'Record the death'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(DEATH_LABELS)} onReload={onReload} />
      <div className="grid">
        <TextField form={form} name="diedOn" label="Date of death" type="date" required />
        <SelectField form={form} name="cause" label="Cause" required choices={choicesOf(DeathCause, CAUSES)} />
        <SelectField form={form} name="source" label="Source" required choices={choicesOf(DeathSource)} />
      </div>
      <div className="grid">
        <TextArea form={form} name="notes" label="Notes" />
        {death && <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />}
      </div>
      <FormButtons form={form} label={death ? 'Save changes' : 'Save death'} onCancel={onCancel} />
    </form>
  );
}
