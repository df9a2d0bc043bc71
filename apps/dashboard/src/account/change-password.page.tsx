import { useState } from 'react';
import { passwordChangeSchema, passwordPatternProblem } from '@vfr/domain';
import { gql, session } from '../api';
import type { Me } from '../me';
import { FormButtons, FormProblem, TextField } from '../forms/fields';
import { useRecordForm } from '../forms/use-record-form';
import '../forms/forms.css';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password', repeat: 'New password again' };
const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * Every role changes its own password here. The password rule's patterns (libs/domain) are
 * checked in the browser, with the user's own email and name; the server adds its check against
 * lists of common passwords and answers beside the same field. Every other session of the user
 * ends; this one goes on with the token the answer carries.
 */
export function ChangePasswordPage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  // A password an administrator set (a new account, a reset) opens this page and nothing else.
  const [forced] = useState(me.mustChangePassword);
  const [done, setDone] = useState(false);
  const form = useRecordForm<typeof EMPTY>({
    initial: EMPTY,
    labels: LABELS,
    schema: passwordChangeSchema,
    toInput: (raw) => ({ currentPassword: String(raw.currentPassword), newPassword: String(raw.newPassword), repeat: String(raw.repeat) }),
    place: (errors, raw) => {
      const own = errors.newPassword ? null : passwordPatternProblem('New password', String(raw.newPassword), me);
      return {
        ...errors,
        ...(own ? { newPassword: own } : {}),
        ...(raw.repeat !== raw.newPassword ? { repeat: 'Type the new password again, exactly' } : {}),
      };
    },
    send: async ({ currentPassword, newPassword }) => {
      const r = await gql<{ changePassword: { token: string } }>('mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token } }', {
        i: { currentPassword, newPassword },
      });
      session.set(r.changePassword.token);
      form.reset(EMPTY);
      setDone(true);
      onChanged?.();
    },
  });
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{forced && !done ? 'Choose your own password' : 'Change your password'}</h2>
      {forced && !done && (
        <p className="notice" role="status">
          Your password was set by an administrator and works for this one sign-in only. Type it as your current password, then choose your own to open the
          registry.
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          Your password is changed. Your other sessions have ended; this one goes on.
        </p>
      )}
      <form
        className="record-form"
        noValidate
        aria-labelledby="password-title"
        onSubmit={(e) => {
          setDone(false);
          void form.submit(e);
        }}
      >
        <FormProblem problem={form.problem} errors={form.errors} shown={Object.keys(LABELS)} />
        <div className="grid">
          <TextField form={form} name="currentPassword" label={LABELS.currentPassword} type="password" autoComplete="current-password" required />
          <TextField
            form={form}
            name="newPassword"
            label={LABELS.newPassword}
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters; a few unrelated words work well"
          />
          <TextField form={form} name="repeat" label={LABELS.repeat} type="password" autoComplete="new-password" required />
        </div>
        <FormButtons form={form} label="Change password" />
      </form>
    </section>
  );
}
