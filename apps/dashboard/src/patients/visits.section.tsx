import { relatedOf } from './related-records.rules';
import { useMutation } from '../graphql/hooks';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { MISSED_VISIT_REASON_LABELS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { Empty, when } from '../forms/status';
import { AssessmentForm } from './assessment-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { num, treatmentNames, yesNo } from './patient-page.format';
import { WITHDRAW_ASSESSMENT } from './patients.documents';

export function VisitsSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  // The worklist's link names the treatment and time point of the visit to record.
  const [params] = useSearchParams();
  const [withdrawVisit] = useMutation(WITHDRAW_ASSESSMENT);
  const liveTreatments = p.treatments.filter((t) => !t.withdrawnAt);
  const treatmentName = treatmentNames(p.treatments);
  // The new-visit form opens below the patient's other records, often below the fold (from the
  // worklist's "Record visit" it is open as the page loads): bring it into view and put the focus
  // in its first field, so that neither the eye nor the keyboard has to look for it.
  const adding = c.is('visit');
  const newVisit = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = newVisit.current;
    if (!adding || !el) return;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus({ preventScroll: true });
  }, [adding]);
  return (
    <section className="panel" aria-labelledby="visits-title">
      <div className="panel-head">
        <h3 id="visits-title">Follow-up visits</h3>
        {c.addButton('visit', 'Add visit')}
      </div>
      {adding && (
        <div ref={newVisit}>
          <AssessmentForm
            related={relatedOf(p)}
            patientId={p.id}
            treatments={liveTreatments}
            timePoint={params.get('timePoint') ?? undefined}
            treatmentId={params.get('treatment') ?? undefined}
            onCancel={c.close}
            onReload={c.reload}
            onSaved={c.saved('Visit saved.')}
          />
        </div>
      )}
      {p.assessments.length === 0 ? (
        <Empty>No follow-up visit recorded yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Time point</th>
                <th>Date</th>
                <th>Status</th>
                <th>NRS rest</th>
                <th>NRS activity</th>
                <th>ODI</th>
                <th>RMDQ</th>
                <th>EQ-5D</th>
                <th>Imaging</th>
                <th>Treatment</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.assessments.map((a) => (
                <tr key={a.id} className={a.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{a.timePoint}</td>
                  <td>{when(a.visitDate, a.visitDay)}</td>
                  <td>{statusText(a.status, a.missedReason)}</td>
                  <td>{num(a.nrsRest)}</td>
                  <td>{num(a.nrsActivity)}</td>
                  <td>{num(a.odi)}</td>
                  <td>{num(a.rmdq)}</td>
                  <td>{num(a.eq5dIndex)}</td>
                  <td>{yesNo(a.imagingDone)}</td>
                  <td>{treatmentName.get(a.treatmentId) ?? '–'}</td>
                  {c.actions('visit', a, `${a.timePoint} visit`)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.assessments.map(
        (a) =>
          c.is('visit', a.id) && (
            <AssessmentForm
              related={relatedOf(p)}
              key={`${a.id}-${c.generation}`}
              patientId={p.id}
              treatments={liveTreatments}
              assessment={a}
              onCancel={c.close}
              onReload={c.reload}
              onSaved={c.saved('Visit saved.')}
            />
          ),
      )}
      {p.assessments.map(
        (a) =>
          c.is('visit', a.id, true) && (
            <div key={a.id}>
              {c.withdraw(`${a.timePoint} visit`, (reason) => withdrawVisit({ variables: { input: { id: a.id, version: a.version, reason } } }))}
            </div>
          ),
      )}
    </section>
  );
}

/** A visit's status; a missed one with its reason when one was recorded ("Missed — Patient declined the visit"). */
function statusText(status: string, missedReason?: string | null): string {
  const reason = missedReason ? MISSED_VISIT_REASON_LABELS[missedReason as keyof typeof MISSED_VISIT_REASON_LABELS] : undefined;
  return reason ? `${humanize(status)} — ${reason}` : humanize(status);
}
