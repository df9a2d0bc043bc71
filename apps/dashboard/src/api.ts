// A thin GraphQL client and the session: the token lives in sessionStorage so a closed tab signs
// out. An active user's token is renewed (refreshSession on input, and the renewed token answers
// carry); an ended session is resumed in place: the sign-in dialog opens over the page, whose
// typed values stay, and the request that was refused is sent again once the same user is back.
const TOKEN_KEY = 'vfr.token';
const RENEWED_HEADER = 'x-session-token';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; fields?: { field: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorShape[]) {
    super(errors.map((e) => e.message).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** What the dashboard reads of a token (the server checks it; this only steers the client). */
export interface TokenClaims {
  sub?: string;
  email?: string;
  role?: string;
  siteId?: string | null;
  issuedAtMs?: number;
  exp?: number;
  mustChangePassword?: boolean;
}

export function claimsOf(token: string | null): TokenClaims {
  try {
    const part = (token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part)) as TokenClaims;
  } catch {
    return {};
  }
}

/** A request for the sign-in dialog: why the session ended (null: to be asked of the server) and whose it was. */
export interface ReauthRequest {
  reason: string | null;
  userId: string | undefined;
  email: string | undefined;
}

interface Pending extends ReauthRequest {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
}

// The app listens so that a session ended by the user (Sign out) or refused at start-up sends
// them to the sign-in page; the dialog listens for reauthentication requests.
const listeners = new Set<(token: string | null) => void>();
const dialogListeners = new Set<(request: ReauthRequest | null) => void>();
let pending: Pending | null = null;
// When this tab received the token (its own clock): how old it is, whatever the server's clock says.
let receivedAt = 0;
let endedBecause: string | null = null;

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    receivedAt = token ? Date.now() : 0;
    listeners.forEach((listener) => listener(token));
  },
  subscribe(listener: (token: string | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Why the last session ended, for the sign-in page (read once). */
  takeEndedBecause(): string | null {
    const reason = endedBecause;
    endedBecause = null;
    return reason;
  },
  endWith(reason: string) {
    endedBecause = reason;
    session.set(null);
  },

  /**
   * Opens the sign-in dialog over the current page (once, however many requests were refused)
   * and resolves when the same user has signed in again, with the new token in place: the
   * caller sends its request again. Signing in as someone else reloads the app at its start
   * page instead (never resolving), so one user's pending save is never sent as another's; the
   * dialog's Sign out rejects. `reason`: the server's refusal, shown in the dialog.
   */
  reauthenticate(reason?: string): Promise<void> {
    if (!pending) {
      const claims = claimsOf(session.token);
      let resolve!: () => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = { reason: reason ?? null, userId: claims.sub, email: claims.email, promise, resolve, reject };
    } else if (reason && !pending.reason) {
      pending.reason = reason;
    }
    // Captured before the dialog hears of it: a dialog that answers at once must not leave this
    // caller without the promise it settles.
    const waiting = pending;
    const request = { reason: waiting.reason, userId: waiting.userId, email: waiting.email };
    dialogListeners.forEach((listener) => listener(request));
    return waiting.promise;
  },
  /** The sign-in dialog's side: requests to show (null: close). */
  onReauthenticate(listener: (request: ReauthRequest | null) => void): () => void {
    dialogListeners.add(listener);
    if (pending) listener({ reason: pending.reason, userId: pending.userId, email: pending.email });
    return () => dialogListeners.delete(listener);
  },
  /** The dialog signed in with `token`: the same user goes on where they were; another starts afresh. */
  resume(token: string) {
    const waiting = pending;
    if (!waiting) return session.set(token);
    const claims = claimsOf(token);
    if (claims.sub !== waiting.userId || claims.mustChangePassword) {
      sessionStorage.setItem(TOKEN_KEY, token);
      window.location.assign('/');
      return;
    }
    pending = null;
    session.set(token);
    dialogListeners.forEach((listener) => listener(null));
    waiting.resolve();
  },
  /** The dialog's Sign out: the refused requests fail, and the app goes to the sign-in page. */
  abandon(reason: string | null) {
    const waiting = pending;
    pending = null;
    dialogListeners.forEach((listener) => listener(null));
    waiting?.reject(new ApiError([{ message: reason ?? 'Signed out', extensions: { code: 'UNAUTHENTICATED' } }]));
    session.endWith(reason ?? 'You have signed out');
  },

  /**
   * fetch for GraphQL clients: takes the renewed token an answer carries (the server renews an
   * active session on any request), so that a user who works through requests never meets the
   * idle limit.
   */
  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const res = await fetch(input, init);
    const renewed = res.headers.get(RENEWED_HEADER);
    if (renewed) adoptRenewed(renewed);
    return res;
  },

  /**
   * Renews the token while the user works: any input (typing into a form makes no request) asks
   * for a fresh token once the current one is a quarter through its life (at most every five
   * minutes). A refusal is left to the next request, which opens the dialog.
   */
  watchActivity(): () => void {
    const events = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;
    const onActivity = () => void refreshIfDue();
    events.forEach((e) => window.addEventListener(e, onActivity, { capture: true, passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onActivity, { capture: true }));
  },
};

let refreshing = false;

async function refreshIfDue(): Promise<void> {
  const token = session.token;
  if (!token || refreshing || pending) return;
  const claims = claimsOf(token);
  const lifetime = claims.exp && claims.issuedAtMs ? claims.exp * 1000 - claims.issuedAtMs : 0;
  if (receivedAt && Date.now() - receivedAt < Math.min(lifetime / 4, 5 * 60_000)) return;
  refreshing = true;
  try {
    const res = await session.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { refreshSession { token } }' }),
    });
    const body = (await res.json()) as { data?: { refreshSession?: { token: string } } };
    const fresh = body.data?.refreshSession?.token;
    if (fresh && session.token === token) session.set(fresh);
  } catch {
    // Offline for a moment: the next input tries again.
  } finally {
    refreshing = false;
  }
}

/** A renewed token replaces the current one only if it is the same user's and lasts longer. */
function adoptRenewed(renewed: string) {
  const current = claimsOf(session.token);
  const next = claimsOf(renewed);
  if (!pending && current.sub && next.sub === current.sub && (next.exp ?? 0) > (current.exp ?? 0)) session.set(renewed);
}

/** A sentence for any failure: the API's own message when it gave one. */
export function errorSentence(error: unknown, what = 'This'): string {
  if (error instanceof ApiError) return error.message;
  const errors = (error as { errors?: GraphQLErrorShape[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length) return errors.map((e) => e.message).join(' ');
  if (error instanceof TypeError) return 'The registry server cannot be reached. Check your connection and try again.';
  return `${what} could not be loaded. Try again in a moment.`;
}

/**
 * `anonymous`: sent without a token, and a refusal is the caller's (sign-in). `resume`: false
 * when there is no page to keep (the start-up check, signing out): a refused session is the
 * caller's to end, instead of opening the dialog.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: { anonymous?: boolean; resume?: boolean } = {}): Promise<T> {
  const token = options.anonymous ? null : session.token;
  let res: Response;
  try {
    res = await session.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The registry server cannot be reached. Check your connection and try again.' }]);
  }
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: GraphQLErrorShape[] };
  if (body.errors?.length) {
    const refused = body.errors[0];
    if (token && refused.extensions?.code === 'UNAUTHENTICATED') {
      if (options.resume === false) throw new ApiError(body.errors);
      await session.reauthenticate(refused.message);
      return gql<T>(query, variables, options);
    }
    throw new ApiError(body.errors);
  }
  return body.data as T;
}
