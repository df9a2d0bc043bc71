// The worklist's filters as they travel: in the call list's address (so that it prints what the
// list showed) and in the CSV export's query (GET /api/export/worklist.csv takes the same names).

export interface WorklistFilters {
  states: string[];
  timePoint: string;
  registryNumber: string;
  sort: string;
}

export function filterQuery(f: WorklistFilters): string {
  const q = new URLSearchParams();
  if (f.states.length) q.set('states', f.states.join(','));
  if (f.timePoint) q.set('timePoint', f.timePoint);
  if (f.registryNumber.trim()) q.set('registryNumber', f.registryNumber.trim());
  q.set('sort', f.sort);
  return q.toString();
}

export function filtersOf(q: URLSearchParams): WorklistFilters {
  return {
    states: (q.get('states') ?? 'OVERDUE,DUE,DUE_SOON').split(',').filter(Boolean),
    timePoint: q.get('timePoint') ?? '',
    registryNumber: q.get('registryNumber') ?? '',
    sort: q.get('sort') ?? 'DUE_DATE',
  };
}

/** The GraphQL filter of the same list. */
export function gqlFilter(f: WorklistFilters) {
  return {
    states: f.states.length ? f.states : null,
    timePoints: f.timePoint ? [f.timePoint] : null,
    registryNumber: f.registryNumber.trim() || null,
  };
}
