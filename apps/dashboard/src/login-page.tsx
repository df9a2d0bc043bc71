import { FormEvent, useState } from 'react';
import { ApiError, gql, session } from './api';
import { type Me, ME_FIELDS } from './me';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Why the last session ended (the server's sentence), when it ended without a page to keep.
  const [ended] = useState(() => session.takeEndedBecause());
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await gql<{ login: { token: string; user: Me } }>(
        'mutation($i: LoginInput!) { login(input: $i) { token user { ' + ME_FIELDS + ' } } }',
        { i: { email, password } },
        { anonymous: true },
      );
      session.set(r.login.token);
      onSignedIn(r.login.user);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Sign-in failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login" onSubmit={(e) => void submit(e)} aria-label="Sign in">
      <h1>Vertebral Fracture Outcomes Registry</h1>
      {ended && !error && (
        <p role="status" className="notice">
          {ended}
        </p>
      )}
      <label>
        Email
        <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
