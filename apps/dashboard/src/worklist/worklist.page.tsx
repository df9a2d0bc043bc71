import { useState } from 'react';
import { useQuery } from '../graphql/hooks';
import { Link } from 'react-router';
import { SCHEDULED_TIME_POINTS } from '@vfr/domain';
import { humanize } from '../forms/choices';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { COMPLETENESS, WORKLIST } from './worklist.documents';
import { Pager, useCursorPages } from '../forms/pager';

const PAGE = 50;
const STATES = [
  { value: 'OVERDUE', label: 'Overdue' },
  { value: 'DUE', label: 'Due now' },
  { value: 'DUE_SOON', label: 'Due within 14 days' },
];
const SORTS = [
  { value: 'DUE_DATE', label: 'Target date' },
  { value: 'DAYS_OVERDUE', label: 'Days overdue' },
  { value: 'REGISTRY_NUMBER', label: 'Registry number' },
];

/** Follow-up visits due soon, due and overdue at your site, each with a link to record it. */
export function WorklistPage() {
  const [states, setStates] = useState<string[]>(['OVERDUE', 'DUE', 'DUE_SOON']);
  const [timePoint, setTimePoint] = useState('');
  const [registryNumber, setRegistryNumber] = useState('');
  const [sort, setSort] = useState('DUE_DATE');
  const pages = useCursorPages();
  const restart = pages.restart;
  const filter = {
    states: states.length ? states : null,
    timePoints: timePoint ? [timePoint] : null,
    registryNumber: registryNumber.trim() || null,
  };
  const list = useQuery(WORKLIST, {
    variables: { first: PAGE, after: pages.after, filter: filter as never, sort: sort as never },
    fetchPolicy: 'cache-and-network',
  });
  const completeness = useQuery(COMPLETENESS);
  const page = list.data?.worklist ?? list.previousData?.worklist;

  return (
    <section aria-labelledby="worklist-title">
      <h2 id="worklist-title">Follow-up worklist</h2>
      <form className="filters" aria-label="Filter the worklist" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Show</legend>
          {STATES.map((s) => (
            <span className="field check" key={s.value} style={{ display: 'inline-flex', paddingTop: 0, marginRight: '0.9rem' }}>
              <input
                id={`ws-${s.value}`}
                type="checkbox"
                checked={states.includes(s.value)}
                onChange={(e) => {
                  setStates((v) => (e.target.checked ? [...v, s.value] : v.filter((x) => x !== s.value)));
                  restart();
                }}
              />
              <label htmlFor={`ws-${s.value}`}>{s.label}</label>
            </span>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="w-tp">Time point</label>
          <select
            id="w-tp"
            value={timePoint}
            onChange={(e) => {
              setTimePoint(e.target.value);
              restart();
            }}
          >
            <option value="">All</option>
            {SCHEDULED_TIME_POINTS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="w-rn">Registry number</label>
          <input
            id="w-rn"
            value={registryNumber}
            onChange={(e) => {
              setRegistryNumber(e.target.value);
              restart();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="w-sort">Sort by</label>
          <select
            id="w-sort"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value);
              restart();
            }}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.error && <LoadError error={list.error} what="The worklist" onRetry={() => void list.refetch()} />}
      {!page && !list.error && <Loading what="the worklist" />}
      {page && page.edges.length === 0 && <Empty>Nothing to follow up with these filters: every expected visit is recorded or not yet due.</Empty>}
      {page && page.edges.length > 0 && (
        <>
          <p className="count" aria-live="polite">
            {page.totalCount} visits to follow up
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>State</th>
                  <th>Registry number</th>
                  <th>Time point</th>
                  <th>Target date</th>
                  <th>Window</th>
                  <th>Days overdue</th>
                  <th>Index treatment</th>
                  <th>
                    <span className="visually-hidden">Record</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: w }) => (
                  <tr key={`${w.treatmentId}-${w.timePoint}`}>
                    <td>
                      <span className={`badge ${w.state}`}>{STATES.find((s) => s.value === w.state)?.label ?? w.state}</span>
                    </td>
                    <td>
                      <Link to={`/patients/${w.patientId}`}>{w.registryNumber}</Link>
                    </td>
                    <td>{w.timePoint}</td>
                    <td>{w.targetDate}</td>
                    <td>
                      {w.windowStart} to {w.windowEnd}
                    </td>
                    <td>{w.daysOverdue > 0 ? w.daysOverdue : '–'}</td>
                    <td>
                      {humanize(w.treatmentKind)} {w.treatmentDate}
                    </td>
                    <td>
                      <Link
                        to={`/patients/${w.patientId}?record=visit&treatment=${w.treatmentId}&timePoint=${w.timePoint}`}
                        aria-label={`Record the ${w.timePoint} visit of ${w.registryNumber}`}
                      >
                        Record visit
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pages={pages} pageInfo={page.pageInfo} />
        </>
      )}
      <section className="panel" aria-labelledby="completeness-title">
        <h3 id="completeness-title">Follow-up completeness (visits whose window has closed)</h3>
        {completeness.error && <LoadError error={completeness.error} what="Completeness" />}
        {!completeness.data && !completeness.error && <Loading what="completeness" />}
        {completeness.data && completeness.data.followUpCompleteness.length === 0 && <Empty>No visit window has closed yet.</Empty>}
        {completeness.data && completeness.data.followUpCompleteness.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Site</th>
                  <th>Time point</th>
                  <th>Expected</th>
                  <th>Done</th>
                  <th>Missed</th>
                  <th>Outstanding</th>
                  <th>Completeness</th>
                </tr>
              </thead>
              <tbody>
                {completeness.data.followUpCompleteness.map((c) => (
                  <tr key={`${c.siteId}-${c.timePoint}`}>
                    <td>{c.siteCode}</td>
                    <td>{c.timePoint}</td>
                    <td>{c.expected ?? '—'}</td>
                    <td>{c.done ?? '—'}</td>
                    <td>{c.missed ?? '—'}</td>
                    <td>{c.outstanding ?? '—'}</td>
                    <td>{c.completeness === null ? '—' : `${(c.completeness * 100).toFixed(1)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
