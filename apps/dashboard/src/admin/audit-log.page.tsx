import { useState } from 'react';
import { useQuery } from '../graphql/hooks';
import { AuditAction } from '@vfr/domain';
import { choicesOf } from '../forms/choices';
import { Empty, LoadError, Loading } from '../forms/status';
import '../forms/forms.css';
import { AUDIT_LOG } from './admin.documents';
import { changes } from './audit-changes';

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
const ACTION_LABELS = { LOGIN: 'Sign-in', LOGIN_FAILED: 'Failed sign-in', LOCKOUT: 'Sign-in locked', LOGOUT: 'Sign-out', READ: 'Identifiers read' };

export function AuditLogPage() {
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  const [actorEmail, setActorEmail] = useState('');
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
    },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (q.data ?? q.previousData)?.auditLog;
  const page = rows?.slice(0, size);
  // One more row than shown tells whether there is an older page.
  const older = q.data && rows && rows.length > size ? page![page!.length - 1].id : null;

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
      </form>
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
                    <td>{e.action}</td>
                    <td>
                      {e.entityType} <span className="hint">{/^[0-9a-f-]{36}$/.test(e.entityId) ? e.entityId.slice(0, 8) : e.entityId}</span>
                    </td>
                    <td className="changes">{changes(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null)}</td>
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
