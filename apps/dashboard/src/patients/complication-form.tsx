import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { CementLeakageType, ClavienDindoGrade, ComplicationKind, type ComplicationFields, FractureDetection, NEW_FRACTURE_KINDS, VERTEBRAL_LEVELS } from '@vfr/domain';
import { choicesOf, humanize, YES_NO_UNKNOWN } from '../forms/choices';
import { CheckField, FormButtons, FormProblem, SelectField, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import { COMPLICATION_LABELS, complicationInput, complicationRaw, complicationSchema, emptyComplication, type StoredComplication } from './complication.form-model';
import { CREATE_COMPLICATION, UPDATE_COMPLICATION } from './patients.documents';

// A death is its own record (the patient's Death section); DEATH stays a stored kind for the old rows only.
const KINDS = choicesOf(Object.values(ComplicationKind).filter((k) => k !== ComplicationKind.DEATH));

const DETECTION = { CLINICAL: 'Clinically: symptoms led to imaging', SCHEDULED_IMAGING: 'On imaging scheduled by the protocol', INCIDENTAL: 'Incidentally, on imaging for another reason' };

const LEAKAGE = { B: 'B: basivertebral vein', S: 'S: segmental vein', C: 'C: cortical defect', D: 'D: into the disc' };

export function ComplicationForm({ patientId, treatments, complication, onSaved, onCancel, onReload }: {
  patientId: string;
  treatments: { id: string; kind: string; startDate: string | null }[];
  complication?: StoredComplication & { id: string; version: number };
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_COMPLICATION);
  const [update] = useMutation(UPDATE_COMPLICATION);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<ComplicationFields>({
    initial: complication ? complicationRaw(complication) : emptyComplication(treatments[treatments.length - 1]?.id ?? ''),
    labels: COMPLICATION_LABELS,
    schema: complicationSchema,
    toInput: (raw) => complicationInput(raw, patientId),
    send: async (input) => {
      if (!complication) await create({ variables: { input: { ...input, requestId } as never } });
      else {
        const changes = updateInput(complication, input, complicationInput(complicationRaw(complication), patientId), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      onSaved();
    },
  });
  const leakage = form.raw.kind === ComplicationKind.CEMENT_LEAKAGE;
  const newFracture = NEW_FRACTURE_KINDS.includes(form.raw.kind as ComplicationKind);
  return (
    <form className="record-form" noValidate aria-labelledby="complication-form-title" onSubmit={form.submit}>
      <h3 id="complication-form-title">{complication ? 'Edit complication' : 'Record a complication'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(COMPLICATION_LABELS)} onReload={onReload} />
      <div className="grid">
        <SelectField form={form} name="kind" label="Kind" required choices={KINDS} />
        <TextField form={form} name="occurredOn" label="Date" type="date" required />
        <SelectField form={form} name="treatmentId" label="Treatment" blank="Not related to a treatment" choices={treatments.map((t) => ({ value: t.id, label: `${humanize(t.kind)} ${t.startDate ?? ''}` }))} />
        {(leakage || form.errors.symptomatic) && <SelectField form={form} name="symptomatic" label="Symptomatic" required choices={YES_NO_UNKNOWN} />}
        {(leakage || form.errors.leakageType) && <SelectField form={form} name="leakageType" label="Leakage type" required choices={choicesOf(CementLeakageType, LEAKAGE)} />}
        {(newFracture || form.errors.level) && <SelectField form={form} name="level" label="Level of the new fracture" required hint="Adjacent: directly above or below a treated level" choices={VERTEBRAL_LEVELS.map((l) => ({ value: l, label: l }))} />}
        {(newFracture || form.errors.detection) && <SelectField form={form} name="detection" label="How it was found" required choices={choicesOf(FractureDetection, DETECTION)} />}
        <SelectField form={form} name="clavienDindo" label="Clavien-Dindo grade" blank="Not graded" choices={choicesOf(ClavienDindoGrade)} />
        <CheckField form={form} name="resolved" label="Resolved" />
      </div>
      <div className="grid">
        <TextArea form={form} name="notes" label="Notes" />
        {complication && <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />}
      </div>
      <FormButtons form={form} label={complication ? 'Save changes' : 'Save complication'} onCancel={onCancel} />
    </form>
  );
}
