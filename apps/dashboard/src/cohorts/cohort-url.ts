import type { CohortFilterInput, OutcomeMeasure, PropensityTrimming, ResponderDefinition, TimePoint, TreatmentGrouping } from '../gql/graphql';

/** What the explorer shows: the filter form's cohort and the comparison's settings, all a link has to carry. */
export interface CohortView {
  filter: CohortFilterInput;
  grouping: TreatmentGrouping;
  measure: OutcomeMeasure;
  timePoint: TimePoint;
  definition: ResponderDefinition;
  trimming: PropensityTrimming;
  compared: 'SCORE' | 'NEW_FRACTURE';
}

// Each setting with its default first and the values a link may hold; anything else falls back to
// the default (a setting is the reader's choice, not a filter the server must refuse).
const SETTINGS: { [K in Exclude<keyof CohortView, 'filter'>]: readonly CohortView[K][] } = {
  grouping: ['FIRST_TREATMENT', 'PER_PROTOCOL', 'ANAESTHESIA', 'APPROACH', 'CEMENT_VOLUME'],
  measure: ['NRS', 'ODI', 'RMDQ', 'EQ5D'],
  timePoint: ['M1', 'D1', 'W1', 'M3', 'M6', 'M12', 'M24'],
  definition: ['NRS_DROP_2', 'NRS_DROP_30_PERCENT', 'NRS_BELOW_4', 'ODI_DROP_10'],
  trimming: ['NONE', 'CRUMP'],
  compared: ['SCORE', 'NEW_FRACTURE'],
};
type Setting = keyof typeof SETTINGS;
const KEYS = Object.keys(SETTINGS) as Setting[];

/**
 * The view as search parameters: the filter as the JSON the API takes (`cohort`, the export's
 * parameter too) and each setting that differs from its default. The filter is passed on as it
 * is: the server holds a pasted link to the reader's granularity rules like any other request.
 */
export function viewToSearch(v: CohortView): string {
  const p = new URLSearchParams();
  if (Object.keys(v.filter).length) p.set('cohort', JSON.stringify(v.filter));
  for (const k of KEYS) if (v[k] !== SETTINGS[k][0]) p.set(k, v[k]);
  return p.toString();
}

export function viewFromSearch(search: string): CohortView {
  const p = new URLSearchParams(search);
  let filter: CohortFilterInput = {};
  try {
    const parsed: unknown = JSON.parse(p.get('cohort') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) filter = parsed;
  } catch {
    // Not JSON (a link cut short): the whole registry, as without a cohort.
  }
  const view = { filter } as CohortView;
  for (const k of KEYS) {
    const value = p.get(k);
    (view as unknown as Record<string, string>)[k] = value !== null && (SETTINGS[k] as readonly string[]).includes(value) ? value : SETTINGS[k][0];
  }
  return view;
}
