import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PatientProfileInput, PatientsLikeThisQuery } from '../gql/graphql';
import { useQuery } from '../graphql/hooks';
import { LoadError, Loading } from '../forms/status';
import { PATIENT_PROFILE, PATIENTS_LIKE_THIS } from './patients-like-this.documents';
import '../forms/forms.css';
import './patients-like-this.css';

type Answer = PatientsLikeThisQuery['patientsLikeThis'];
type Path = Answer['paths'][number];
type Share = Path['crossover'];

/** The form's values: text, as the inputs hold them ('' is not given). */
type Draft = Record<keyof PatientProfileInput, string>;

const EMPTY: Draft = {
  age: '',
  sex: '',
  fractureAgeDays: '',
  genantGrade: '',
  ofClass: '',
  cause: '',
  levelRegion: '',
  baselineNrs: '',
  baselineOdi: '',
  asaClass: '',
  activeCancer: '',
  ongoingCancerTherapy: '',
  preFractureMobility: '',
};

const NUMBERS = new Set(['age', 'fractureAgeDays', 'genantGrade', 'baselineNrs', 'baselineOdi', 'asaClass']);
const BOOLEANS = new Set(['activeCancer', 'ongoingCancerTherapy']);

const CHOICES: Partial<Record<keyof Draft, string[]>> = {
  sex: ['FEMALE', 'MALE'],
  ofClass: ['OF1', 'OF2', 'OF3', 'OF4', 'OF5'],
  cause: ['OSTEOPOROTIC', 'TRAUMATIC', 'METASTASIS', 'MYELOMA', 'OTHER'],
  levelRegion: ['THORACIC', 'THORACOLUMBAR', 'LUMBAR'],
  preFractureMobility: ['INDEPENDENT', 'WALKING_STICK', 'WALKER', 'WHEELCHAIR', 'BEDBOUND'],
  activeCancer: ['true', 'false'],
  ongoingCancerTherapy: ['true', 'false'],
};

const LABELS: Record<keyof Draft, string> = {
  age: 'Age (years)',
  sex: 'Sex',
  fractureAgeDays: 'Fracture age (days)',
  genantGrade: 'Genant grade (0-3)',
  ofClass: 'OF class',
  cause: 'Cause',
  levelRegion: 'Level region',
  baselineNrs: 'Baseline pain NRS (0-10)',
  baselineOdi: 'Baseline ODI (0-100)',
  asaClass: 'ASA class (1-5)',
  activeCancer: 'Active cancer',
  ongoingCancerTherapy: 'Ongoing chemo- or radiotherapy',
  preFractureMobility: 'Mobility before the fracture',
};

const PATH_NAMES: Record<string, string> = { CONSERVATIVE: 'Conservative care', VERTEBROPLASTY: 'Vertebroplasty', KYPHOPLASTY: 'Kyphoplasty' };
const TIME_POINTS: Record<string, string> = { W1: '1 week', M1: '1 month', M3: '3 months', M12: '12 months' };
const BAND_WORDS: Record<string, string> = {
  CONSERVATIVE: 'conservative care (5 points or less)',
  EITHER: 'conservative care or surgery (6 points)',
  SURGERY: 'surgery (7 points or more)',
};

const words = (v: string) => (v === 'true' ? 'yes' : v === 'false' ? 'no' : /^OF\d$/.test(v) ? v : v.replaceAll('_', ' ').toLowerCase());

function toProfile(d: Draft): PatientProfileInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === '') continue;
    out[k] = NUMBERS.has(k) ? Number(v) : BOOLEANS.has(k) ? v === 'true' : v;
  }
  return out as unknown as PatientProfileInput;
}

function fromProfile(p: Record<string, unknown>): Draft {
  const d = { ...EMPTY };
  for (const k of Object.keys(EMPTY) as (keyof Draft)[]) {
    const v = p[k];
    d[k] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return d;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function ShareCell({ s }: { s: Share }) {
  if (s.suppressed || s.n === null) return <td>withheld</td>;
  if (s.n === 0 || s.rate === null) return <td>none recorded</td>;
  return (
    <td>
      {pct(s.rate)} ({pct(s.lower!)}–{pct(s.upper!)})
      <span className="like-muted">
        {' '}
        · {s.events} of {s.n}
      </span>
    </td>
  );
}

/**
 * Patients like this one (docs/methods.md): the past patients nearest to a profile on each path
 * and how they fared, in aggregates only. A coordinator arrives from a patient's page with the
 * profile pre-filled from the record; anyone may type one in.
 */
export function PatientsLikeThisPage() {
  const [params] = useSearchParams();
  const patientId = params.get('patient');
  const record = useQuery(PATIENT_PROFILE, { variables: { id: patientId ?? '' }, skip: !patientId });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [asked, setAsked] = useState<PatientProfileInput | null>(null);
  // The record's profile fills the form once when it arrives (state derived during render, as
  // React recommends over an effect), and is searched for at once.
  const loaded = record.data?.patientProfile;
  const [filledFrom, setFilledFrom] = useState<unknown>(null);
  if (loaded && loaded !== filledFrom) {
    const d = fromProfile(loaded);
    setFilledFrom(loaded);
    setDraft(d);
    setAsked(toProfile(d));
  }
  const answer = useQuery(PATIENTS_LIKE_THIS, { variables: { profile: asked! }, skip: !asked });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(toProfile(draft));
  };
  const score = record.data?.patient.ofScore;

  return (
    <section aria-labelledby="like-title">
      <h2 id="like-title">Patients like this one</h2>
      <p className="notice">
        How past patients of the registry who matched this profile fared on each path. The figures inform the choice; they do not replace clinical judgement,
        and the patients were not allocated at random.
      </p>
      {patientId && record.loading && <Loading what="the patient's record" />}
      {patientId && record.error && <LoadError error={record.error} what="the patient's record" />}
      {record.data && (
        <p>
          Profile from <Link to={`/patients/${record.data.patient.id}`}>patient {record.data.patient.registryNumber}</Link>; change any value and search again.
        </p>
      )}
      <form className="panel like-form" onSubmit={submit} aria-label="Profile">
        {(Object.keys(EMPTY) as (keyof Draft)[]).map((k) => (
          <label key={k}>
            {LABELS[k]}
            {CHOICES[k] ? (
              <select value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} required={k === 'sex'}>
                <option value="">{k === 'sex' ? 'choose' : 'not known'}</option>
                {CHOICES[k].map((c) => (
                  <option key={c} value={c}>
                    {words(c)}
                  </option>
                ))}
              </select>
            ) : (
              <input type="number" value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} required={k === 'age'} />
            )}
          </label>
        ))}
        <button type="submit">Find patients like this one</button>
      </form>

      {score && (
        <section className="panel" aria-labelledby="like-of-score">
          <h3 id="like-of-score">OF-Score from the record</h3>
          <p>
            <strong>{score.total} points</strong>: the published recommendation (Blattert et al. 2018) is {BAND_WORDS[score.band] ?? score.band}
            {score.bandSettled ? '.' : `; with the components not recorded the total could be ${score.possibleMin} to ${score.possibleMax}.`} Beside it below,
            how this registry&apos;s matching patients fared on each path. Both inform the decision; neither replaces it.
          </p>
        </section>
      )}

      {answer.loading && <Loading what="the matching patients" />}
      {answer.error && <LoadError error={answer.error} what="the matching patients" />}
      {answer.data && <Outcomes answer={answer.data.patientsLikeThis} />}
    </section>
  );
}

function Outcomes({ answer }: { answer: Answer }) {
  const step = (n: number | null | undefined) => answer.steps.find((s) => s.step === n);
  const rows: [string, (p: Path) => Share][] = [
    ['Crossover to another treatment within a year', (p) => p.crossover],
    ['New vertebral fracture within a year', (p) => p.newFracture],
    ['Death within a year', (p) => p.death],
    ['Symptomatic complication within a year', (p) => p.symptomaticComplication],
    ['Same-day discharge', (p) => p.sameDayDischarge],
  ];
  return (
    <section className="panel" aria-labelledby="like-outcomes">
      <h3 id="like-outcomes">How they fared</h3>
      <p>
        The {answer.perPath} nearest past patients on each path (Gower&apos;s distance), matched as strictly as the registry allows. Counts are perturbed
        slightly and counts under {answer.threshold} withheld, for every reader; each count separately, so a part can show a little more than its whole.
      </p>
      <ul aria-label="How the match was made">
        {answer.paths.map((p) => (
          <li key={p.path}>
            <strong>{PATH_NAMES[p.path] ?? p.path}</strong>:{' '}
            {p.widestStep == null
              ? 'too few patients to show.'
              : `${p.allOfPath ? 'all its patients; ' : ''}widened to step ${p.widestStep} of ${answer.steps.length} (${step(p.widestStep)?.description}).`}
          </li>
        ))}
      </ul>
      <div className="like-table">
        <table>
          <caption className="visually-hidden">Outcomes of the matched patients per path</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {answer.paths.map((p) => (
                <th scope="col" key={p.path}>
                  {PATH_NAMES[p.path] ?? p.path}
                  <br />
                  <span className="like-muted">n = {p.n ?? 'withheld'}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answer.paths[0]?.pain.map((tp, i) => (
              <tr key={tp.timePoint}>
                <th scope="row">Pain NRS at {TIME_POINTS[tp.timePoint] ?? tp.timePoint}: mean (95% CI); NRS below 4</th>
                {answer.paths.map((p) => {
                  const x = p.pain[i];
                  return (
                    <td key={p.path}>
                      {x.mean == null ? 'withheld' : `${x.mean.toFixed(1)} (${x.lower!.toFixed(1)}–${x.upper!.toFixed(1)})`}
                      <span className="like-muted"> · {x.belowFour.rate == null ? 'share below 4 withheld' : `${pct(x.belowFour.rate)} below 4`}</span>
                      {x.n != null && <span className="like-muted"> · n {x.n}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.map(([label, get]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {answer.paths.map((p) => (
                  <ShareCell key={p.path} s={get(p)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
