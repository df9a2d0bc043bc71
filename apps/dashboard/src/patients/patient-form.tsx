import { useMutation, useQuery } from '../graphql/hooks';
import { Link } from 'react-router';
import { useState } from 'react';
import { PATIENT_FIELDS, type FieldDefinition, type PatientFields } from '@vfr/domain';
import { DefinedField } from '../forms/defined-field';
import { DraftNotice, FormButtons, FormProblem, SelectField, TextField } from '../forms/fields';
import { hasChanges, updateInput } from '../forms/record-update';
import { newRequestId } from '../forms/request-id';
import { useRecordForm } from '../forms/use-record-form';
import {
  emptyPatient,
  PATIENT_LABELS,
  patientInput,
  patientRaw,
  patientSchema,
  patientToValidate,
  placeIdentifierErrors,
  similarQuery,
  type StoredPatient,
} from './patient.form-model';
import { CREATE_PATIENT, SIMILAR_PATIENTS, UPDATE_PATIENT } from './patients.documents';

// The defined fields in groups, each control drawn from its definition (libs/domain/src/fields/patient.fields.ts).
const GROUPS: { legend?: string; fields: (keyof typeof PATIENT_FIELDS)[] }[] = [
  { fields: ['sex', 'bmi', 'tScore', 'asaClass', 'consentStatus'] },
  { fields: ['steroidUse', 'activeCancer', 'ongoingChemotherapy', 'ongoingRadiotherapy'] },
  {
    legend: 'Before the fracture',
    fields: ['preFractureMobility', 'livingSituation', 'clinicalFrailtyScale', 'charlsonComorbidityIndex', 'dementia', 'priorVertebralFractures'],
  },
  {
    legend: 'Osteoporosis care after the fracture',
    fields: ['antiOsteoporoticDrug', 'antiOsteoporoticStartDate', 'dxaDate', 'flsReferral', 'vitaminDSupplementation'],
  },
  {
    legend: 'At the treatment decision (OF-Score)',
    fields: ['painUnderAnalgesia', 'mobilisedUnderAnalgesia', 'deformityProgression', 'anticoagulation', 'modifiedFrailtyIndex'],
  },
];
const defined = (name: string) => (PATIENT_FIELDS as Record<string, FieldDefinition>)[name];

const SHOWN = [
  'registryNumber',
  'birthYear',
  ...Object.keys(PATIENT_FIELDS),
  'identifiers.mrn',
  'identifiers.familyName',
  'identifiers.givenName',
  'identifiers.dateOfBirth',
  'reason',
];

type Editing = StoredPatient & { id: string; version: number; siteId: string };

/** Registration (with identifiers) and editing of a patient. */
export function PatientForm({
  siteId,
  sites,
  patient,
  onSaved,
  onCancel,
  onReload,
}: {
  siteId: string | null;
  sites?: { id: string; code: string }[];
  patient?: Editing;
  /** After a save; the form stays busy until it has run. */
  onSaved: (id: string) => void | Promise<void>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const [create] = useMutation(CREATE_PATIENT);
  const [update] = useMutation(UPDATE_PATIENT);
  const [requestId] = useState(newRequestId);
  const initial = patient ? patientRaw(patient) : { ...emptyPatient(), siteId: siteId ?? '' };
  const form = useRecordForm<PatientFields>({
    initial,
    labels: { ...PATIENT_LABELS, siteId: 'Site' },
    draft: { form: 'patient', record: patient ? `${patient.id}@${patient.version}` : 'new' },
    schema: patientSchema,
    toInput: (raw) => patientInput(raw, patient?.siteId ?? String(raw.siteId ?? '')),
    toValidate: patientToValidate,
    // Identifier messages come back as "identifiers.mrn"; the inputs are named "mrn".
    place: placeIdentifierErrors,
    send: async (input) => {
      if (!patient) {
        const r = await create({ variables: { input: { ...input, requestId } } });
        await onSaved(r.data!.createPatient.id);
        return;
      }
      const stored = patientInput(patientRaw(patient), patient.siteId);
      const { identifiers, ...rest } = input;
      const changes = updateInput(patient, rest, stored, form.raw.reason, ['siteId', 'identifiers']);
      if (JSON.stringify(identifiers ?? null) !== JSON.stringify(stored.identifiers ?? null)) changes.identifiers = identifiers;
      if (hasChanges(changes)) await update({ variables: { input: changes as never } });
      await onSaved(patient.id);
    },
  });
  const shown = [...SHOWN, 'mrn', 'familyName', 'givenName', 'dateOfBirth', 'siteId'];
  // Before registering: the site's patients with a similar name and the same date of birth.
  const lookFor = patient ? null : similarQuery(form.raw, String(form.raw.siteId ?? siteId ?? ''));
  const similar = useQuery(SIMILAR_PATIENTS, { variables: { input: lookFor! }, skip: !lookFor }).data?.similarPatients ?? [];
  const [asked, setAsked] = useState(false);
  const [anyway, setAnyway] = useState(false);
  const warn = lookFor !== null && similar.length > 0;
  const onSubmit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (warn && !anyway) {
      setAsked(true);
      document.getElementById('similar-patients')?.focus();
      return;
    }
    void form.submit();
  };

  return (
    <form className="record-form" noValidate aria-labelledby="patient-form-title" onSubmit={onSubmit} onKeyDown={form.onKeyDown}>
      <h3 id="patient-form-title">{patient ? `Edit patient ${patient.registryNumber}` : 'Register a patient'}</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={shown} onReload={onReload} />
      <DraftNotice form={form} />
      {form.problem?.existing && (
        <p className="error">
          <Link to={`/patients/${form.problem.existing.id}`}>Open patient {form.problem.existing.label}</Link>, who has this MRN.
        </p>
      )}
      <div className="grid">
        {!patient && !siteId && sites && (
          <SelectField form={form} name="siteId" label="Site" required choices={sites.map((s) => ({ value: s.id, label: s.code }))} />
        )}
        <TextField form={form} name="registryNumber" label="Registry number" hint={patient ? undefined : 'Leave blank to number from the site code'} />
        <TextField form={form} name="birthYear" label="Birth year" type="number" required />
      </div>
      {GROUPS.map((g, i) => {
        const controls = (
          <div className="grid">
            {g.fields.map((f) => (
              <DefinedField key={f} form={form} name={f} def={defined(f)} />
            ))}
          </div>
        );
        return g.legend ? (
          <fieldset key={i}>
            <legend>{g.legend}</legend>
            {controls}
          </fieldset>
        ) : (
          <div key={i}>{controls}</div>
        );
      })}
      <fieldset>
        <legend>Identifiers (seen only by this site's coordinators and admins)</legend>
        <div className="grid">
          <TextField form={form} name="mrn" label="MRN" />
          <TextField form={form} name="familyName" label="Family name" />
          <TextField form={form} name="givenName" label="Given name" />
          <TextField form={form} name="dateOfBirth" label="Date of birth" type="date" />
        </div>
        {warn && (
          <div id="similar-patients" className={`similar-warning${asked ? ' asked' : ''}`} role={asked ? 'alert' : 'status'} tabIndex={-1}>
            <p>
              {similar.length === 1 ? 'A patient' : `${similar.length} patients`} of this site with the same date of birth and a similar name{' '}
              {similar.length === 1 ? 'is' : 'are'} already registered:
            </p>
            <ul>
              {similar.map((s) => (
                <li key={s.id}>
                  <Link to={`/patients/${s.id}`}>
                    {s.registryNumber}: {s.identifiers?.givenName} {s.identifiers?.familyName}, born {s.identifiers?.dateOfBirth}
                  </Link>
                </li>
              ))}
            </ul>
            {asked && !anyway && (
              <button
                type="button"
                onClick={() => {
                  setAnyway(true);
                  void form.submit();
                }}
              >
                Register anyway
              </button>
            )}
          </div>
        )}
      </fieldset>
      {patient && (
        <div className="grid">
          <TextField form={form} name="reason" label="Reason for the change" hint="Required when the record was entered more than 24 hours ago" />
        </div>
      )}
      <FormButtons form={form} label={patient ? 'Save changes' : 'Register patient'} onCancel={onCancel} />
    </form>
  );
}
