import { useMutation, useQuery } from '../graphql/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { serverProblem } from '../forms/server-problem';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { DATA_ISSUES, RESOLVE_DATA_ISSUE } from './data-issues.documents';
import { Pager, useCursorPages } from '../forms/pager';

const PAGE_SIZE = 50;

interface Issue {
  id: string;
  foundAt: unknown;
  foundBy: string;
  rule: string;
  tableName: string;
  patientId?: string | null;
  registryNumber?: string | null;
  detail: string;
  resolution?: string | null;
}

/**
 * What migrations and checks found breaking a rule they could not fix on their own (a visit
 * outside its window, a visit after a death, two deaths...): every rule is listed as it is
 * stored. Coordinators see their site's, admins every site's. Resolving one asks what was done.
 */
export function DataIssuesPage() {
  const [rule, setRule] = useState('');
  const [open, setOpen] = useState<'open' | 'resolved' | 'all'>('open');
  const pages = useCursorPages();
  const [notice, setNotice] = useState<string | null>(null);
  const restart = pages.restart;
  const q = useQuery(DATA_ISSUES, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { rule: rule.trim() || null, open: open === 'all' ? null : open === 'open' },
    },
    fetchPolicy: 'cache-and-network',
  });
  const data = (q.data ?? q.previousData)?.dataIssues;
  const resolved = async (msg: string) => {
    await q.refetch();
    setNotice(msg);
  };
  return (
    <section aria-labelledby="data-issues-title">
      <h2 id="data-issues-title">Data issues</h2>
      <p className="hint">Records found breaking a rule, for you to check and correct. Nothing here was changed automatically.</p>
      <form className="filters" aria-label="Filter the data issues" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="di-rule">Rule</label>
          <input
            id="di-rule"
            value={rule}
            placeholder="e.g. visit.outside_window, or death."
            onChange={(e) => {
              setRule(e.target.value);
              restart();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="di-open">Show</label>
          <select
            id="di-open"
            value={open}
            onChange={(e) => {
              setOpen(e.target.value as typeof open);
              restart();
            }}
          >
            <option value="open">Open issues</option>
            <option value="resolved">Resolved issues</option>
            <option value="all">All</option>
          </select>
        </div>
      </form>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {q.error && <LoadError error={q.error} what="The data issues" onRetry={() => void q.refetch()} />}
      {!data && !q.error && <Loading what="the data issues" />}
      {data && data.edges.length === 0 && <Empty>{open === 'open' ? 'No open data issue.' : 'No data issue matches these filters.'}</Empty>}
      {data && data.edges.length > 0 && (
        <>
          <p className="count">
            {data.totalCount} {data.totalCount === 1 ? 'issue' : 'issues'}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Found</th>
                  <th>Rule</th>
                  <th>Patient</th>
                  <th>Detail</th>
                  <th>Resolution</th>
                </tr>
              </thead>
              <tbody>
                {data.edges.map(({ node }) => (
                  <IssueRow key={node.id} issue={node} onResolved={resolved} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager pages={pages} pageInfo={data.pageInfo} />
        </>
      )}
    </section>
  );
}

function IssueRow({ issue, onResolved }: { issue: Issue; onResolved: (msg: string) => Promise<void> }) {
  const resolution = issue.resolution ?? null;
  const [resolve] = useMutation(RESOLVE_DATA_ISSUE);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rowId = `issue-${issue.id}`;
  const send = async () => {
    if (!note.trim()) {
      setError('Say what was done about it, or why nothing needs doing.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resolve({ variables: { input: { id: issue.id, resolution: note } } });
      setEditing(false);
      await onResolved(`Issue ${issue.id} resolved.`);
    } catch (e) {
      const p = serverProblem(e, { resolution: 'Resolution' });
      setError(Object.values(p.fields)[0] ?? p.sentence);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <td>
        {String(issue.foundAt).slice(0, 10)}
        <div className="hint">{issue.foundBy}</div>
      </td>
      <td>
        <code>{issue.rule}</code>
      </td>
      <td>{issue.patientId ? <Link to={`/patients/${issue.patientId}`}>{issue.registryNumber ?? issue.patientId.slice(0, 8)}</Link> : '–'}</td>
      <td>{issue.detail}</td>
      <td className="actions">
        {resolution !== null ? (
          resolution
        ) : editing ? (
          <>
            <label htmlFor={`${rowId}-note`}>How was it resolved?</label>
            <textarea
              id={`${rowId}-note`}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${rowId}-error` : undefined}
            />
            <button type="button" disabled={busy} onClick={() => void send()}>
              Save resolution
            </button>{' '}
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setEditing(true)} aria-label={`Resolve issue ${issue.id}`}>
            Resolve
          </button>
        )}
        {error && (
          <div id={`${rowId}-error`} className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
