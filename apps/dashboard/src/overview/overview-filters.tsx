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
      <div className="overview-filter">
        <label htmlFor="overview-site-beside-the-registry">Site beside the registry</label>
        <select
          id="overview-site-beside-the-registry"
          value={view.siteId || ownSiteId || ''}
          onChange={(e) => set('siteId', e.target.value === ownSiteId ? '' : e.target.value)}
        >
          {!ownSiteId && <option value="">None</option>}
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} – {s.name}
              {s.id === ownSiteId ? ' (yours)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-charts-show">Charts show</label>
        <select id="overview-charts-show" value={view.charts} onChange={(e) => set('charts', e.target.value as ChartScope)}>
          <option value="REGISTRY">The registry</option>
          <option value="SITE">The site</option>
          <option value="BOTH">The site beside the registry</option>
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-treated-from">Treated from</label>
        <select id="overview-treated-from" value={view.from} onChange={(e) => set('from', e.target.value)}>
          <option value="">The start</option>
          {periods.map((q) => (
            <option key={q.from} value={q.from}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-treated-up-to">Treated up to</label>
        <select id="overview-treated-up-to" value={view.to} onChange={(e) => set('to', e.target.value)}>
          <option value="">Today</option>
          {periods.map((q) => (
            <option key={q.to} value={q.to}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-age">Age</label>
        <select id="overview-age" value={view.age} onChange={(e) => set('age', e.target.value as AgeBand | '')}>
          <option value="">Any</option>
          {(Object.keys(AGE_BANDS) as AgeBand[]).map((b) => (
            <option key={b} value={b}>
              {AGE_BANDS[b].label}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-cause">Cause</label>
        <select id="overview-cause" value={view.cause} onChange={(e) => set('cause', e.target.value as OverviewView['cause'])}>
          <option value="">Any</option>
          {CAUSES.map((c) => (
            <option key={c} value={c}>
              {labelOf(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-active-cancer">Active cancer</label>
        <select id="overview-active-cancer" value={view.cancer} onChange={(e) => set('cancer', e.target.value as OverviewView['cancer'])}>
          <option value="">Either</option>
          <option value="YES">With</option>
          <option value="NO">Without</option>
        </select>
      </div>
      <div className="overview-filter">
        <label htmlFor="overview-fracture-age">Fracture age</label>
        <select id="overview-fracture-age" value={view.fractureAge} onChange={(e) => set('fractureAge', e.target.value as OverviewView['fractureAge'])}>
          <option value="">Any</option>
          {FRACTURE_AGES.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
