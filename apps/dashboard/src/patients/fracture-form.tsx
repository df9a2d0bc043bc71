import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { FractureCause, FractureMorphology, OfClass, VERTEBRAL_LEVELS, type FractureFields } from '@vfr/domain';
import { choicesOf, YES_NO_UNKNOWN } from '../forms/choices';
import { CheckField, FormButtons, FormProblem, SelectField, TextArea, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import { emptyFracture, FRACTURE_LABELS, fractureInput, fractureRaw, fractureSchema, type StoredFracture } from './fracture.form-model';
import { CREATE_FRACTURE, UPDATE_FRACTURE } from './patients.documents';

export function FractureForm({ patientId, fracture, onSaved, onCancel, onReload }: {
  patientId: string;
  fracture?: StoredFracture & { id: string; version: number };
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_FRACTURE);
  const [update] = useMutation(UPDATE_FRACTURE);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<FractureFields>({
    initial: fracture ? fractureRaw(fracture) : emptyFracture(),
    labels: FRACTURE_LABELS,
    schema: fractureSchema,
    toInput: (raw) => fractureInput(raw, patientId),
    send: async (input) => {
      if (!fracture) await create({ variables: { input: { ...input, requestId } as never } });
      else {
        const changes = updateInput(fracture, input, fractureInput(fractureRaw(fracture), patientId), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      onSaved();
    },
  });
  return (
    <form className="record-form" noValidate aria-labelledby="fracture-form-title" onSubmit={form.submit}>
      <h3 id="fracture-form-title">{fracture ? `Edit fracture ${fracture.level}` : 'Record a fracture'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(FRACTURE_LABELS)} onReload={onReload} />
      <div className="grid">
        <SelectField form={form} name="level" label="Level" required choices={choicesOf(VERTEBRAL_LEVELS)} />
        <TextField form={form} name="onsetDate" label="Onset of symptoms" type="date" required />
        <SelectField form={form} name="cause" label="Cause" required choices={choicesOf(FractureCause)} />
        <SelectField form={form} name="genantGrade" label="Genant grade" required choices={['0', '1', '2', '3'].map((g) => ({ value: g, label: `Grade ${g}` }))} />
        <TextField form={form} name="heightLossPercent" label="Height loss (%)" type="number" />
        <SelectField form={form} name="morphology" label="Morphology" blank="Not recorded" choices={choicesOf(FractureMorphology)} />
        <SelectField form={form} name="ofClass" label="OF class" blank="Not recorded" choices={choicesOf(OfClass)} />
        <SelectField form={form} name="mriOedema" label="MRI bone oedema" choices={YES_NO_UNKNOWN} />
        <CheckField form={form} name="posteriorWallInvolved" label="Posterior wall involved" />
        <CheckField form={form} name="neurologicalDeficit" label="Neurological deficit" />
      </div>
      <div className="grid">
        <TextArea form={form} name="additionalInjuries" label="Additional injuries" />
        {fracture && <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />}
      </div>
      <FormButtons form={form} label={fracture ? 'Save changes' : 'Save fracture'} onCancel={onCancel} />
    </form>
  );
}
