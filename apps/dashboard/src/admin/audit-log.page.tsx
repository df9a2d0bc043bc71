import { useMemo, useState } from 'react';
import { useQuery } from '../graphql/hooks';
import { AuditAction } from '@vfr/domain';
import { choicesOf } from '../forms/choices';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { AUDIT_LOG } from './admin.documents';
import { downloadWithToken } from '../cohorts/cohort-export';
import { changes, named } from './audit-changes';

const PAGE_SIZES = [10, 50, 200];
// Session: sign-in, its failures and lockouts, sign-out. PatientIdentifier: reads that returned identifiers.
const ENTITY_TYPES = [
  'Session',
  'Patient',
  'PatientIdentifier',
  'Fracture',
  'Treatment',
  'Assessment',
  'Complication',
  'User',
  'Site',
  'SavedCohort',
  'Import',
  'Export',
  'Registry',
  'DataIssue',
];
const ACTION_LABELS: Record<string, string> = {
  CREATE: 'Created',
  UPDATE: 'Changed',
  WITHDRAW: 'Withdrawn',
  IMPORT: 'Import',
  EXPORT: 'Export',
  LOGIN: 'Sign-in',
  LOGIN_FAILED: 'Failed sign-in',
  LOCKOUT: 'Sign-in locked',
  LOGOUT: 'Sign-out',
  PASSWORD_CHANGE: 'Password changed',
  PASSWORD_RESET: 'Password reset',
  READ: 'Identifiers read',
};

/** The log's filters as the CSV export's query string (the same criteria as the page, all pages). */
function exportUrl(filter: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  return `/api/audit-log.csv${query ? `?${query}` : ''}`;
}

export function AuditLogPage() {
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  const [actorEmail, setActorEmail] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [download, setDownload] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  const [size, setSize] = useState(50);
  const [befores, setBefores] = useState<(string | null)[]>([null]);
  const restart = () => setBefores([null]);
  const q = useQuery(AUDIT_LOG, {
    variables: {
      first: size + 1,
      before: befores[befores.length - 1],
      entityType: entityType || null,
      action: (action || null) as never,
      actorEmail: actorEmail.trim() || null,
      from: from || null,
      to: to || null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (q.data ?? q.previousData)?.auditLog;
  const page = rows?.slice(0, size);
  // One more row than shown tells whether there is an older page.
  const older = q.data && rows && rows.length > size ? page![page!.length - 1].id : null;
  const names = useMemo(() => new Map((rows ?? []).flatMap((e) => e.names.map((n) => [n.id.toLowerCase(), n.name] as const))), [rows]);
  const rangeWrong = from && to && from > to ? 'The last day is before the first.' : null;
  const saveCsv = () => {
    setDownload({ busy: true, problem: null });
    const stamp = [from, to].filter(Boolean).join('-to-');
    downloadWithToken(exportUrl({ entityType, action, actorEmail: actorEmail.trim(), from, to }), `audit-log${stamp ? `-${stamp}` : ''}.csv`).then(
      () => setDownload({ busy: false, problem: null }),
      (e: unknown) => setDownload({ busy: false, problem: e instanceof Error ? e.message : 'The download failed.' }),
    );
  };

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="a-entity">Record type</label>
          <select
            id="a-entity"
            value={entityType}
            onChange={(e) => {
              setEntityType(e.target.value);
              restart();
            }}
          >
            <option value="">All</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-action">Action</label>
          <select
            id="a-action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              restart();
            }}
          >
            <option value="">All</option>
            {choicesOf(AuditAction, ACTION_LABELS).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-actor">User email begins with</label>
          <input
            id="a-actor"
            value={actorEmail}
            onChange={(e) => {
              setActorEmail(e.target.value);
              restart();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="a-from">From (UTC day)</label>
          <input
            id="a-from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => {
              setFrom(e.target.value);
              restart();
            }}
          />
        </div>
        <div className={`field${rangeWrong ? ' invalid' : ''}`}>
          <label htmlFor="a-to">To (UTC day, included)</label>
          <input
            id="a-to"
            type="date"
            value={to}
            min={from || undefined}
            aria-invalid={rangeWrong ? true : undefined}
            aria-describedby={rangeWrong ? 'a-to-error' : undefined}
            onChange={(e) => {
              setTo(e.target.value);
              restart();
            }}
          />
          {rangeWrong && (
            <span id="a-to-error" className="field-error">
              {rangeWrong}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="a-size">Events per page</label>
          <select
            id="a-size"
            value={size}
            onChange={(e) => {
              setSize(Number(e.target.value));
              restart();
            }}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={download.busy || !!rangeWrong} onClick={saveCsv}>
          {download.busy ? 'Preparing the CSV…' : 'Download CSV (all pages)'}
        </button>
      </form>
      {download.problem && (
        <div role="alert" className="error">
          {download.problem}
        </div>
      )}
      {q.error && <LoadError error={q.error} what="The audit log" onRetry={() => void q.refetch()} />}
      {!page && !q.error && <Loading what="the audit log" />}
      {page && page.length === 0 && <Empty>No audit event matches these filters.</Empty>}
      {page && page.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>When (UTC)</th>
                  <th>User</th>
                  <th>Action</th>
                  <th>Record</th>
                  <th>Changes</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {page.map((e) => (
                  <tr key={e.id}>
                    <td>{String(e.occurredAt).replace('T', ' ').slice(0, 19)}</td>
                    <td>{e.actorEmail ?? 'system'}</td>
                    <td className="nowrap">{ACTION_LABELS[e.action] ?? e.action}</td>
                    <td className="record">
                      {e.entityType}{' '}
                      <span className="record-name" title={e.entityId}>
                        {/* An import is known by its file's SHA-256: its beginning tells files apart. */}
                        {e.entityType === 'Import' ? `file ${e.entityId.slice(0, 12)}…` : named(e.entityId, names)}
                      </span>
                    </td>
                    <td className="changes">{changes(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null, names)}</td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" disabled={befores.length === 1} onClick={() => setBefores((b) => b.slice(0, -1))}>
              Newer
            </button>
            <button type="button" disabled={!older} onClick={() => older && setBefores((b) => [...b, older])}>
              Older
            </button>
            <span className="page-of">Page {befores.length}</span>
          </div>
        </>
      )}
    </section>
  );
}
