import { useState } from 'react';
import { useMutation, useQuery } from '../graphql/hooks';
import { Role, userUpdateSchema, type UserFields } from '@vfr/domain';
import { choicesOf } from '../forms/choices';
import { checkBeforeSending } from '../forms/field-errors';
import { FormButtons, FormProblem, SelectField, TextField } from '../forms/fields';
import { newRequestId } from '../forms/request-id';
import { serverProblem } from '../forms/server-problem';
import { Empty, LoadError, Loading } from '../forms/status';
import { useRecordForm } from '../forms/use-record-form';
import '../forms/forms.css';
import { CREATE_USER, RESET_PASSWORD, UPDATE_USER, USERS } from './admin.documents';
import { emptyUser, hidePassword, ROLE_LABELS, SITE_BOUND, USER_LABELS, userInput, userSchema } from './user.form-model';

type Site = { id: string; code: string };

function NewUserForm({ sites, onSaved, onCancel }: { sites: Site[]; onSaved: () => void; onCancel: () => void }) {
  const [create] = useMutation(CREATE_USER);
  const [requestId] = useState(newRequestId);
  const form = useRecordForm<UserFields>({
    initial: emptyUser(),
    labels: USER_LABELS,
    schema: userSchema,
    toInput: userInput,
    place: hidePassword,
    send: async (input) => {
      await create({ variables: { input: { ...input, requestId } as never } });
      onSaved();
    },
  });
  return (
    <form className="record-form" noValidate aria-labelledby="new-user-title" onSubmit={form.onSubmit}>
      <h3 id="new-user-title">New user</h3>
      <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(USER_LABELS)} />
      <div className="grid">
        <TextField form={form} name="email" label="Email" type="email" required />
        <TextField form={form} name="displayName" label="Name" required />
        <SelectField form={form} name="role" label="Role" required choices={choicesOf(Role, ROLE_LABELS)} />
        <SelectField
          form={form}
          name="siteId"
          label="Site"
          blank="No site (registry-wide)"
          required={SITE_BOUND.includes(String(form.raw.role))}
          choices={sites.map((s) => ({ value: s.id, label: s.code }))}
        />
        <TextField
          form={form}
          name="password"
          label="Initial password"
          type="password"
          required
          hint="At least 10 characters; it opens one sign-in, at which the user must choose their own"
          autoComplete="new-password"
        />
      </div>
      <FormButtons form={form} label="Create user" onCancel={onCancel} />
    </form>
  );
}

interface UserRow {
  id: string;
  version: number;
  email: string;
  displayName: string;
  role: string;
  siteId: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

/** One row: role and site are edited in place and saved together; deactivation is asked for, then confirmed. */
function UserRowView({ user, sites, onChanged }: { user: UserRow; sites: Site[]; onChanged: (msg: string, temporary?: string) => void }) {
  const [update] = useMutation(UPDATE_USER);
  const [reset] = useMutation(RESET_PASSWORD);
  const [role, setRole] = useState(user.role);
  const [siteId, setSiteId] = useState(user.siteId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Deactivation ends the user's sessions at once: the row asks before doing it.
  const [confirming, setConfirming] = useState(false);
  const dirty = role !== user.role || siteId !== (user.siteId ?? '');
  const send = async (changes: Record<string, unknown>, done: string) => {
    const issues = checkBeforeSending(userUpdateSchema, changes, USER_LABELS);
    const siteMissing = SITE_BOUND.includes((changes.role as string | undefined) ?? user.role) && !(changes.siteId ?? user.siteId);
    if (Object.keys(issues).length || siteMissing) {
      setError(Object.values(issues)[0] ?? `A ${ROLE_LABELS[(changes.role as string | undefined) ?? user.role].toLowerCase()} needs a site.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await update({ variables: { input: { id: user.id, version: user.version, ...changes } } });
      onChanged(done);
    } catch (e) {
      const p = serverProblem(e, USER_LABELS);
      setError(Object.values(p.fields)[0] ?? p.sentence);
    } finally {
      setBusy(false);
    }
  };
  const resetPassword = async () => {
    if (!window.confirm(`Reset the password of ${user.email}? Their sessions end, and they sign in with a temporary password you give them.`)) return;
    setBusy(true);
    setError(null);
    try {
      const r = await reset({ variables: { input: { id: user.id } } });
      const temporary = r.data?.resetPassword.temporaryPassword;
      if (temporary) onChanged(`${user.email}: password reset, their sessions have ended.`, temporary);
    } catch (e) {
      setError(serverProblem(e, USER_LABELS).sentence);
    } finally {
      setBusy(false);
    }
  };
  const rowId = `user-${user.id}`;
  return (
    <tr className={user.active ? undefined : 'inactive'}>
      <td>
        {user.displayName}
        <div className="email">{user.email}</div>
      </td>
      <td>
        <select
          aria-label={`Role of ${user.email}`}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${rowId}-error` : undefined}
        >
          {choicesOf(Role, ROLE_LABELS).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Site of ${user.email}`} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="">No site</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.active ? 'active' : <span className="badge inactive">deactivated</span>}
        {user.active && user.mustChangePassword && <div className="hint">must choose a password</div>}
      </td>
      <td className="actions">
        <button type="button" disabled={!dirty || busy} onClick={() => void send({ role, siteId: siteId || null }, `${user.email}: role and site saved.`)}>
          Save
        </button>{' '}
        {user.active && (
          <>
            <button type="button" disabled={busy} onClick={() => void resetPassword()}>
              Reset password
            </button>{' '}
          </>
        )}
        {user.active && confirming ? (
          <div className="confirm" role="group" aria-label={`Confirm deactivating ${user.email}`}>
            <p>Deactivate {user.email}? They are signed out everywhere and cannot sign in until reactivated.</p>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                void send({ active: false }, `${user.email} deactivated: their sessions have ended.`);
              }}
            >
              Yes, deactivate
            </button>{' '}
            <button type="button" autoFocus disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : user.active ? (
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Deactivate
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void send({ active: true }, `${user.email} reactivated.`)}>
            Reactivate
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

export function UsersPage() {
  const q = useQuery(USERS, { fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A reset's temporary password: shown this once (the server keeps only its hash).
  const [temporary, setTemporary] = useState<string | null>(null);
  const changed = async (msg: string, password?: string) => {
    await q.refetch();
    setNotice(msg);
    setTemporary(password ?? null);
  };
  return (
    <section aria-labelledby="users-title">
      <div className="panel-head">
        <h2 id="users-title">Users</h2>
        <button
          type="button"
          className="primary"
          disabled={adding}
          onClick={() => {
            setAdding(true);
            setNotice(null);
            setTemporary(null);
          }}
        >
          New user
        </button>
      </div>
      {notice && (
        <div className="notice" role="status">
          {notice}
          {temporary && (
            <p>
              Temporary password: <code className="temporary-password">{temporary}</code>. It is shown only now: give it to the user in person or by phone. It
              opens one sign-in, at which they must choose their own password.
            </p>
          )}
        </div>
      )}
      {adding && q.data && (
        <NewUserForm
          sites={q.data.sites}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void changed('User created.');
          }}
        />
      )}
      {q.error && <LoadError error={q.error} what="The users" onRetry={() => void q.refetch()} />}
      {!q.data && !q.error && <Loading what="users" />}
      {q.data && q.data.users.length === 0 && <Empty>No users yet.</Empty>}
      {q.data && q.data.users.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>User</th>
                <th>Role</th>
                <th>Site</th>
                <th>Status</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...q.data.users]
                .sort((a, b) => a.email.localeCompare(b.email))
                .map((u) => (
                  <UserRowView key={`${u.id}-${u.version}`} user={u} sites={q.data.sites} onChanged={(m, p) => void changed(m, p)} />
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
