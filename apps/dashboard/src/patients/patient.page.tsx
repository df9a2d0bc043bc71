import { useQuery } from '../graphql/hooks';
import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { keptDrafts, sessionStore } from '../forms/draft-storage';
import { LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { ComplicationsSection } from './complications.section';
import { DeathSection } from './death.section';
import { FracturesSection } from './fractures.section';
import { OfScorePanel } from './of-score.panel';
import { PatientDetailsSection } from './patient-details.section';
import { PatientForms, PatientHead } from './patient-head.section';
import { usePatientPageControls, type Kind } from './patient-page.controls';
import { PatientTimeline } from './patient-timeline';
import { ME, PATIENT } from './patients.documents';
import { QuestionnairesSection } from './questionnaires.section';
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
  const location = useLocation();
  // After a save the result has the focus (not the page's body): the notice says what was saved.
  const notice = controls.notice ?? (location.state as { saved?: string } | null)?.saved ?? null;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const loaded = Boolean(p);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice, controls.notice, loaded]);
  // A form left with a draft (another page, a reload) is open again when the user comes back.
  const userId = me.data?.me.id;
  const reopened = useRef(false);
  useEffect(() => {
    const store = sessionStore();
    if (!p || !userId || !writer || !store || reopened.current) return;
    reopened.current = true;
    const records = new Map<string, Kind>([[p.id, 'patient']]);
    for (const [kind, rows] of [
      ['fracture', p.fractures],
      ['treatment', p.treatments],
      ['visit', p.assessments],
      ['complication', p.complications],
      ['death', p.death ? [p.death] : []],
    ] as const)
      for (const r of rows) records.set(r.id, kind);
    for (const d of keptDrafts(store, userId)) {
      const [id] = d.record.split('@');
      if (d.record === `new:${p.id}` && d.form !== 'patient') return controls.show({ kind: d.form as Kind });
      if (records.get(id) === d.form) return controls.show({ kind: records.get(id)!, id });
    }
  }, [p, userId, writer, controls]);

  if (q.error && !q.data) return <LoadError error={q.error} what="The patient" onRetry={() => void q.refetch()} />;
  if (!p) return <Loading what="the patient" />;
  return (
    <article aria-labelledby="patient-title">
      <PatientHead patient={p} controls={controls} />
      {notice && (
        <p className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
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
      {controls.writer && !p.withdrawnAt && <QuestionnairesSection patient={p} controls={controls} />}
      <ComplicationsSection patient={p} controls={controls} />
      <DeathSection patient={p} controls={controls} />
    </article>
  );
}
