import type { CohortFilterInput, FractureAgeCategory, FractureCause } from '../gql/graphql';

// What the overview shows, all of it in the URL so that a view can be shared or printed again:
// which site is set beside the registry, what the charts show, the period of the index
// treatment in whole quarters, and the subgroups a department head may choose. Every choice
// maps onto the cohort filter the API checks against the reader's granularity rules
// (docs/privacy.md): quarters, five-year age bands.

export type ChartScope = 'REGISTRY' | 'SITE' | 'BOTH';

export interface OverviewView {
  /** The site beside the registry (a site id; empty: the reader's own, or none). */
  siteId: string;
  charts: ChartScope;
  /** First day of a quarter, or empty. */
  from: string;
  /** Last day of a quarter, or empty. */
  to: string;
  age: AgeBand | '';
  cause: FractureCause | '';
  cancer: 'YES' | 'NO' | '';
  fractureAge: FractureAgeCategory | '';
}

export const AGE_BANDS = {
  UNDER_65: { label: 'Under 65', ageMax: 64 },
  '65_74': { label: '65 to 74', ageMin: 65, ageMax: 74 },
  '75_84': { label: '75 to 84', ageMin: 75, ageMax: 84 },
  '85_PLUS': { label: '85 or older', ageMin: 85 },
} as const satisfies Record<string, { label: string; ageMin?: number; ageMax?: number }>;
export type AgeBand = keyof typeof AGE_BANDS;

export const CAUSES: FractureCause[] = ['OSTEOPOROTIC', 'TRAUMATIC', 'METASTASIS', 'MYELOMA', 'OTHER'];
export const FRACTURE_AGES: { value: FractureAgeCategory; label: string }[] = [
  { value: 'ACUTE', label: 'Acute (under 6 weeks)' },
  { value: 'SUBACUTE', label: 'Subacute (6 to 12 weeks)' },
  { value: 'CHRONIC', label: 'Chronic (over 12 weeks)' },
];
const CHART_SCOPES: ChartScope[] = ['REGISTRY', 'SITE', 'BOTH'];

const DEFAULT: OverviewView = { siteId: '', charts: 'REGISTRY', from: '', to: '', age: '', cause: '', cancer: '', fractureAge: '' };
const KEYS = Object.keys(DEFAULT) as (keyof OverviewView)[];

const QUARTER_START = /^\d{4}-(01|04|07|10)-01$/;
const QUARTER_END = /^\d{4}-(03-31|06-30|09-30|12-31)$/;

/** Every value a link may hold; anything else is the default (a setting, not a filter to refuse). */
function allowed(key: keyof OverviewView, value: string): boolean {
  switch (key) {
    case 'siteId':
      return /^[0-9a-f-]{36}$/i.test(value);
    case 'charts':
      return (CHART_SCOPES as string[]).includes(value);
    case 'from':
      return QUARTER_START.test(value);
    case 'to':
      return QUARTER_END.test(value);
    case 'age':
      return value in AGE_BANDS;
    case 'cause':
      return (CAUSES as string[]).includes(value);
    case 'cancer':
      return value === 'YES' || value === 'NO';
    case 'fractureAge':
      return FRACTURE_AGES.some((f) => f.value === value);
  }
}

export function viewFromSearch(search: string): OverviewView {
  const p = new URLSearchParams(search);
  const view = { ...DEFAULT };
  for (const k of KEYS) {
    const v = p.get(k);
    if (v !== null && allowed(k, v)) (view as Record<string, string>)[k] = v;
  }
  return view;
}

export function viewToSearch(view: OverviewView): string {
  const p = new URLSearchParams();
  for (const k of KEYS) if (view[k] !== DEFAULT[k]) p.set(k, view[k]);
  return p.toString();
}

/** The period and subgroups as the API's cohort filter (no site). */
export function subgroupFilter(view: OverviewView): CohortFilterInput {
  const f: CohortFilterInput = {};
  if (view.from) f.treatedFrom = view.from;
  if (view.to) f.treatedTo = view.to;
  if (view.age) {
    const band: { ageMin?: number; ageMax?: number } = AGE_BANDS[view.age];
    if (band.ageMin !== undefined) f.ageMin = band.ageMin;
    if (band.ageMax !== undefined) f.ageMax = band.ageMax;
  }
  if (view.cause) f.causes = [view.cause];
  if (view.cancer) f.activeCancer = view.cancer === 'YES';
  if (view.fractureAge) f.fractureAges = [view.fractureAge];
  return f;
}

/** The same filter narrowed to one site. */
export function siteFilter(view: OverviewView, siteId: string): CohortFilterInput {
  return { ...subgroupFilter(view), siteIds: [siteId] };
}

/** The scopes the charts show: the site (the view's, else the reader's own), the registry, or both. */
export function chartScopes<T>(view: OverviewView, site: T | null, registry: T): T[] {
  return view.charts === 'REGISTRY' || !site ? [registry] : view.charts === 'SITE' ? [site] : [site, registry];
}

/** Quarters as "2024 Q1", with their first and last days, from `firstYear` to the quarter of `today`. */
export function quarters(firstYear: number, today: string): { label: string; from: string; to: string }[] {
  const [year, month] = today.split('-').map(Number);
  const out: { label: string; from: string; to: string }[] = [];
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  for (let y = firstYear; y <= year; y++)
    for (let q = 0; q < 4; q++) {
      if (y === year && q * 3 + 1 > month) break;
      out.push({ label: `${y} Q${q + 1}`, from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: `${y}-${ends[q]}` });
    }
  return out;
}

/** One line naming the period and subgroups, for the printed report and the headings. */
export function describeView(view: OverviewView): string {
  const quarter = (d: string) => `${d.slice(0, 4)} Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  const period =
    view.from && view.to
      ? `treated ${quarter(view.from)} to ${quarter(view.to)}`
      : view.from
        ? `treated from ${quarter(view.from)}`
        : view.to
          ? `treated up to ${quarter(view.to)}`
          : 'all periods';
  const parts = [period];
  if (view.age) parts.push(`aged ${AGE_BANDS[view.age].label.toLowerCase()}`);
  if (view.cause) parts.push(`${view.cause.toLowerCase()} fractures`);
  if (view.cancer) parts.push(view.cancer === 'YES' ? 'with active cancer' : 'without active cancer');
  if (view.fractureAge) parts.push(`${FRACTURE_AGES.find((f) => f.value === view.fractureAge)!.label.toLowerCase()} fractures`);
  return parts.join(', ');
}
