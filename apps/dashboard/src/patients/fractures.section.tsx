import { useMutation } from '../graphql/hooks';
import { FRACTURE_FIELDS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { listShown } from '../forms/defined-values';
import { Empty, when } from '../forms/status';
import { FractureForm } from './fracture-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { num, yesNo } from './patient-page.format';
import { WITHDRAW_FRACTURE } from './patients.documents';

export function FracturesSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const [withdrawFracture] = useMutation(WITHDRAW_FRACTURE);
  return (
    <section className="panel" aria-labelledby="fractures-title">
      <div className="panel-head">
        <h3 id="fractures-title">Fractures</h3>
        {c.addButton('fracture', 'Add fracture')}
      </div>
      {c.is('fracture') && <FractureForm patientId={p.id} onCancel={c.close} onReload={c.reload} onSaved={c.saved('Fracture saved.')} />}
      {p.fractures.length === 0 ? (
        <Empty>No fracture recorded yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Level</th>
                <th>Onset</th>
                <th>Cause</th>
                <th>Genant</th>
                <th>Height loss</th>
                <th>Morphology</th>
                <th>OF</th>
                <th>MRI oedema</th>
                <th>Additional injuries</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.fractures.map((f) => (
                <tr key={f.id} className={f.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{f.level}</td>
                  <td>{when(f.onsetDate, f.onsetDay)}</td>
                  <td>{humanize(f.cause)}</td>
                  <td>{f.genantGrade}</td>
                  <td>{num(f.heightLossPercent, ' %')}</td>
                  <td>{f.morphology ? humanize(f.morphology) : '–'}</td>
                  <td>{f.ofClass ?? '–'}</td>
                  <td>{yesNo(f.mriOedema)}</td>
                  <td>{listShown(FRACTURE_FIELDS.additionalInjuryKinds, f.additionalInjuryKinds)}</td>
                  {c.actions('fracture', f, `fracture ${f.level}`)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.fractures.map(
        (f) =>
          c.is('fracture', f.id) && (
            <FractureForm
              key={`${f.id}-${c.generation}`}
              patientId={p.id}
              fracture={f}
              onCancel={c.close}
              onReload={c.reload}
              onSaved={c.saved('Fracture saved.')}
            />
          ),
      )}
      {p.fractures.map(
        (f) =>
          c.is('fracture', f.id, true) && (
            <div key={f.id}>
              {c.withdraw(`fracture ${f.level}`, (reason) => withdrawFracture({ variables: { input: { id: f.id, version: f.version, reason } } }))}
            </div>
          ),
      )}
    </section>
  );
}
