import { labelOf } from '../charts/palette';
import { AGE_BANDS, CAUSES, FRACTURE_AGES, quarters, type AgeBand, type ChartScope, type OverviewView } from './overview-view';

interface Props {
  view: OverviewView;
  onChange: (view: OverviewView) => void;
  sites: { id: string; code: string; name: string }[];
  ownSiteId: string | null;
  today: string;
}

const FIRST_YEAR_SHOWN = 10;

/** The overview's choices: a site beside the registry, what the charts show, period and subgroups. Each applies at once. */
export function OverviewFilters({ view, onChange, sites, ownSiteId, today }: Props) {
  const set = <K extends keyof OverviewView>(key: K, value: OverviewView[K]) => onChange({ ...view, [key]: value });
  const periods = quarters(Number(today.slice(0, 4)) - FIRST_YEAR_SHOWN, today);
  return (
    <form className="overview-filters no-print" aria-label="What the overview shows" onSubmit={(e) => e.preventDefault()}>
      <label>
        Site beside the registry
        <select value={view.siteId || ownSiteId || ''} onChange={(e) => set('siteId', e.target.value === ownSiteId ? '' : e.target.value)}>
          {!ownSiteId && <option value="">None</option>}
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} – {s.name}
              {s.id === ownSiteId ? ' (yours)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Charts show
        <select value={view.charts} onChange={(e) => set('charts', e.target.value as ChartScope)}>
          <option value="REGISTRY">The registry</option>
          <option value="SITE">The site</option>
          <option value="BOTH">The site beside the registry</option>
        </select>
      </label>
      <label>
        Treated from
        <select value={view.from} onChange={(e) => set('from', e.target.value)}>
          <option value="">The start</option>
          {periods.map((q) => (
            <option key={q.from} value={q.from}>
              {q.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        to
        <select value={view.to} onChange={(e) => set('to', e.target.value)}>
          <option value="">Today</option>
          {periods.map((q) => (
            <option key={q.to} value={q.to}>
              {q.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Age
        <select value={view.age} onChange={(e) => set('age', e.target.value as AgeBand | '')}>
          <option value="">Any</option>
          {(Object.keys(AGE_BANDS) as AgeBand[]).map((b) => (
            <option key={b} value={b}>
              {AGE_BANDS[b].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Cause
        <select value={view.cause} onChange={(e) => set('cause', e.target.value as OverviewView['cause'])}>
          <option value="">Any</option>
          {CAUSES.map((c) => (
            <option key={c} value={c}>
              {labelOf(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Active cancer
        <select value={view.cancer} onChange={(e) => set('cancer', e.target.value as OverviewView['cancer'])}>
          <option value="">Either</option>
          <option value="YES">With</option>
          <option value="NO">Without</option>
        </select>
      </label>
      <label>
        Fracture age
        <select value={view.fractureAge} onChange={(e) => set('fractureAge', e.target.value as OverviewView['fractureAge'])}>
          <option value="">Any</option>
          {FRACTURE_AGES.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
