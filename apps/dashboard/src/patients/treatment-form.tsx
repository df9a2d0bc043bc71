import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { AnalgesicLevel, Anaesthesia, CementType, DischargeDestination, ImagingGuidance, ProcedureApproach, TreatmentKind, type TreatmentFields } from '@vfr/domain';
import { choicesOf, YES_NO_UNKNOWN } from '../forms/choices';
import { CheckField, FormButtons, FormProblem, SelectField, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import {
  emptyTreatment, placeLevelErrors, type StoredTreatment, TREATMENT_LABELS, treatmentInput, treatmentRaw, treatmentSchema,
} from './treatment.form-model';
import { CREATE_TREATMENT, UPDATE_TREATMENT } from './patients.documents';

export function TreatmentForm({ patientId, fractures, treatment, onSaved, onCancel, onReload }: {
  patientId: string;
  fractures: { id: string; level: string }[];
  treatment?: StoredTreatment & { id: string; version: number };
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [create] = useMutation(CREATE_TREATMENT);
  const [update] = useMutation(UPDATE_TREATMENT);
  const [requestId] = useState(newRequestId);
  const ids = fractures.map((f) => f.id);
  const form = useRecordForm<TreatmentFields>({
    initial: treatment ? treatmentRaw(treatment) : emptyTreatment(ids),
    labels: TREATMENT_LABELS,
    schema: treatmentSchema,
    toInput: (raw) => treatmentInput(raw, patientId, ids),
    place: (errors, raw) => placeLevelErrors(errors, raw, ids),
    send: async (input) => {
      if (!treatment) await create({ variables: { input: { ...input, requestId } as never } });
      else {
        const changes = updateInput(treatment, input, treatmentInput(treatmentRaw(treatment), patientId, ids), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      onSaved();
    },
  });
  const kind = form.raw.kind;
  const procedure = kind === TreatmentKind.VERTEBROPLASTY || kind === TreatmentKind.KYPHOPLASTY;
  const shown = [...Object.keys(TREATMENT_LABELS), ...ids.flatMap((id) => [`treats.${id}`, `cementType.${id}`, `cementVolumeMl.${id}`, `cementFillPercent.${id}`])];
  return (
    <form className="record-form" noValidate aria-labelledby="treatment-form-title" onSubmit={form.submit}>
      <h3 id="treatment-form-title">{treatment ? 'Edit treatment' : 'Record a treatment'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={shown} onReload={onReload} />
      {fractures.length === 0 && <p className="error">Record the fracture first: a treatment names the fractures it treats.</p>}
      <div className="grid">
        <SelectField form={form} name="kind" label="Treatment" required choices={choicesOf(TreatmentKind)} />
        <TextField form={form} name="startDate" label="Start date" type="date" required />
        <SelectField form={form} name="analgesicLevel" label="Analgesics" blank="Not recorded" choices={choicesOf(AnalgesicLevel)} />
      </div>
      <fieldset>
        <legend>Levels treated</legend>
        {form.errors.levels && <p className="field-error" role="alert">{form.errors.levels}</p>}
        {fractures.map((f) => (
          <div className="grid" key={f.id}>
            <CheckField form={form} name={`treats.${f.id}`} label={`Fracture ${f.level}`} />
            {procedure && form.raw[`treats.${f.id}`] === true && (
              <>
                <SelectField form={form} name={`cementType.${f.id}`} label={`Cement at ${f.level}`} blank="Not recorded" choices={choicesOf(CementType)} />
                <TextField form={form} name={`cementVolumeMl.${f.id}`} label={`Cement volume at ${f.level} (ml)`} type="number" />
                <TextField form={form} name={`cementFillPercent.${f.id}`} label={`Cement fill at ${f.level} (%)`} type="number" />
              </>
            )}
          </div>
        ))}
      </fieldset>
      {kind === TreatmentKind.CONSERVATIVE && (
        <fieldset>
          <legend>Conservative care</legend>
          <div className="grid">
            <SelectField form={form} name="brace" label="Brace / orthosis" choices={YES_NO_UNKNOWN} />
            <SelectField form={form} name="bedRest" label="Bed rest" choices={YES_NO_UNKNOWN} />
            <SelectField form={form} name="physiotherapy" label="Physiotherapy" choices={YES_NO_UNKNOWN} />
          </div>
        </fieldset>
      )}
      {procedure && (
        <fieldset>
          <legend>Procedure</legend>
          <div className="grid">
            <SelectField form={form} name="anaesthesia" label="Anaesthesia" required choices={choicesOf(Anaesthesia)} />
            <SelectField form={form} name="approach" label="Approach" required choices={choicesOf(ProcedureApproach)} />
            <SelectField form={form} name="imagingGuidance" label="Imaging guidance" blank="Not recorded" choices={choicesOf(ImagingGuidance, { CT: 'CT' })} />
            {kind === TreatmentKind.KYPHOPLASTY && <TextField form={form} name="heightRestorationPercent" label="Height restoration (%)" type="number" />}
            <TextField form={form} name="kyphoticAngleBefore" label="Kyphotic angle before (°)" type="number" />
            <TextField form={form} name="kyphoticAngleAfter" label="Kyphotic angle after (°)" type="number" />
            <TextField form={form} name="durationMinutes" label="Duration (min)" type="number" />
            <TextField form={form} name="fluoroscopyTimeSeconds" label="Fluoroscopy time (s)" type="number" />
            <TextField form={form} name="doseAreaProductGyCm2" label="Dose-area product (Gy·cm²)" type="number" />
          </div>
        </fieldset>
      )}
      {kind && (
        // Every path: a conservatively treated inpatient's stay is as much part of the comparison as a procedure's.
        <fieldset>
          <legend>Hospital stay</legend>
          <div className="grid">
            <SelectField form={form} name="sameDayDischarge" label={procedure ? 'Same-day discharge' : 'Treated as an outpatient (same day)'} choices={YES_NO_UNKNOWN} />
            {form.raw.sameDayDischarge !== 'true' && <TextField form={form} name="lengthOfStayDays" label="Length of stay (days)" type="number" />}
            <SelectField form={form} name="dischargeDestination" label="Discharged to" blank="Not recorded" choices={choicesOf(DischargeDestination)} />
            <SelectField form={form} name="readmittedWithin30Days" label="Readmitted within 30 days" choices={YES_NO_UNKNOWN} />
            <SelectField form={form} name="readmittedWithin90Days" label="Readmitted within 90 days" choices={YES_NO_UNKNOWN} />
          </div>
        </fieldset>
      )}
      {treatment && (
        <div className="grid">
          <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />
        </div>
      )}
      <FormButtons form={form} label={treatment ? 'Save changes' : 'Save treatment'} onCancel={onCancel} />
    </form>
  );
}
