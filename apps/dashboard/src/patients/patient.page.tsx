import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { humanize } from '../forms/choices';
import { Empty, LoadError, Loading, when } from '../forms/status';
import { WithdrawForm } from '../forms/withdraw-form';
import '../forms/forms.css';
import { AssessmentForm } from './assessment-form';
import { ComplicationForm } from './complication-form';
import { DeathForm } from './death-form';
import { FractureForm } from './fracture-form';
import { PatientForm } from './patient-form';
import { FRACTURE_FIELDS, PATIENT_FIELDS, type FieldDefinition } from '@vfr/domain';
import { listShown } from '../forms/defined-values';
import { OfScorePanel } from './of-score.panel';
import { PatientTimeline } from './patient-timeline';
import { TreatmentForm } from './treatment-form';
import {
  ME, PATIENT, WITHDRAW_ASSESSMENT, WITHDRAW_COMPLICATION, WITHDRAW_DEATH, WITHDRAW_FRACTURE, WITHDRAW_PATIENT, WITHDRAW_TREATMENT,
} from './patients.documents';

type Kind = 'patient' | 'fracture' | 'treatment' | 'visit' | 'complication' | 'death';
/** What is open: a form to add (no id), to edit or to withdraw a record. */
type Open = { kind: Kind; id?: string; withdraw?: boolean } | null;

// The baseline fields shown from their definitions (labels, units, choice labels).
const BASELINE_SHOWN = [
  'preFractureMobility', 'livingSituation', 'clinicalFrailtyScale', 'charlsonComorbidityIndex', 'dementia', 'priorVertebralFractures',
  'antiOsteoporoticDrug', 'antiOsteoporoticStartDate', 'dxaDate', 'flsReferral', 'vitaminDSupplementation',
  'painUnderAnalgesia', 'mobilisedUnderAnalgesia', 'deformityProgression', 'anticoagulation', 'modifiedFrailtyIndex',
];

const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '–');
const num = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? '–' : `${v}${unit}`);

export function PatientPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useQuery(ME);
  const q = useQuery(PATIENT, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // The worklist links here with ?record=visit&treatment=...&timePoint=M3 to open the visit form.
  const [open, setOpen] = useState<Open>(params.get('record') === 'visit' ? { kind: 'visit' } : null);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped by "Reload the record": the open form starts again from the stored version.
  const [generation, setGeneration] = useState(0);
  const [withdrawPatient] = useMutation(WITHDRAW_PATIENT);
  const [withdrawFracture] = useMutation(WITHDRAW_FRACTURE);
  const [withdrawTreatment] = useMutation(WITHDRAW_TREATMENT);
  const [withdrawVisit] = useMutation(WITHDRAW_ASSESSMENT);
  const [withdrawComplication] = useMutation(WITHDRAW_COMPLICATION);
  const [withdrawDeath] = useMutation(WITHDRAW_DEATH);

  if (q.error && !q.data) return <LoadError error={q.error} what="The patient" onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading what="the patient" />;
  const p = q.data.patient;
  const role = me.data?.me.role;
  const writer = (role === 'COORDINATOR' && me.data?.me.siteId === p.siteId) || role === 'ADMIN';
  const reload = () => {
    void q.refetch().then(() => setGeneration((g) => g + 1));
  };
  const saved = (what: string) => async () => {
    await q.refetch();
    setOpen(null);
    setNotice(what);
    if (params.get('record')) setParams({}, { replace: true });
  };
  const close = () => {
    setOpen(null);
    if (params.get('record')) setParams({}, { replace: true });
  };
  const is = (kind: Kind, id?: string, withdraw = false) => open?.kind === kind && open.id === id && Boolean(open.withdraw) === withdraw;
  const liveFractures = p.fractures.filter((f) => !f.withdrawnAt);
  const liveTreatments = p.treatments.filter((t) => !t.withdrawnAt);
  const fractureLevel = new Map(p.fractures.map((f) => [f.id, f.level]));
  const treatmentName = new Map(p.treatments.map((t) => [t.id, `${humanize(t.kind)} ${when(t.startDate, t.startDay)}`]));
  const withdraw = (what: string, run: (reason: string) => Promise<unknown>) => (
    <WithdrawForm what={what} onCancel={close} onWithdraw={async (reason) => { await run(reason); await saved(`${what.charAt(0).toUpperCase()}${what.slice(1)} withdrawn.`)(); }} />
  );
  const actions = (kind: Kind, record: { id: string; version: number; withdrawnAt?: unknown }, label: string) =>
    writer && !record.withdrawnAt ? (
      <td className="actions">
        <button type="button" className="link" aria-label={`Edit ${label}`} onClick={() => { setNotice(null); setOpen({ kind, id: record.id }); }}>Edit</button>
        <button type="button" className="link" aria-label={`Withdraw ${label}`} onClick={() => { setNotice(null); setOpen({ kind, id: record.id, withdraw: true }); }}>Withdraw</button>
      </td>
    ) : (
      <td className="actions note">{record.withdrawnAt ? 'withdrawn' : ''}</td>
    );
  const addButton = (kind: Kind, label: string) =>
    writer && !p.withdrawnAt && <button type="button" onClick={() => { setNotice(null); setOpen({ kind }); }} disabled={is(kind)}>{label}</button>;

  return (
    <article aria-labelledby="patient-title">
      <p><Link to="/patients">← Patients</Link></p>
      <div className="panel-head">
        <h2 id="patient-title">Patient {p.registryNumber}{p.withdrawnAt ? ' (withdrawn)' : ''}</h2>
        {writer && !p.withdrawnAt && (
          <span>
            <button type="button" onClick={() => setOpen({ kind: 'patient', id: p.id })}>Edit patient</button>{' '}
            <button type="button" className="danger" onClick={() => setOpen({ kind: 'patient', id: p.id, withdraw: true })}>Withdraw patient</button>
          </span>
        )}
      </div>
      {notice && <p className="notice" role="status">{notice}</p>}
      {q.error && <LoadError error={q.error} what="The latest version of the patient" onRetry={reload} />}
      {is('patient', p.id) && (
        <PatientForm key={generation} siteId={p.siteId} patient={p} onCancel={close} onReload={reload} onSaved={saved('Patient saved.')} />
      )}
      {is('patient', p.id, true) && withdraw(`patient ${p.registryNumber}`, async (reason) => {
        await withdrawPatient({ variables: { input: { id: p.id, version: p.version, reason } } });
        navigate('/patients');
      })}
      <section className="panel" aria-label="Patient details">
        <dl className="facts">
          {p.identifiers && (
            <>
              <div><dt>Name</dt><dd>{p.identifiers.familyName}, {p.identifiers.givenName}</dd></div>
              <div><dt>MRN</dt><dd>{p.identifiers.mrn}</dd></div>
              <div><dt>Date of birth</dt><dd>{p.identifiers.dateOfBirth}</dd></div>
            </>
          )}
          <div><dt>Site</dt><dd>{p.site.code}</dd></div>
          <div><dt>Sex</dt><dd>{humanize(p.sex)}</dd></div>
          <div><dt>Birth year</dt><dd>{num(p.birthYear)}</dd></div>
          <div><dt>Age at treatment</dt><dd>{p.ageAtIndexTreatment ?? '–'}</dd></div>
          <div><dt>BMI</dt><dd>{num(p.bmi, ' kg/m²')}</dd></div>
          <div><dt>T-score</dt><dd>{num(p.tScore, ' SD')}</dd></div>
          <div><dt>ASA class</dt><dd>{num(p.asaClass)}</dd></div>
          <div><dt>Consent</dt><dd>{humanize(p.consentStatus)}</dd></div>
          <div><dt>Steroids / cancer</dt><dd>{yesNo(p.steroidUse)} / {yesNo(p.activeCancer)}</dd></div>
          <div><dt>Chemo- / radiotherapy</dt><dd>{yesNo(p.ongoingChemotherapy)} / {yesNo(p.ongoingRadiotherapy)}</dd></div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="baseline-title">
        <h3 id="baseline-title">Baseline and osteoporosis care</h3>
        <dl className="facts">
          {BASELINE_SHOWN.map((name) => {
            const def = (PATIENT_FIELDS as Record<string, FieldDefinition>)[name];
            const value = (p as unknown as Record<string, unknown>)[name];
            const unit = def.unit && def.unit !== 'points' ? ` ${def.unit}` : '';
            const shown = value == null ? 'Not recorded' : typeof value === 'boolean' ? (value ? 'Yes' : 'No')
              : def.type === 'enum' ? (def.choiceLabels?.[String(value)] ?? humanize(String(value))) : `${String(value)}${unit}`;
            return <div key={name}><dt>{def.label}</dt><dd>{shown}</dd></div>;
          })}
        </dl>
      </section>

      <OfScorePanel score={p.ofScore} />

      <PatientTimeline patient={p} registryNumber={p.registryNumber} />

      <section className="panel" aria-labelledby="fractures-title">
        <div className="panel-head"><h3 id="fractures-title">Fractures</h3>{addButton('fracture', 'Add fracture')}</div>
        {is('fracture') && <FractureForm patientId={p.id} onCancel={close} onReload={reload} onSaved={saved('Fracture saved.')} />}
        {p.fractures.length === 0 ? <Empty>No fracture recorded yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Level</th><th>Onset</th><th>Cause</th><th>Genant</th><th>Height loss</th><th>Morphology</th><th>OF</th><th>MRI oedema</th><th>Additional injuries</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {p.fractures.map((f) => (
                <tr key={f.id} className={f.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{f.level}</td><td>{when(f.onsetDate, f.onsetDay)}</td><td>{humanize(f.cause)}</td><td>{f.genantGrade}</td>
                  <td>{num(f.heightLossPercent, ' %')}</td><td>{f.morphology ? humanize(f.morphology) : '–'}</td><td>{f.ofClass ?? '–'}</td><td>{yesNo(f.mriOedema)}</td>
                  <td>{listShown(FRACTURE_FIELDS.additionalInjuryKinds, f.additionalInjuryKinds)}</td>
                  {actions('fracture', f, `fracture ${f.level}`)}
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        {p.fractures.map((f) => is('fracture', f.id) && <FractureForm key={`${f.id}-${generation}`} patientId={p.id} fracture={f} onCancel={close} onReload={reload} onSaved={saved('Fracture saved.')} />)}
        {p.fractures.map((f) => is('fracture', f.id, true) && <div key={f.id}>{withdraw(`fracture ${f.level}`, (reason) => withdrawFracture({ variables: { input: { id: f.id, version: f.version, reason } } }))}</div>)}
      </section>

      <section className="panel" aria-labelledby="treatments-title">
        <div className="panel-head"><h3 id="treatments-title">Treatments</h3>{addButton('treatment', 'Add treatment')}</div>
        {is('treatment') && <TreatmentForm patientId={p.id} fractures={liveFractures} onCancel={close} onReload={reload} onSaved={saved('Treatment saved.')} />}
        {p.treatments.length === 0 ? <Empty>No treatment recorded yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Treatment</th><th>Start</th><th>Levels</th><th>Anaesthesia</th><th>Approach</th><th>Cement</th><th>Discharge</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {p.treatments.map((t, i) => (
                <tr key={t.id} className={t.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{humanize(t.kind)}{i === 0 ? ' (index)' : ''}</td><td>{when(t.startDate, t.startDay)}</td>
                  <td>{t.levels.map((l) => fractureLevel.get(l.fractureId) ?? '?').join(', ')}</td>
                  <td>{t.anaesthesia ? humanize(t.anaesthesia) : '–'}</td><td>{t.approach ? humanize(t.approach) : '–'}</td>
                  <td>{t.levels.some((l) => l.cementVolumeMl !== null) ? `${t.levels.reduce((s, l) => s + (l.cementVolumeMl ?? 0), 0)} ml` : '–'}</td>
                  <td>{t.sameDayDischarge === true ? 'same day' : t.lengthOfStayDays !== null ? `${t.lengthOfStayDays} days` : '–'}</td>
                  {actions('treatment', t, `${humanize(t.kind).toLowerCase()} treatment`)}
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        {p.treatments.map((t) => is('treatment', t.id) && <TreatmentForm key={`${t.id}-${generation}`} patientId={p.id} fractures={liveFractures} treatment={t} onCancel={close} onReload={reload} onSaved={saved('Treatment saved.')} />)}
        {p.treatments.map((t) => is('treatment', t.id, true) && <div key={t.id}>{withdraw(`${humanize(t.kind).toLowerCase()} treatment`, (reason) => withdrawTreatment({ variables: { input: { id: t.id, version: t.version, reason } } }))}</div>)}
      </section>

      <section className="panel" aria-labelledby="visits-title">
        <div className="panel-head"><h3 id="visits-title">Follow-up visits</h3>{addButton('visit', 'Add visit')}</div>
        {is('visit') && (
          <AssessmentForm patientId={p.id} treatments={liveTreatments} timePoint={params.get('timePoint') ?? undefined} treatmentId={params.get('treatment') ?? undefined} onCancel={close} onReload={reload} onSaved={saved('Visit saved.')} />
        )}
        {p.assessments.length === 0 ? <Empty>No follow-up visit recorded yet.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Time point</th><th>Date</th><th>Status</th><th>NRS rest</th><th>NRS activity</th><th>ODI</th><th>RMDQ</th><th>EQ-5D</th><th>Imaging</th><th>Treatment</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {p.assessments.map((a) => (
                <tr key={a.id} className={a.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{a.timePoint}</td><td>{when(a.visitDate, a.visitDay)}</td><td>{humanize(a.status)}</td><td>{num(a.nrsRest)}</td><td>{num(a.nrsActivity)}</td>
                  <td>{num(a.odi)}</td><td>{num(a.rmdq)}</td><td>{num(a.eq5dIndex)}</td><td>{yesNo(a.imagingDone)}</td><td>{treatmentName.get(a.treatmentId) ?? '–'}</td>
                  {actions('visit', a, `${a.timePoint} visit`)}
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        {p.assessments.map((a) => is('visit', a.id) && <AssessmentForm key={`${a.id}-${generation}`} patientId={p.id} treatments={liveTreatments} assessment={a} onCancel={close} onReload={reload} onSaved={saved('Visit saved.')} />)}
        {p.assessments.map((a) => is('visit', a.id, true) && <div key={a.id}>{withdraw(`${a.timePoint} visit`, (reason) => withdrawVisit({ variables: { input: { id: a.id, version: a.version, reason } } }))}</div>)}
      </section>

      <section className="panel" aria-labelledby="complications-title">
        <div className="panel-head"><h3 id="complications-title">Complications</h3>{addButton('complication', 'Add complication')}</div>
        {is('complication') && <ComplicationForm patientId={p.id} treatments={liveTreatments} onCancel={close} onReload={reload} onSaved={saved('Complication saved.')} />}
        {p.complications.length === 0 ? <Empty>No complication recorded.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Kind</th><th>Date</th><th>Treatment</th><th>Level, found</th><th>Leakage</th><th>Clavien-Dindo</th><th>Resolved</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {p.complications.map((c) => (
                <tr key={c.id} className={c.withdrawnAt ? 'withdrawn' : undefined}>
                  <td>{humanize(c.kind)}</td><td>{when(c.occurredOn, c.occurredDay)}</td><td>{c.treatmentId ? treatmentName.get(c.treatmentId) ?? '–' : '–'}</td>
                  <td>{c.level ? `${c.level}${c.detection ? `, ${humanize(c.detection).toLowerCase()}` : ''}` : '–'}</td>
                  <td>{c.leakageType ? `${c.leakageType}${c.symptomatic ? ', symptomatic' : ''}` : '–'}</td><td>{c.clavienDindo ?? '–'}</td><td>{yesNo(c.resolved)}</td>
                  {actions('complication', c, `complication ${humanize(c.kind).toLowerCase()}`)}
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        {p.complications.map((c) => is('complication', c.id) && <ComplicationForm key={`${c.id}-${generation}`} patientId={p.id} treatments={liveTreatments} complication={c} onCancel={close} onReload={reload} onSaved={saved('Complication saved.')} />)}
        {p.complications.map((c) => is('complication', c.id, true) && <div key={c.id}>{withdraw(`complication ${humanize(c.kind).toLowerCase()}`, (reason) => withdrawComplication({ variables: { input: { id: c.id, version: c.version, reason } } }))}</div>)}
      </section>

      <section className="panel" aria-labelledby="death-title">
        <div className="panel-head"><h3 id="death-title">Death</h3>{!p.death && addButton('death', 'Record death')}</div>
        {is('death') && <DeathForm patientId={p.id} onCancel={close} onReload={reload} onSaved={saved('Death saved.')} />}
        {!p.death ? <Empty>No death recorded.</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>Date</th><th>Cause</th><th>Source</th><th>Notes</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              <tr>
                <td>{when(p.death.diedOn, p.death.diedDay)}</td><td>{humanize(p.death.cause)}</td><td>{humanize(p.death.source)}</td><td>{p.death.notes ?? '–'}</td>
                {actions('death', p.death, 'death')}
              </tr>
            </tbody>
          </table></div>
        )}
        {p.death && is('death', p.death.id) && <DeathForm key={`${p.death.id}-${generation}`} patientId={p.id} death={p.death} onCancel={close} onReload={reload} onSaved={saved('Death saved.')} />}
        {p.death && is('death', p.death.id, true) && withdraw('death', (reason) => withdrawDeath({ variables: { input: { id: p.death!.id, version: p.death!.version, reason } } }))}
      </section>
    </article>
  );
}
