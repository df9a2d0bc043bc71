import { COORD_NORTH, describeEachDatabase, eventually, RESEARCHER } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';
import { ApiError, errorSentence, session } from '../api';
import { serverProblem } from '../forms/server-problem';
import { CREATE_PATIENT, ME, PATIENT, UPDATE_PATIENT } from '../patients/patients.documents';
import { PATIENT_LABELS } from '../patients/patient.form-model';
import { currentClient } from './client';
import { ask, sendMutation, useQuery, useMutation, type TypedDocument } from './hooks';

// The browser keeps the token in sessionStorage; Node has none.
const stored = new Map<string, string>();
Object.assign(globalThis, {
  sessionStorage: {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  },
});

/** What the client sent: the bearer token of each request, or null for an unsigned one. */
const sent: (string | null)[] = [];
const realFetch = globalThis.fetch;
let baseUrl = '';
const countingFetch: typeof fetch = (input, init) => {
  const auth = new Headers(init?.headers).get('authorization');
  sent.push(auth ? auth.replace(/^Bearer /, '') : null);
  return realFetch(new URL(input as string, baseUrl), init);
};

/** A sign-in of its own (the test app keeps one token per user, and this spec ends one). */
async function signIn(email: string): Promise<string> {
  const res = await realFetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email, password: DEMO_PASSWORD } } }),
  });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}

// The client the screens use (its URL is the page's /graphql) against the app under test.
describeEachDatabase("the dashboard's GraphQL client", (t) => {
  let token: string;
  let patientId: string;

  beforeAll(async () => {
    baseUrl = t().url;
    globalThis.fetch = countingFetch;
    token = await t().login(COORD_NORTH);
    session.set(token);
    const me = await ask(currentClient(), ME, {});
    const created = await sendMutation(currentClient(), CREATE_PATIENT, {
      input: { siteId: me.data!.me.siteId!, sex: 'FEMALE', birthYear: 1944, requestId: crypto.randomUUID() },
    });
    patientId = created.data!.createPatient.id;
  });

  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  beforeEach(() => {
    session.set(token);
    sent.length = 0;
  });

  it('signs each request with the session token and answers with the typed result', async () => {
    const r = await ask(currentClient(), PATIENT, { id: patientId });
    expect(r.data?.patient.birthYear).toBe(1944);
    expect(sent).toEqual([token]);
  });

  it("rejects a refused mutation with an ApiError the forms read: the API's message, code and fields", async () => {
    const { data } = await ask(currentClient(), PATIENT, { id: patientId });
    const refusal = await sendMutation(currentClient(), UPDATE_PATIENT, {
      input: { id: patientId, version: data!.patient.version, birthYear: 1700, reason: 'correction' },
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    const error = refusal as ApiError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.errors[0].extensions?.fields?.[0]).toMatchObject({ field: 'birthYear' });
    const problem = serverProblem(error, PATIENT_LABELS);
    expect(problem.sentence).toBe('Nothing was saved: one field needs correcting.');
    expect(problem.fields.birthYear).toMatch(/Birth year/);
    expect(errorSentence(error)).toBe(error.errors[0].message);
  });

  it('turns a server that cannot be reached into the "cannot be reached" sentence', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));
    try {
      const error = (await ask(currentClient(), ME, {}).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(errorSentence(error)).toBe('The registry server cannot be reached. Check your connection and try again.');
      expect(serverProblem(error).sentence).toBe('The registry server cannot be reached. Check your connection; nothing was saved.');
    } finally {
      globalThis.fetch = countingFetch;
    }
  });

  it('ends the session when the user chooses Sign out in the sign-in dialog, without sending the request again unsigned', async () => {
    const ended: (string | null)[] = [];
    const stop = session.subscribe((next) => ended.push(next));
    // The dialog's side: it is asked to open, and the user signs out instead of signing in.
    const reasons: (string | null)[] = [];
    const stopDialog = session.onReauthenticate((request) => {
      if (!request) return;
      reasons.push(request.reason);
      session.abandon(request.reason);
    });
    session.set('not-a-token');
    ended.length = 0;
    try {
      const error = (await ask(currentClient(), ME, {}).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(serverProblem(error).sentence).toBe('Your session has ended. Sign in again to continue.');
      expect(reasons).toHaveLength(1);
      expect(ended).toEqual([null]);
      expect(session.token).toBeNull();
      expect(sent).toEqual(['not-a-token']);
    } finally {
      stopDialog();
      stop();
    }
  });

  it('signs in again in place as the same user, and sends the refused request once more with the new token', async () => {
    // A session the server has ended (signed out elsewhere): its token is refused from now on.
    const endedToken = await signIn(RESEARCHER);
    await realFetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${endedToken}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    // The dialog's side: the same user types their password again.
    let fresh = '';
    const stopDialog = session.onReauthenticate((request) => {
      if (!request) return;
      void signIn(RESEARCHER).then((token) => {
        fresh = token;
        session.resume(token);
      });
    });
    session.set(endedToken);
    sent.length = 0;
    try {
      const r = await ask(currentClient(), ME, {});
      expect(r.data?.me.role).toBe('RESEARCHER');
      expect(sent).toEqual([endedToken, fresh]);
      expect(session.token).toBe(fresh);
    } finally {
      stopDialog();
    }
  });

  it("forgets every answer at sign-out: the next user's client starts empty", async () => {
    const client = currentClient();
    await client.query(PATIENT, { id: patientId }).toPromise();
    expect(client.readQuery(PATIENT, { id: patientId })?.data?.patient.id).toBe(patientId);
    session.set(null);
    expect(currentClient()).not.toBe(client);
    expect(currentClient().readQuery(PATIENT, { id: patientId })).toBeNull();
  });

  it('re-fetches a query on screen when a mutation returns a record of a type it shows', async () => {
    const seen: (number | null | undefined)[] = [];
    const watching = currentClient()
      .query(PATIENT, { id: patientId }, { requestPolicy: 'network-only' })
      .subscribe((r) => {
        if (!r.stale) seen.push(r.data?.patient.birthYear);
      });
    try {
      await eventually(() => seen.length === 1);
      const { data } = await ask(currentClient(), PATIENT, { id: patientId });
      const year = data!.patient.birthYear === 1944 ? 1945 : 1944;
      await sendMutation(currentClient(), UPDATE_PATIENT, { input: { id: patientId, version: data!.patient.version, birthYear: year } });
      await eventually(() => seen[seen.length - 1] === year);
    } finally {
      watching.unsubscribe();
    }
  });
});

// Checked by the type checker (npm run typecheck), never called: the documents' types reach the
// screens through the hooks, and a wrong variable or field does not compile.
export function useTypedScreen(): number | undefined {
  const q = useQuery(PATIENT, { variables: { id: 'p1' } });
  // @ts-expect-error PatientRecord takes an ID, not a boolean
  useQuery(PATIENT, { variables: { id: true } });
  // @ts-expect-error the patient query selects no such field
  void q.data?.patient.favouriteColour;
  const [update] = useMutation(UPDATE_PATIENT);
  // @ts-expect-error UpdatePatientInput needs the record's id and version
  void update({ variables: { input: { birthYear: 1950 } } });
  const untyped: TypedDocument<{ n: number }, { a: string }> = {};
  return useQuery(untyped, { variables: { a: 'x' } }).data?.n ?? q.data?.patient.birthYear ?? undefined;
}
