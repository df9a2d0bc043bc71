import { useMutation } from '../graphql/hooks';
import { Link, useNavigate } from 'react-router';
import { PatientForm } from './patient-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { WITHDRAW_PATIENT } from './patients.documents';

/** The way back to the list, the patient's heading and its Edit and Withdraw buttons. */
export function PatientHead({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  return (
    <>
      <p>
        <Link to="/patients">← Patients</Link>
      </p>
      <div className="panel-head">
        <h2 id="patient-title">
          Patient {p.registryNumber}
          {p.withdrawnAt ? ' (withdrawn)' : ''}
        </h2>
        {c.writer && !p.withdrawnAt && (
          <span>
            <Link to={`/patients-like-this?patient=${p.id}`}>Patients like this one</Link>{' '}
            <button type="button" onClick={() => c.show({ kind: 'patient', id: p.id })}>
              Edit patient
            </button>{' '}
            <button type="button" className="danger" onClick={() => c.show({ kind: 'patient', id: p.id, withdraw: true })}>
              Withdraw patient
            </button>
          </span>
        )}
      </div>
    </>
  );
}

/** The patient's edit form, or its withdraw form, which leads back to the list once withdrawn. */
export function PatientForms({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const navigate = useNavigate();
  const [withdrawPatient] = useMutation(WITHDRAW_PATIENT);
  return (
    <>
      {c.is('patient', p.id) && (
        <PatientForm key={c.generation} siteId={p.siteId} patient={p} onCancel={c.close} onReload={c.reload} onSaved={c.saved('Patient saved.')} />
      )}
      {c.is('patient', p.id, true) &&
        c.withdraw(`patient ${p.registryNumber}`, async (reason) => {
          await withdrawPatient({ variables: { input: { id: p.id, version: p.version, reason } } });
          await navigate('/patients');
        })}
    </>
  );
}
