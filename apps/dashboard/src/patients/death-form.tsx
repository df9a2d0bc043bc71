import { useMutation } from '../graphql/hooks';
import { useState } from 'react';
import { DEATH_FIELDS, type DeathFields } from '@vfr/domain';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, FormButtons, FormProblem, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import { deathIssues, type RelatedRecords } from './related-records.rules';
import { DEATH_LABELS, deathInput, deathRaw, deathSchema, emptyDeath, type StoredDeath } from './death.form-model';
import { RECORD_DEATH, UPDATE_DEATH } from './patients.documents';

// Each control drawn from its definition (libs/domain/src/fields/death.fields.ts).
const F = DEATH_FIELDS;

/** Records or edits a patient's death; the server's refusals (a visit after the date, a second death) show beside the date. */
export function DeathForm({
  patientId,
  death,
  onSaved,
  onCancel,
  onReload,
  related,
}: {
  patientId: string;
  related?: RelatedRecords;
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
    draft: { form: 'death', record: death ? `${death.id}@${death.version}` : `new:${patientId}` },
    schema: deathSchema,
    toInput: (raw) => deathInput(raw, patientId),
    related: (input) => (related ? deathIssues(input, related) : []),
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
    <form className="record-form" noValidate aria-labelledby="death-form-title" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="death-form-title">{death ? 'Edit the death' : 'Record the death'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(DEATH_LABELS)} onReload={onReload} />
      <DraftNotice form={form} />
      <div className="grid">
        <DefinedField form={form} name="diedOn" def={F.diedOn} />
        <DefinedField form={form} name="cause" def={F.cause} />
        <DefinedField form={form} name="source" def={F.source} />
      </div>
      <div className="grid">
        <TextArea form={form} name="notes" label="Notes" />
        {death && <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />}
      </div>
      <FormButtons form={form} label={death ? 'Save changes' : 'Save death'} onCancel={onCancel} />
    </form>
  );
}
