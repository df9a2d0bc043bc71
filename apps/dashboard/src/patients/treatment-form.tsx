import { useMutation } from '../graphql/hooks';
import { useState } from 'react';
import { CementType, TREATMENT_FIELDS, TreatmentKind, type FieldDefinition, type TreatmentFieldName, type TreatmentFields } from '@vfr/domain';
import { choicesOf } from '../forms/choices';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, CheckField, FormButtons, FormProblem, SelectField, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import {
  CONSERVATIVE_FIELDS,
  emptyTreatment,
  placeLevelErrors,
  type StoredTreatment,
  TREATMENT_LABELS,
  treatmentInput,
  treatmentRaw,
  treatmentSchema,
} from './treatment.form-model';
import { CREATE_TREATMENT, UPDATE_TREATMENT } from './patients.documents';

/** A procedure needs its anaesthesia and approach (the rule in libs/domain's schemas); the definitions leave them optional. */
const requiredForProcedure = (def: FieldDefinition): FieldDefinition => ({ ...def, required: true });
/** Conservative care asks the same-day question in its own words. */
const OUTPATIENT: FieldDefinition = { ...TREATMENT_FIELDS.sameDayDischarge, label: 'Treated as an outpatient (same day)' };

export function TreatmentForm({
  patientId,
  fractures,
  treatment,
  onSaved,
  onCancel,
  onReload,
}: {
  patientId: string;
  fractures: { id: string; level: string }[];
  treatment?: StoredTreatment & { id: string; version: number };
  /** After a save; the form stays busy until it has run (the record is read again). */
  onSaved: () => void | Promise<void>;
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
    draft: { form: 'treatment', record: treatment ? `${treatment.id}@${treatment.version}` : `new:${patientId}` },
    schema: treatmentSchema,
    toInput: (raw) => treatmentInput(raw, patientId, ids),
    place: (errors, raw) => placeLevelErrors(errors, raw, ids),
    send: async (input) => {
      if (!treatment) await create({ variables: { input: { ...input, requestId } } });
      else {
        const changes = updateInput(treatment, input, treatmentInput(treatmentRaw(treatment), patientId, ids), form.raw.reason, ['patientId']);
        if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      }
      await onSaved();
    },
  });
  const kind = form.raw.kind;
  const procedure = kind === TreatmentKind.VERTEBROPLASTY || kind === TreatmentKind.KYPHOPLASTY;
  const shown = [
    ...Object.keys(TREATMENT_LABELS),
    ...ids.flatMap((id) => [`treats.${id}`, `cementType.${id}`, `cementVolumeMl.${id}`, `cementFillPercent.${id}`]),
  ];
  // Each plain value drawn from its definition (libs/domain/src/fields/treatment.fields.ts).
  const field = (name: TreatmentFieldName, def: FieldDefinition = TREATMENT_FIELDS[name]) => <DefinedField key={name} form={form} name={name} def={def} />;
  return (
    <form className="record-form" noValidate aria-labelledby="treatment-form-title" onSubmit={form.onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="treatment-form-title">{treatment ? 'Edit treatment' : 'Record a treatment'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={shown} onReload={onReload} />
      <DraftNotice form={form} />
      {fractures.length === 0 && <p className="error">Record the fracture first: a treatment names the fractures it treats.</p>}
      <div className="grid">
        <SelectField form={form} name="kind" label="Treatment" required choices={choicesOf(TreatmentKind)} />
        <TextField form={form} name="startDate" label="Start date" type="date" required />
        {field('analgesicLevel')}
      </div>
      <fieldset>
        <legend>Levels treated</legend>
        {form.errors.levels && (
          <p className="field-error" role="alert">
            {form.errors.levels}
          </p>
        )}
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
          <div className="grid">{CONSERVATIVE_FIELDS.map((f) => field(f))}</div>
        </fieldset>
      )}
      {procedure && (
        <fieldset>
          <legend>Procedure</legend>
          <div className="grid">
            {field('anaesthesia', requiredForProcedure(TREATMENT_FIELDS.anaesthesia))}
            {field('approach', requiredForProcedure(TREATMENT_FIELDS.approach))}
            {field('imagingGuidance')}
            {kind === TreatmentKind.KYPHOPLASTY && field('heightRestorationPercent')}
            {(['kyphoticAngleBefore', 'kyphoticAngleAfter', 'durationMinutes', 'fluoroscopyTimeSeconds', 'doseAreaProductGyCm2'] as const).map((f) => field(f))}
          </div>
        </fieldset>
      )}
      {kind && (
        // Every path: a conservatively treated inpatient's stay is as much part of the comparison as a procedure's.
        <fieldset>
          <legend>Hospital stay</legend>
          <div className="grid">
            {field('sameDayDischarge', procedure ? TREATMENT_FIELDS.sameDayDischarge : OUTPATIENT)}
            {form.raw.sameDayDischarge !== 'true' && field('lengthOfStayDays')}
            {(['dischargeDestination', 'readmittedWithin30Days', 'readmittedWithin90Days'] as const).map((f) => field(f))}
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
