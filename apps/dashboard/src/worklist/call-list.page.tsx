import { useQuery } from '../graphql/hooks';
import { Link, useSearchParams } from 'react-router';
import { todayIso } from '@vfr/domain';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import './call-list.css';
import { filterQuery, filtersOf, gqlFilter } from './call-list';
import { CALL_LIST } from './worklist.documents';

/** The most the printout holds: the API's largest page. The CSV has the whole list. */
const PRINTED = 200;

/**
 * The worklist to telephone from: printable (the print stylesheet leaves out the navigation), one
 * row per visit with the patient's names. The registry keeps no telephone numbers: the MRN-based
 * hospital record has them.
 */
export function CallListPage() {
  const [params] = useSearchParams();
  const filters = filtersOf(params);
  const list = useQuery(CALL_LIST, {
    variables: { first: PRINTED, filter: gqlFilter(filters) as never, sort: filters.sort as never },
    fetchPolicy: 'network-only',
  });
  const page = list.data?.worklist;
  return (
    <section className="call-list" aria-labelledby="call-list-title">
      <h2 id="call-list-title">Call list: follow-up visits</h2>
      <p className="meta">
        Drawn up {todayIso()}
        {filters.timePoint ? `, time point ${filters.timePoint}` : ''}
        {filters.registryNumber ? `, registry numbers from ${filters.registryNumber}` : ''}.
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>{' '}
        <Link to={`/worklist?${filterQuery(filters)}`}>Back to the worklist</Link>
      </p>
      {list.error && <LoadError error={list.error} what="The call list" onRetry={() => void list.refetch()} />}
      {!page && !list.error && <Loading what="the call list" />}
      {page && page.edges.length === 0 && <Empty>No visit to follow up with these filters.</Empty>}
      {page && page.edges.length > 0 && (
        <>
          {page.totalCount > page.edges.length && (
            <p className="note">
              The first {page.edges.length} of {page.totalCount} visits: narrow the filters, or download the CSV for all of them.
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th>Registry number</th>
                <th>Name</th>
                <th>Visit</th>
                <th>Target date</th>
                <th>Window</th>
                <th>Days overdue</th>
                <th>Called / notes</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node: w }) => (
                <tr key={`${w.treatmentId}-${w.timePoint}`}>
                  <td>{w.registryNumber}</td>
                  <td>{w.identifiers ? `${w.identifiers.familyName ?? ''}, ${w.identifiers.givenName ?? ''}` : '–'}</td>
                  <td>{w.timePoint}</td>
                  <td>{w.targetDate}</td>
                  <td>
                    {w.windowStart} to {w.windowEnd}
                  </td>
                  <td>{w.daysOverdue > 0 ? w.daysOverdue : '–'}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
