import { useState } from 'react';
import { useQuery } from '../graphql/hooks';
import { Link } from 'react-router';
import { TreatmentKind } from '@vfr/domain';
import { choicesOf, humanize } from '../forms/choices';
import { Empty, LoadError, Loading, when } from '../forms/status';
import '../forms/forms.css';
import { ME, PATIENT_LIST } from './patients.documents';
import { Pager, useCursorPages } from '../forms/pager';

const PAGE = 25;

interface Filters {
  registryNumber: string;
  name: string;
  treatmentKind: string;
  treatedFrom: string;
  treatedTo: string;
  includeWithdrawn: boolean;
}

const NONE: Filters = { registryNumber: '', name: '', treatmentKind: '', treatedFrom: '', treatedTo: '', includeWithdrawn: false };

function filterInput(f: Filters) {
  const out: Record<string, unknown> = {};
  if (f.registryNumber.trim()) out.registryNumber = f.registryNumber.trim();
  if (f.name.trim()) out.name = f.name.trim();
  if (f.treatmentKind) out.treatmentKind = f.treatmentKind;
  if (f.treatedFrom) out.treatedFrom = f.treatedFrom;
  if (f.treatedTo) out.treatedTo = f.treatedTo;
  if (f.includeWithdrawn) out.includeWithdrawn = true;
  return Object.keys(out).length ? out : null;
}

/** Patients your role may see, a page at a time; coordinators and admins also search by name or MRN. */
export function PatientSearchPage() {
  const me = useQuery(ME);
  const [filters, setFilters] = useState<Filters>(NONE);
  const pages = useCursorPages();
  const list = useQuery(PATIENT_LIST, { variables: { first: PAGE, after: pages.after, filter: filterInput(filters) as never } });
  const role = me.data?.me.role;
  const writer = role === 'COORDINATOR' || role === 'ADMIN';
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    pages.restart();
  };
  const page = list.data?.patients ?? list.previousData?.patients;

  return (
    <section aria-labelledby="patients-title">
      <div className="panel-head">
        <h2 id="patients-title">Patients</h2>
        {writer && (
          <Link className="button primary" to="/patients/new">
            Register a patient
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label="Find patients" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-rn">Registry number</label>
          <input
            id="f-rn"
            aria-label="Search by registry number"
            placeholder="Registry number…"
            value={filters.registryNumber}
            onChange={(e) => set({ registryNumber: e.target.value })}
          />
        </div>
        {writer && (
          <div className="field">
            <label htmlFor="f-name">Name or MRN</label>
            <input id="f-name" placeholder="Family or given name, or MRN" value={filters.name} onChange={(e) => set({ name: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor="f-kind">Treatment</label>
          <select id="f-kind" value={filters.treatmentKind} onChange={(e) => set({ treatmentKind: e.target.value })}>
            <option value="">Any</option>
            {choicesOf(TreatmentKind).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {writer && (
          <>
            <div className="field">
              <label htmlFor="f-from">Treated from</label>
              <input id="f-from" type="date" value={filters.treatedFrom} onChange={(e) => set({ treatedFrom: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="f-to">Treated to</label>
              <input id="f-to" type="date" value={filters.treatedTo} onChange={(e) => set({ treatedTo: e.target.value })} />
            </div>
          </>
        )}
        <div className="field check">
          <input id="f-wd" type="checkbox" checked={filters.includeWithdrawn} onChange={(e) => set({ includeWithdrawn: e.target.checked })} />
          <label htmlFor="f-wd">Include withdrawn</label>
        </div>
        {filterInput(filters) && (
          <button type="button" onClick={() => set(NONE)}>
            Clear filters
          </button>
        )}
      </form>
      {list.error && <LoadError error={list.error} what="The patient list" onRetry={() => void list.refetch()} />}
      {!page && !list.error && <Loading what="patients" />}
      {page && page.edges.length === 0 && <Empty>No patients match these filters.</Empty>}
      {page && page.edges.length > 0 && (
        <>
          <p className="count" aria-live="polite">
            {page.totalCount.toLocaleString('en')} {page.totalCount === 1 ? 'patient' : 'patients'}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Registry number</th>
                  <th>Site</th>
                  <th>Sex</th>
                  <th>Born</th>
                  <th>Age at treatment</th>
                  <th>Fractures</th>
                  <th>Treatments</th>
                  <th>Latest visit</th>
                  {writer && <th>Name</th>}
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: p }) => (
                  <tr key={p.id} className={p.withdrawnAt ? 'withdrawn' : undefined}>
                    <td>
                      <Link to={`/patients/${p.id}`}>{p.registryNumber}</Link>
                    </td>
                    <td>{p.site.code}</td>
                    <td>{p.sex === 'FEMALE' ? 'F' : 'M'}</td>
                    <td>{p.birthYear ?? '–'}</td>
                    <td>{p.ageAtIndexTreatment ?? '–'}</td>
                    <td>
                      {p.fractures
                        .filter((f) => !f.withdrawnAt)
                        .map((f) => `${f.level} (G${f.genantGrade})`)
                        .join(', ') || '–'}
                    </td>
                    <td>
                      {p.treatments
                        .filter((t) => !t.withdrawnAt)
                        .map((t) => `${humanize(t.kind)} ${when(t.startDate, t.startDay)}`)
                        .join(' → ') || '–'}
                    </td>
                    <td>
                      {p.latestAssessment
                        ? `${p.latestAssessment.timePoint}: NRS ${p.latestAssessment.nrsActivity ?? '–'}, ODI ${p.latestAssessment.odi ?? '–'}`
                        : '–'}
                    </td>
                    {writer && <td>{p.identifiers ? `${p.identifiers.familyName}, ${p.identifiers.givenName}` : '–'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pages={pages} pageInfo={page.pageInfo} total={page.totalCount} pageSize={PAGE} />
        </>
      )}
    </section>
  );
}
