import { relatedOf } from './related-records.rules';
import { useMutation } from '../graphql/hooks';
import { humanize } from '../forms/choices';
import { Empty, when } from '../forms/status';
import { DeathForm } from './death-form';
import type { Patient, PatientPageControls } from './patient-page.controls';
import { WITHDRAW_DEATH } from './patients.documents';

/** A patient dies once: the button to record a death shows until one is recorded. */
export function DeathSection({ patient: p, controls: c }: { patient: Patient; controls: PatientPageControls }) {
  const [withdrawDeath] = useMutation(WITHDRAW_DEATH);
  const death = p.death;
  return (
    <section className="panel" aria-labelledby="death-title">
      <div className="panel-head">
        <h3 id="death-title">Death</h3>
        {!death && c.addButton('death', 'Record death')}
      </div>
      {c.is('death') && <DeathForm related={relatedOf(p)} patientId={p.id} onCancel={c.close} onReload={c.reload} onSaved={c.saved('Death saved.')} />}
      {!death ? (
        <Empty>No death recorded.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Date</th>
                <th>Cause</th>
                <th>Source</th>
                <th>Notes</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{when(death.diedOn, death.diedDay)}</td>
                <td>{humanize(death.cause)}</td>
                <td>{humanize(death.source)}</td>
                <td>{death.notes ?? '–'}</td>
                {c.actions('death', death, 'death')}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {death && c.is('death', death.id) && (
        <DeathForm
          related={relatedOf(p)}
          key={`${death.id}-${c.generation}`}
          patientId={p.id}
          death={death}
          onCancel={c.close}
          onReload={c.reload}
          onSaved={c.saved('Death saved.')}
        />
      )}
      {death &&
        c.is('death', death.id, true) &&
        c.withdraw('death', (reason) => withdrawDeath({ variables: { input: { id: death.id, version: death.version, reason } } }))}
    </section>
  );
}
