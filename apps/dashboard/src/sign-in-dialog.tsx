import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, gql, session, type ReauthRequest } from './api';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';

/** Why the server refuses the current token, when the caller did not say. */
async function askWhy(): Promise<string> {
  const fallback = 'Your session has ended; sign in again';
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token ?? ''}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    return body.errors?.[0]?.message ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Sign-in in place: a modal dialog over the page when the server ends the session, so that
 * nothing typed is lost. The same user goes on with the refused request sent again; someone
 * else signing in starts afresh at their start page (api.ts, session.resume).
 */
export function SignInDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [request, setRequest] = useState<ReauthRequest | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(
    () =>
      session.onReauthenticate((next) => {
        setRequest(next);
        if (!next) return;
        setEmail((typed) => typed || next.email || '');
        if (next.reason) setReason(next.reason);
        else void askWhy().then((why) => setReason((known) => known ?? why));
      }),
    [],
  );

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      dialog.showModal();
      // The email is filled in already: the password is what to type.
      passwordRef.current?.focus();
    }
    if (!request && dialog.open) {
      dialog.close();
      setReason(null);
      setPassword('');
      setError(null);
    }
  }, [request]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await gql<{ login: { token: string } }>(LOGIN, { i: { email, password } }, { anonymous: true });
      session.resume(r.login.token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Sign-in failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="sign-in-dialog"
      aria-labelledby="sign-in-again-title"
      aria-describedby="sign-in-again-reason"
      // Escape would leave the page under a session that no longer works: the choice is explicit.
      onCancel={(e) => e.preventDefault()}
    >
      {/* Its fields exist only while it asks: a closed dialog must not put a second Email field in the page. */}
      {request && (
        <form className="login" onSubmit={(e) => void submit(e)} aria-label="Sign in again">
          <h2 id="sign-in-again-title">Sign in to continue</h2>
          <p id="sign-in-again-reason" role="alert" className="reason">
            {reason ?? 'Your session has ended.'}
          </p>
          <p className="hint">What you typed on this page is kept: it is sent once you have signed in.</p>
          <label>
            Email
            <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label>
            Password
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required ref={passwordRef} />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="submit" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => session.abandon(reason)}>
              Sign out
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
