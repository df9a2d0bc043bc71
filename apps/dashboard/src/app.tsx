import { createContext, lazy, type MouseEvent, Suspense, useCallback, useContext, useEffect, useState } from 'react';
import { createBrowserRouter, matchPath, Navigate, NavLink, Route, RouterProvider, Routes } from 'react-router';
import { adminRoutes } from './admin.routes';
import { analyticsRoutes } from './analytics.routes';
import { ApiError, claimsOf, gql, session } from './api';
import type { AppRoute, RoleName } from './app-route';
import { coordinatorRoutes } from './coordinator.routes';
import { clearDrafts } from './forms/draft-storage';
import { LeaveGuard } from './forms/use-leave-warning';
import { GraphQLProvider } from './graphql/client';
import { LoginPage } from './login-page';
import { SignInDialog } from './sign-in-dialog';
import { methodsHref } from './methods/methods-anchors';
import { type Me, ME_FIELDS, MeContext } from './me';

// Joined, not a template literal: codegen reads template literals as documents of their own.
const ME = '{ me { ' + ME_FIELDS + ' } }';

const ROUTES: AppRoute[] = [...analyticsRoutes, ...coordinatorRoutes, ...adminRoutes];

const ChangePasswordPage = lazy(() => import('./account/change-password.page').then((m) => ({ default: m.ChangePasswordPage })));

// Where each role lands after signing in: its main job.
const HOME: Record<RoleName, string> = {
  DEPARTMENT_HEAD: '/overview',
  RESEARCHER: '/cohorts',
  COORDINATOR: '/patients',
  ADMIN: '/overview',
};

const ROLE_NAMES: Record<string, string> = {
  ADMIN: 'administrator',
  COORDINATOR: 'site coordinator',
  RESEARCHER: 'researcher',
  DEPARTMENT_HEAD: 'department head',
};

/**
 * The screen this address will show the token's role, whose chunk can travel beside the session
 * check instead of after it. The token's role only steers this guess; the server decides.
 */
function landingRoute(token: string, pathname: string): AppRoute | undefined {
  const role = claimsOf(token).role as RoleName | undefined;
  if (!role || !(role in HOME)) return undefined;
  const path = pathname === '/' ? HOME[role] : pathname;
  return ROUTES.find((r) => r.roles.includes(role) && matchPath(r.path, path));
}

/**
 * Starts the landing screen's first data and its chunk as soon as the app's code has run, before
 * its first render and its session check, rather than from that render's effect: the main thread
 * is busiest at start-up, and a request asked for after the render waits for it.
 */
export function startLanding(): void {
  if (!session.token) return;
  // A failed fetch here is the screen's own to report when it renders (React.lazy).
  landingRoute(session.token, window.location.pathname)
    ?.load?.()
    .catch(() => undefined);
}

function homeFor(role: RoleName, allowed: AppRoute[]): string {
  const preferred = HOME[role];
  return allowed.some((r) => r.path === preferred) ? preferred : (allowed.find((r) => r.label)?.path ?? '/');
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token));
  // One router for the page's life, made on the first render (not on import) and kept across
  // signing out and in again.
  const [router] = useState(createAppRouter);

  useEffect(() => {
    if (!session.token) return;
    // No page to keep yet: a refused token goes to the sign-in page, with the server's reason.
    gql<{ me: Me }>(ME, {}, { resume: false })
      .then((r) => setMe(r.me))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
        if (e.code === 'UNAUTHENTICATED') session.endWith(e.message);
        else session.set(null);
      })
      .finally(() => setChecking(false));
  }, []);

  // Signing out (here or in the sign-in dialog) returns to the sign-in page; an expired session
  // opens the dialog over the page instead (api.ts).
  useEffect(
    () =>
      session.subscribe((token) => {
        if (!token) setMe(null);
      }),
    [],
  );

  // While signed in, the user's input keeps the session alive.
  useEffect(() => (me ? session.watchActivity() : undefined), [me]);

  // After the forced change of a password set by an administrator, the whole app opens.
  const passwordChanged = useCallback(() => {
    gql<{ me: Me }>(ME)
      .then((r) => setMe(r.me))
      .catch(() => undefined);
  }, []);

  // The server ends every session of the user first (a copied token stops working too); the
  // token is forgotten here even when the server cannot be reached.
  const signOut = useCallback(async () => {
    await gql('mutation { logout }', {}, { resume: false }).catch(() => undefined);
    // Signing out on purpose leaves no patient's typed values behind in this tab.
    clearDrafts();
    session.set(null);
  }, []);

  if (checking)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (!me) return <LoginPage onSignedIn={setMe} />;
  const role = me.role as RoleName;
  // Until a password set by an administrator is changed, nothing else is open (the server refuses it too).
  const allowed = me.mustChangePassword ? [] : ROUTES.filter((r) => r.roles.includes(role));
  const home = homeFor(role, allowed);
  return (
    <GraphQLProvider>
      <MeContext value={me}>
        <ShellContext value={{ me, allowed, home, signOut, passwordChanged }}>
          <RouterProvider router={router} />
        </ShellContext>
      </MeContext>
    </GraphQLProvider>
  );
}

interface ShellProps {
  me: Me;
  allowed: AppRoute[];
  home: string;
  signOut: () => Promise<void>;
  passwordChanged: () => void;
}

// The router's one route is made once; the signed-in user reaches it through this context.
const ShellContext = createContext<ShellProps | null>(null);

function RoutedShell() {
  const props = useContext(ShellContext);
  return props && <Shell {...props} />;
}

/**
 * A data router (its useBlocker lets a form with unsaved changes ask before any navigation, the
 * Back button's too: forms/use-leave-warning.ts) with one route for every address; the pages are
 * the shell's own <Routes> below it.
 */
function createAppRouter() {
  return createBrowserRouter([{ path: '*', element: <RoutedShell /> }]);
}

function Shell({ me, allowed, home, signOut, passwordChanged }: ShellProps) {
  return (
    <div className="layout">
      {/* The first stop of the Tab key: past the header's links to the page itself. */}
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header>
        <h1>Vertebral Fracture Outcomes Registry</h1>
        <nav aria-label="Main">
          {allowed
            .filter((r) => r.label)
            .map((r) => (
              <NavLink key={r.path} to={r.path}>
                {r.label}
              </NavLink>
            ))}
          {/* How every figure is defined: a document beside the app (methods-document.ts). */}
          {!me.mustChangePassword && (
            <a href={methodsHref()} target="_blank" rel="noopener">
              Methods
            </a>
          )}
        </nav>
        <span className="who">
          {me.displayName} · {ROLE_NAMES[me.role] ?? me.role}
          <NavLink to="/account/password">Change password</NavLink>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <Routes>
            {allowed.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="/account/password" element={<ChangePasswordPage me={me} onChanged={passwordChanged} />} />
            {me.mustChangePassword ? (
              <Route path="*" element={<Navigate to="/account/password" replace />} />
            ) : (
              <>
                <Route path="/" element={<Navigate to={home} replace />} />
                <Route path="*" element={<NotHere home={home} />} />
              </>
            )}
          </Routes>
        </Suspense>
      </main>
      <SignInDialog />
      <LeaveGuard />
    </div>
  );
}

/** Focus moves to the page (not only the scroll position), and the address keeps no "#main". */
function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

function NotHere({ home }: { home: string }) {
  return (
    <p className="empty">
      This page does not exist or your role cannot open it. <NavLink to={home}>Go to your start page</NavLink>.
    </p>
  );
}
