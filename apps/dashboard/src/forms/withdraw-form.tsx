import { useId, useState } from 'react';
import { serverProblem, type ServerProblem } from './server-problem';

/**
 * Withdrawing keeps the record, marked and audited, with the reason: the reason is required
 * before anything is sent.
 */
export function WithdrawForm({ what, onWithdraw, onCancel }: { what: string; onWithdraw: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="record-form"
      aria-label={`Withdraw ${what}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError('Reason is required: say why the record is withdrawn (it is kept in the audit trail).');
          return;
        }
        setSaving(true);
        // The form shows the outcome: a refusal as the server's sentences, nothing is left unhandled.
        onWithdraw(reason.trim())
          .catch((err: unknown) => {
            const p = serverProblem(err, { reason: 'Reason' });
            setProblem(p);
            setError(p.fields.reason ?? null);
          })
          .finally(() => setSaving(false));
      }}
    >
      <h3>Withdraw {what}</h3>
      <p className="hint">The record stays in the registry, marked as withdrawn, and leaves the analyses.</p>
      {problem && (
        <div role="alert" className="error">
          {problem.sentence}
        </div>
      )}
      <div className={`field${error ? ' invalid' : ''}`}>
        <span className="label-line">
          <label htmlFor={id}>Reason</label>
          <span aria-hidden="true" className="req">
            {' '}
            *
          </span>
        </span>
        <input
          id={id}
          value={reason}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
      <div className="form-buttons">
        <button type="submit" className="danger" disabled={saving}>
          {saving ? 'Withdrawing…' : 'Withdraw'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
