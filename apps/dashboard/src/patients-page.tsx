import { useEffect, useState } from 'react';
import { ApiError, gql } from './api';

interface PatientRow {
  id: string;
  registryNumber: string;
  sex: string;
  birthYear: number | null;
  ageAtIndexTreatment: string | null;
  site: { code: string };
  fractures: { level: string; genantGrade: number }[];
  treatments: { kind: string; startDate: string | null; startDay: number | null }[];
  latestAssessment: { timePoint: string; nrsActivity: number | null; odi: number | null } | null;
}

interface Page {
  patients: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: PatientRow }[] };
}

const QUERY = `query($first: Int, $after: String, $filter: PatientFilterInput) {
  patients(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id registryNumber sex birthYear ageAtIndexTreatment site { code } fractures { level genantGrade }
      treatments { kind startDate startDay } latestAssessment { timePoint nrsActivity odi } } }
  }
}`;

const label = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase();

export function PatientsPage() {
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page['patients'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const after = cursors[cursors.length - 1];
  useEffect(() => {
    let live = true;
    setError(null);
    gql<Page>(QUERY, { first: 25, after, filter: search ? { registryNumber: search } : null })
      .then((r) => live && setPage(r.patients))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : 'Could not load patients.'));
    return () => {
      live = false;
    };
  }, [after, search]);

  return (
    <section aria-labelledby="patients-title">
      <div className="toolbar">
        <h2 id="patients-title">Patients</h2>
        <input
          aria-label="Search by registry number"
          placeholder="Registry number…"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value.trim());
            setCursors([null]);
          }}
        />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {!page && !error && <p className="loading">Loading patients…</p>}
      {page && page.edges.length === 0 && <p className="empty">No patients match.</p>}
      {page && page.edges.length > 0 && (
        <>
          <p className="count">{page.totalCount} patients</p>
          <table>
            <thead>
              <tr>
                <th>Registry number</th><th>Site</th><th>Sex</th><th>Born</th><th>Age at treatment</th><th>Fractures</th><th>Treatments</th><th>Latest visit</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node: p }) => (
                <tr key={p.id}>
                  <td>{p.registryNumber}</td>
                  <td>{p.site.code}</td>
                  <td>{p.sex === 'FEMALE' ? 'F' : 'M'}</td>
                  <td>{p.birthYear ?? '–'}</td>
                  <td>{p.ageAtIndexTreatment ?? '–'}</td>
                  <td>{p.fractures.map((f) => `${f.level} (G${f.genantGrade})`).join(', ')}</td>
                  <td>{p.treatments.map((t) => `${label(t.kind)} ${t.startDate ?? `day ${t.startDay}`}`).join(' → ')}</td>
                  <td>{p.latestAssessment ? `${p.latestAssessment.timePoint}: NRS ${p.latestAssessment.nrsActivity ?? '–'}, ODI ${p.latestAssessment.odi ?? '–'}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</button>
            <button type="button" disabled={!page.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor])}>Next</button>
          </div>
        </>
      )}
    </section>
  );
}
