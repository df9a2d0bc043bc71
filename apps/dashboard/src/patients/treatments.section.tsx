import { useMutation } from '../graphql/hooks';
import { humanize } from '../forms/choices';
import { Empty, when } from '../forms/status';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { WITHDRAW_TREATMENT } from './patients.documents';
import { TreatmentForm } from './treatment-form';

export function TreatmentsSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const [withdrawTreatment] = useMutation(WITHDRAW_TREATMENT);
  // A treatment names the fractures it treats: only those not withdrawn can be chosen.
  const liveFractures = p.fractures.filter((f) => !f.withdrawnAt);
  const fractureLevel = new Map(p.fractures.map((f) => [f.id, f.level]));
  return (
    <section className="panel" aria-labelledby="treatments-title">
      <div className="panel-head">
        <h3 id="treatments-title">Treatments</h3>
        {c.addButton('treatment', 'Add treatment')}
      </div>
      {c.is('treatment') && (
        <TreatmentForm patientId={p.id} fractures={liveFractures} onCancel={c.close} onReload={c.reload} onSaved={c.saved('Treatment saved.')} />
      )}
      {p.treatments.length === 0 ? (
        <Empty>No treatment recorded yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Treatment</th>
                <th>Start</th>
                <th>Levels</th>
                <th>Anaesthesia</th>
                <th>Approach</th>
                <th>Cement</th>
                <th>Discharge</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.treatments.map((t, i) => (
                <tr key={t.id} className={t.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>
                    {humanize(t.kind)}
                    {i === 0 ? ' (index)' : ''}
                  </td>
                  <td>{when(t.startDate, t.startDay)}</td>
                  <td>{t.levels.map((l) => fractureLevel.get(l.fractureId) ?? '?').join(', ')}</td>
                  <td>{t.anaesthesia ? humanize(t.anaesthesia) : '–'}</td>
                  <td>{t.approach ? humanize(t.approach) : '–'}</td>
                  <td>{t.levels.some((l) => l.cementVolumeMl !== null) ? `${t.levels.reduce((s, l) => s + (l.cementVolumeMl ?? 0), 0)} ml` : '–'}</td>
                  <td>{t.sameDayDischarge === true ? 'same day' : t.lengthOfStayDays !== null ? `${t.lengthOfStayDays} days` : '–'}</td>
                  {c.actions('treatment', t, `${humanize(t.kind).toLowerCase()} treatment`)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.treatments.map(
        (t) =>
          c.is('treatment', t.id) && (
            <TreatmentForm
              key={`${t.id}-${c.generation}`}
              patientId={p.id}
              fractures={liveFractures}
              treatment={t}
              onCancel={c.close}
              onReload={c.reload}
              onSaved={c.saved('Treatment saved.')}
            />
          ),
      )}
      {p.treatments.map(
        (t) =>
          c.is('treatment', t.id, true) && (
            <div key={t.id}>
              {c.withdraw(`${humanize(t.kind).toLowerCase()} treatment`, (reason) =>
                withdrawTreatment({ variables: { input: { id: t.id, version: t.version, reason } } }),
              )}
            </div>
          ),
      )}
    </section>
  );
}
