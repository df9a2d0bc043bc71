import { useMutation } from '../graphql/hooks';
import { useState } from 'react';
import { COMPLICATION_FIELDS, ComplicationKind, type ComplicationFields, NEW_FRACTURE_KINDS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, FormButtons, FormProblem, SelectField, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import {
  COMPLICATION_LABELS,
  complicationInput,
  complicationRaw,
  complicationSchema,
  emptyComplication,
  type StoredComplication,
} from './complication.form-model';
import { complicationIssues, type RelatedRecords } from './related-records.rules';
import { CREATE_COMPLICATION, UPDATE_COMPLICATION } from './patients.documents';

// Each control drawn from its definition (libs/domain/src/fields/complication.fields.ts), which
// offers no retired kind: a death is its own record (the patient's Death section).
const F = COMPLICATION_FIELDS;

export function ComplicationForm({
  patientId,
  treatments,
  complication,
  onSaved,
  onCancel,
  onReload,
  related,
}: {
  patientId: string;
  related?: RelatedRecords;
  treatments: { id: string; kind: string; startDate: string | null }[];
  complication?: StoredComplication & { id: string; version: number };
  /** After a save; the form stays busy until it has run (the record is read again). */
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_COMPLICATION);
  const [update] = useMutation(UPDATE_COMPLICATION);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<ComplicationFields>({
    initial: complication ? complicationRaw(complication) : emptyComplication(treatments[treatments.length - 1]?.id ?? ''),
    labels: COMPLICATION_LABELS,
    draft: { form: 'complication', record: complication ? `${complication.id}@${complication.version}` : `new:${patientId}` },
    schema: complicationSchema,
    toInput: (raw) => complicationInput(raw, patientId),
    related: (input) => (related ? complicationIssues(input, related) : []),
    send: async (input) => {
      if (!complication) await create({ variables: { input: { ...input, requestId } } });
      else {
        const changes = updateInput(complication, input, complicationInput(complicationRaw(complication), patientId), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      await onSaved();
    },
  });
  const leakage = form.raw.kind === ComplicationKind.CEMENT_LEAKAGE;
  const newFracture = NEW_FRACTURE_KINDS.includes(form.raw.kind as ComplicationKind);
  return (
    <form className="record-form" noValidate aria-labelledby="complication-form-title" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="complication-form-title">{complication ? 'Edit complication' : 'Record a complication'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(COMPLICATION_LABELS)} onReload={onReload} />
      <DraftNotice form={form} />
      <div className="grid">
        <DefinedField form={form} name="kind" def={F.kind} />
        <DefinedField form={form} name="occurredOn" def={F.occurredOn} />
        <SelectField
          form={form}
          name="treatmentId"
          label="Treatment"
          blank="Not related to a treatment"
          choices={treatments.map((t) => ({ value: t.id, label: `${humanize(t.kind)} ${t.startDate ?? ''}` }))}
        />
        {/* A kind's own fields, required for it by the schema's rules; shown also when a message stands beside one. */}
        {(leakage || form.errors.symptomatic) && <DefinedField form={form} name="symptomatic" def={F.symptomatic} required />}
        {(leakage || form.errors.leakageType) && <DefinedField form={form} name="leakageType" def={F.leakageType} required />}
        {(newFracture || form.errors.level) && <DefinedField form={form} name="level" def={F.level} required />}
        {(newFracture || form.errors.detection) && <DefinedField form={form} name="detection" def={F.detection} required />}
        <DefinedField form={form} name="clavienDindo" def={F.clavienDindo} />
        <DefinedField form={form} name="resolved" def={F.resolved} />
      </div>
      <div className="grid">
        <TextArea form={form} name="notes" label="Notes" />
        {complication && (
          <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />
        )}
      </div>
      <FormButtons form={form} label={complication ? 'Save changes' : 'Save complication'} onCancel={onCancel} />
    </form>
  );
}
