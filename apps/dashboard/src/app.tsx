import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql, session } from './api';
import { LoginPage } from './login-page';
import { OverviewPage } from './overview-page';
import { PatientsPage } from './patients-page';

export interface Me {
  email: string;
  displayName: string;
  role: string;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token));

  useEffect(() => {
    if (!session.token) return;
    gql<{ me: Me }>('{ me { email displayName role } }')
      .then((r) => setMe(r.me))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
        session.set(null);
      })
      .finally(() => setChecking(false));
  }, []);

  const signOut = useCallback(() => {
    session.set(null);
    setMe(null);
  }, []);

  if (checking) return <p className="loading">Loading…</p>;
  if (!me) return <LoginPage onSignedIn={setMe} />;
  return (
    <div className="layout">
      <header>
        <h1>Vertebral Fracture Outcomes Registry</h1>
        <span className="who">
          {me.displayName} · {me.role.replace('_', ' ').toLowerCase()}
          <button type="button" onClick={signOut}>Sign out</button>
        </span>
      </header>
      <main>
        {me.role === 'DEPARTMENT_HEAD' ? (
          <OverviewPage />
        ) : (
          <PatientsPage />
        )}
      </main>
    </div>
  );
}
