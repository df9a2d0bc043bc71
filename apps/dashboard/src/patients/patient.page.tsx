import { useQuery } from '../graphql/hooks';
import { useParams } from 'react-router';
import { LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { ComplicationsSection } from './complications.section';
import { DeathSection } from './death.section';
import { FracturesSection } from './fractures.section';
import { OfScorePanel } from './of-score.panel';
import { PatientDetailsSection } from './patient-details.section';
import { PatientForms, PatientHead } from './patient-head.section';
import { usePatientPageControls } from './patient-page.controls';
import { PatientTimeline } from './patient-timeline';
import { ME, PATIENT } from './patients.documents';
import { TreatmentsSection } from './treatments.section';
import { VisitsSection } from './visits.section';

/** One patient's record, section by section; each section lists its records and holds their forms. */
export function PatientPage() {
  const { id = '' } = useParams();
  const me = useQuery(ME);
  const q = useQuery(PATIENT, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const p = q.data?.patient;
  const role = me.data?.me.role;
  const writer = Boolean(p) && ((role === 'COORDINATOR' && me.data?.me.siteId === p?.siteId) || role === 'ADMIN');
  const controls = usePatientPageControls({ refetch: () => q.refetch(), writer, patientWithdrawn: Boolean(p?.withdrawnAt) });

  if (q.error && !q.data) return <LoadError error={q.error} what="The patient" onRetry={() => void q.refetch()} />;
  if (!p) return <Loading what="the patient" />;
  return (
    <article aria-labelledby="patient-title">
      <PatientHead patient={p} controls={controls} />
      {controls.notice && (
        <p className="notice" role="status">
          {controls.notice}
        </p>
      )}
      {q.error && <LoadError error={q.error} what="The latest version of the patient" onRetry={controls.reload} />}
      <PatientForms patient={p} controls={controls} />
      <PatientDetailsSection patient={p} />
      <OfScorePanel score={p.ofScore} />
      <PatientTimeline patient={p} registryNumber={p.registryNumber} />
      <FracturesSection patient={p} controls={controls} />
      <TreatmentsSection patient={p} controls={controls} />
      <VisitsSection patient={p} controls={controls} />
      <ComplicationsSection patient={p} controls={controls} />
      <DeathSection patient={p} controls={controls} />
    </article>
  );
}
