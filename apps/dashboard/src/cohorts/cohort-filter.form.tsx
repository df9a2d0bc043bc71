import { type FormEvent, useState } from 'react';
import { labelOf } from '../charts/palette';
import type { CohortFilterInput, TreatmentGrouping } from '../gql/graphql';

// Every filter of CohortFilterInput as a plain, labelled form control; nothing is sent until
// "Show cohort", so typing an age does not fire a query per keystroke.

const CHOICES = {
  causes: ['OSTEOPOROTIC', 'TRAUMATIC', 'METASTASIS', 'MYELOMA', 'OTHER'],
  levelRegions: ['THORACIC', 'THORACOLUMBAR', 'LUMBAR'],
  genantGrades: ['0', '1', '2', '3'],
  ofClasses: ['OF1', 'OF2', 'OF3', 'OF4', 'OF5'],
  fractureAges: ['ACUTE', 'SUBACUTE', 'CHRONIC'],
  treatmentKinds: ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'],
  preFractureMobility: ['INDEPENDENT', 'WALKING_STICK', 'WALKER', 'WHEELCHAIR', 'BEDBOUND'],
  livingSituations: ['OWN_HOME_ALONE', 'OWN_HOME_WITH_OTHERS', 'ASSISTED_LIVING', 'NURSING_HOME'],
  anaesthesia: ['LOCAL', 'SEDATION', 'GENERAL'],
  approaches: ['UNIPEDICULAR', 'BIPEDICULAR'],
} as const;

type ListKey = keyof typeof CHOICES | 'siteIds';

const LEGENDS: Record<ListKey, string> = {
  causes: 'Cause',
  levelRegions: 'Level region',
  genantGrades: 'Genant grade',
  ofClasses: 'OF class',
  fractureAges: 'Fracture age',
  treatmentKinds: 'Treatment kind',
  siteIds: 'Site',
  preFractureMobility: 'Mobility before the fracture',
  livingSituations: 'Living situation',
  anaesthesia: 'Anaesthesia (procedures)',
  approaches: 'Approach (procedures)',
};

interface Props {
  value: CohortFilterInput;
  grouping: TreatmentGrouping;
  sites: { id: string; code: string; name: string }[];
  onApply: (filter: CohortFilterInput, grouping: TreatmentGrouping) => void;
}

/**
 * De-identified readers select treatment dates by whole quarters (the server refuses a day, which
 * would let a narrowing range find a patient's treatment date): newest first, back to 2010.
 */
function quarters(): { label: string; start: string; end: string }[] {
  const out: { label: string; start: string; end: string }[] = [];
  const now = new Date();
  for (let year = now.getFullYear(); year >= 2010; year--) {
    for (let q = 4; q >= 1; q--) {
      if (year === now.getFullYear() && (q - 1) * 3 > now.getMonth()) continue;
      const last = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
      out.push({ label: `${year} Q${q}`, start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${year}-${String(q * 3).padStart(2, '0')}-${last}` });
    }
  }
  return out;
}

const toInt = (s: string): number | undefined => (s.trim() === '' ? undefined : Number.parseInt(s, 10));
const toNumber = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
const toBool = (s: string): boolean | undefined => (s === '' ? undefined : s === 'true');

/** Drops empty values so the cohort sent (and saved) names only the filters in use. */
export function cleanFilter(f: CohortFilterInput): CohortFilterInput {
  return Object.fromEntries(
    Object.entries(f).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'number' && Number.isNaN(v)),
    ),
  );
}

export function CohortFilterForm({ value, grouping: initialGrouping, sites, onApply }: Props) {
  const [f, setF] = useState<CohortFilterInput>(value);
  const [grouping, setGrouping] = useState<TreatmentGrouping>(initialGrouping);
  const set = (patch: Partial<CohortFilterInput>) => setF((prev) => ({ ...prev, ...patch }));
  const [quarterChoices] = useState(quarters);

  const list = (key: ListKey) => {
    const options =
      key === 'siteIds'
        ? sites.map((s) => ({ value: s.id, label: s.code }))
        : CHOICES[key].map((v) => ({ value: v, label: key === 'genantGrades' ? `Grade ${v}` : key === 'ofClasses' ? v : labelOf(v) }));
    const current = (f[key] ?? []).map(String);
    const toggle = (v: string, on: boolean) => {
      const next = on ? [...current, v] : current.filter((x) => x !== v);
      set({ [key]: key === 'genantGrades' ? next.map(Number) : next });
    };
    return (
      <fieldset key={key} className="choices">
        <legend>{LEGENDS[key]}</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={key} value={o.value} checked={current.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  };

  const num = (
    key: 'ageMin' | 'ageMax' | 'baselineNrsMin' | 'baselineNrsMax' | 'cementVolumeMin' | 'cementVolumeMax' | 'frailtyMin' | 'frailtyMax',
    label: string,
    min: number,
    max: number,
    step = 1,
  ) => (
    <label className="field">
      {label}
      <input
        type="number"
        name={key}
        min={min}
        max={max}
        step={step}
        value={f[key] ?? ''}
        onChange={(e) => set({ [key]: step === 1 ? toInt(e.target.value) : toNumber(e.target.value) })}
      />
    </label>
  );
  const tri = (key: 'activeCancer' | 'ongoingCancerTherapy' | 'dementia' | 'priorVertebralFracture' | 'osteoporosisDrug', label: string) => (
    <label className="field">
      {label}
      <select name={key} value={f[key] === undefined || f[key] === null ? '' : String(f[key])} onChange={(e) => set({ [key]: toBool(e.target.value) })}>
        <option value="">Any</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    </label>
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(cleanFilter(f), grouping);
  }

  return (
    <form className="cohort-form" onSubmit={submit} aria-label="Cohort filters">
      <div className="row">
        {num('ageMin', 'Age from (years; 90 = 90+)', 0, 90)}
        {num('ageMax', 'Age to (years; empty = 90+)', 0, 89)}
        <label className="field">
          Sex
          <select name="sex" value={f.sex ?? ''} onChange={(e) => set({ sex: (e.target.value || undefined) as CohortFilterInput['sex'] })}>
            <option value="">Any</option>
            <option value="FEMALE">Female</option>
            <option value="MALE">Male</option>
          </select>
        </label>
        {num('baselineNrsMin', 'Baseline NRS from (0–10)', 0, 10)}
        {num('baselineNrsMax', 'Baseline NRS to (0–10)', 0, 10)}
        {tri('activeCancer', 'Active cancer')}
        {tri('ongoingCancerTherapy', 'Ongoing cancer therapy')}
        {num('frailtyMin', 'Clinical Frailty Scale from (1–9)', 1, 9)}
        {num('frailtyMax', 'Clinical Frailty Scale to (1–9)', 1, 9)}
        {tri('dementia', 'Dementia')}
        {tri('priorVertebralFracture', 'Prior vertebral fracture')}
        {tri('osteoporosisDrug', 'Anti-osteoporotic drug')}
        <label className="field">
          Treated from (quarter)
          <select name="treatedFrom" value={f.treatedFrom ?? ''} onChange={(e) => set({ treatedFrom: e.target.value || undefined })}>
            <option value="">Any</option>
            {quarterChoices.map((q) => (
              <option key={q.start} value={q.start}>
                {q.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Treated to (quarter)
          <select name="treatedTo" value={f.treatedTo ?? ''} onChange={(e) => set({ treatedTo: e.target.value || undefined })}>
            <option value="">Any</option>
            {quarterChoices.map((q) => (
              <option key={q.end} value={q.end}>
                {q.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        {sites.length > 0 && list('siteIds')}
        {list('treatmentKinds')}
        {list('causes')}
        {list('levelRegions')}
        {list('genantGrades')}
        {list('ofClasses')}
        {list('fractureAges')}
        {list('preFractureMobility')}
        {list('livingSituations')}
        {list('anaesthesia')}
        {list('approaches')}
        {num('cementVolumeMin', 'Cement volume from (ml, all levels)', 0, 60, 0.5)}
        {num('cementVolumeMax', 'Cement volume to (ml, all levels)', 0, 60, 0.5)}
      </div>
      <div className="row actions">
        <label className="field">
          Group patients by
          <select name="grouping" value={grouping} onChange={(e) => setGrouping(e.target.value as TreatmentGrouping)}>
            <option value="FIRST_TREATMENT">First treatment (intention to treat)</option>
            <option value="PER_PROTOCOL">First treatment, censored at crossover (per protocol)</option>
            <option value="ANAESTHESIA">Procedures by anaesthesia</option>
            <option value="APPROACH">Procedures by approach</option>
            <option value="CEMENT_VOLUME">Procedures by cement volume per level</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Show cohort
        </button>
        <button
          type="button"
          onClick={() => {
            setF({});
            onApply({}, grouping);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
