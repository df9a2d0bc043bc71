import { useMutation } from '../graphql/hooks';
import { useState } from 'react';
import { FRACTURE_FIELDS, type FieldDefinition, type FractureFields } from '@vfr/domain';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, FormButtons, FormProblem, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import { emptyFracture, FRACTURE_LABELS, fractureInput, fractureRaw, fractureSchema, type StoredFracture } from './fracture.form-model';
import { CREATE_FRACTURE, UPDATE_FRACTURE } from './patients.documents';

// The findings, each control drawn from its definition (libs/domain/src/fields/fracture.fields.ts);
// the additional injuries by kind beside their free text.
const FINDINGS = (Object.entries(FRACTURE_FIELDS) as [string, FieldDefinition][]).filter(([name]) => name !== 'additionalInjuryKinds');

export function FractureForm({
  patientId,
  fracture,
  onSaved,
  onCancel,
  onReload,
}: {
  patientId: string;
  fracture?: StoredFracture & { id: string; version: number };
  /** After a save; the form stays busy until it has run (the record is read again). */
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_FRACTURE);
  const [update] = useMutation(UPDATE_FRACTURE);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<FractureFields>({
    initial: fracture ? fractureRaw(fracture) : emptyFracture(),
    labels: FRACTURE_LABELS,
    draft: { form: 'fracture', record: fracture ? `${fracture.id}@${fracture.version}` : `new:${patientId}` },
    schema: fractureSchema,
    toInput: (raw) => fractureInput(raw, patientId),
    send: async (input) => {
      if (!fracture) await create({ variables: { input: { ...input, requestId } } });
      else {
        const changes = updateInput(fracture, input, fractureInput(fractureRaw(fracture), patientId), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      await onSaved();
    },
  });
  return (
    <form className="record-form" noValidate aria-labelledby="fracture-form-title" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="fracture-form-title">{fracture ? `Edit fracture ${fracture.level}` : 'Record a fracture'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(FRACTURE_LABELS)} onReload={onReload} />
      <DraftNotice form={form} />
      <div className="grid">
        {FINDINGS.map(([name, def]) => (
          <DefinedField key={name} form={form} name={name} def={def} />
        ))}
      </div>
      <div className="grid">
        <DefinedField form={form} name="additionalInjuryKinds" def={FRACTURE_FIELDS.additionalInjuryKinds} />
        <TextArea
          form={form}
          name="additionalInjuries"
          label={FRACTURE_LABELS.additionalInjuries}
          hint="Free text, seen only by this site's coordinators and admins"
        />
        {fracture && <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />}
      </div>
      <FormButtons form={form} label={fracture ? 'Save changes' : 'Save fracture'} onCancel={onCancel} />
    </form>
  );
}
