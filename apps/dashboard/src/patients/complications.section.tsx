import { relatedOf } from './related-records.rules';
import { useMutation } from '../graphql/hooks';
import { humanize } from '../forms/choices';
import { Empty, when } from '../forms/status';
import { ComplicationForm } from './complication-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { treatmentNames, yesNo } from './patient-page.format';
import { WITHDRAW_COMPLICATION } from './patients.documents';

export function ComplicationsSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const [withdrawComplication] = useMutation(WITHDRAW_COMPLICATION);
  const liveTreatments = p.treatments.filter((t) => !t.withdrawnAt);
  const treatmentName = treatmentNames(p.treatments);
  return (
    <section className="panel" aria-labelledby="complications-title">
      <div className="panel-head">
        <h3 id="complications-title">Complications</h3>
        {c.addButton('complication', 'Add complication')}
      </div>
      {c.is('complication') && (
        <ComplicationForm
          related={relatedOf(p)}
          patientId={p.id}
          treatments={liveTreatments}
          onCancel={c.close}
          onReload={c.reload}
          onSaved={c.saved('Complication saved.')}
        />
      )}
      {p.complications.length === 0 ? (
        <Empty>No complication recorded.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Kind</th>
                <th>Date</th>
                <th>Treatment</th>
                <th>Level, found</th>
                <th>Leakage</th>
                <th>Clavien-Dindo</th>
                <th>Resolved</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.complications.map((x) => (
                <tr key={x.id} className={x.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{humanize(x.kind)}</td>
                  <td>{when(x.occurredOn, x.occurredDay)}</td>
                  <td>{x.treatmentId ? (treatmentName.get(x.treatmentId) ?? '–') : '–'}</td>
                  <td>{x.level ? `${x.level}${x.detection ? `, ${humanize(x.detection).toLowerCase()}` : ''}` : '–'}</td>
                  <td>{x.leakageType ? `${x.leakageType}${x.symptomatic ? ', symptomatic' : ''}` : '–'}</td>
                  <td>{x.clavienDindo ?? '–'}</td>
                  <td>{yesNo(x.resolved)}</td>
                  {c.actions('complication', x, `complication ${humanize(x.kind).toLowerCase()}`)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.complications.map(
        (x) =>
          c.is('complication', x.id) && (
            <ComplicationForm
              related={relatedOf(p)}
              key={`${x.id}-${c.generation}`}
              patientId={p.id}
              treatments={liveTreatments}
              complication={x}
              onCancel={c.close}
              onReload={c.reload}
              onSaved={c.saved('Complication saved.')}
            />
          ),
      )}
      {p.complications.map(
        (x) =>
          c.is('complication', x.id, true) && (
            <div key={x.id}>
              {c.withdraw(`complication ${humanize(x.kind).toLowerCase()}`, (reason) =>
                withdrawComplication({ variables: { input: { id: x.id, version: x.version, reason } } }),
              )}
            </div>
          ),
      )}
    </section>
  );
}
