import { ADMIN, COORD_NORTH, describeEachDatabase, GraphQLResponse, RESEARCHER, TestApp } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';
import { Clock } from './clock';

// The session's rules, with the API's clock moved forward by hours (Clock) instead of waiting:
// the idle limit is 60 minutes and the absolute limit 12 hours (the defaults).
const MIN = 60_000;
const HOUR = 60 * MIN;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token expiresAt sessionEndsAt mustChangePassword } }`;
const REFRESH = `mutation { refreshSession { token expiresAt sessionEndsAt } }`;
const IDLE = 'Your session expired after 60 minutes without activity; sign in again';
const LIMIT = 'Your session reached its 12-hour limit; sign in again';

interface Answer extends GraphQLResponse {
  /** The renewed token a response carries, if any. */
  renewed: string | null;
}

async function send(t: TestApp, query: string, token?: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as GraphQLResponse), renewed: res.headers.get('x-session-token') };
}

describeEachDatabase('sessions slide with activity, up to an absolute limit', (t) => {
  let shift = 0;
  const advance = (ms: number) => (shift += ms);
  const now = () => Date.now() + shift;
  beforeEach(() => {
    shift = 0;
    jest.spyOn(t().app.get(Clock), 'now').mockImplementation(now);
  });
  afterEach(() => jest.restoreAllMocks());

  const signIn = async (email: string) => {
    const r = await send(t(), LOGIN, undefined, { i: { email, password: DEMO_PASSWORD } });
    expect(r.errors).toBeUndefined();
    return r.data!.login as { token: string; expiresAt: string; sessionEndsAt: string };
  };
  const me = (token: string) => send(t(), `{ me { email } }`, token);
  const refresh = async (token: string) => {
    const r = await send(t(), REFRESH, token);
    expect(r.errors).toBeUndefined();
    return r.data!.refreshSession as { token: string; expiresAt: string; sessionEndsAt: string };
  };
  const refusal = async (token: string) => {
    const r = await me(token);
    expect(r.data?.me ?? null).toBeNull();
    expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    return r.errors![0].message;
  };

  it('keeps an active session going well past the idle limit, by refreshSession and by the token any request returns', async () => {
    const start = now();
    const login = await signIn(RESEARCHER);
    expect(new Date(login.expiresAt).getTime()).toBeCloseTo(start + 60 * MIN, -4);
    expect(new Date(login.sessionEndsAt).getTime()).toBeCloseTo(start + 12 * HOUR, -4);
    // A request straight after sign-in is not worth a new token.
    expect((await me(login.token)).renewed).toBeNull();

    advance(50 * MIN);
    const refreshed = await refresh(login.token);
    expect(new Date(refreshed.expiresAt).getTime()).toBeCloseTo(now() + 60 * MIN, -4);
    expect(refreshed.sessionEndsAt).toBe(login.sessionEndsAt);

    advance(50 * MIN); // 100 minutes after the sign-in, 50 after the refresh
    expect((await me(refreshed.token)).data!.me.email).toBe(RESEARCHER);
    // Any authenticated request is activity: its answer carries the renewed token.
    const r = await me(refreshed.token);
    expect(r.renewed).toEqual(expect.any(String));

    advance(55 * MIN); // 155 minutes after the sign-in
    expect(await refusal(refreshed.token)).toBe(IDLE);
    const onward = await me(r.renewed!);
    expect(onward.errors).toBeUndefined();
    expect(onward.data!.me.email).toBe(RESEARCHER);
  });

  it('ends a session left idle for the idle limit, and a refresh cannot revive it', async () => {
    const login = await signIn(COORD_NORTH);
    advance(59 * MIN);
    // Still good; the renewed token this answer carries is not taken, as an idle client would not.
    expect((await me(login.token)).errors).toBeUndefined();
    advance(2 * MIN); // 61 minutes after the token was issued
    expect(await refusal(login.token)).toBe(IDLE);
    const again = await send(t(), REFRESH, login.token);
    expect(again.errors![0]).toMatchObject({ message: IDLE, extensions: { code: 'UNAUTHENTICATED' } });
    expect(again.renewed).toBeNull();
  });

  it('ends even an active session at the absolute limit from its sign-in', async () => {
    const start = now();
    const login = await signIn(ADMIN);
    let token = login.token;
    // Active all day: a refresh every 50 minutes.
    while (now() + 50 * MIN < start + 12 * HOUR) {
      advance(50 * MIN);
      token = (await refresh(token)).token;
    }
    const last = await refresh(token);
    // The last token ends with the session, not an hour later.
    const end = new Date(last.sessionEndsAt).getTime();
    expect(end).toBeCloseTo(start + 12 * HOUR, -4);
    expect(new Date(last.expiresAt).getTime()).toBe(end);
    expect((await me(last.token)).errors).toBeUndefined();
    advance(end - now());
    expect(await refusal(last.token)).toBe(LIMIT);
    expect((await send(t(), REFRESH, last.token)).errors![0].message).toBe(LIMIT);
    // Signing in again begins a new session.
    const fresh = await signIn(ADMIN);
    expect((await me(fresh.token)).errors).toBeUndefined();
  });

  it('leaves the replaced token working until its own expiry; sign-out ends both at once', async () => {
    const login = await signIn(RESEARCHER);
    advance(30 * MIN);
    const refreshed = await refresh(login.token);
    // The old token is not revoked by a refresh (documented): it ends at its own expiry.
    expect((await me(login.token)).errors).toBeUndefined();
    advance(31 * MIN);
    expect(await refusal(login.token)).toBe(IDLE);
    expect((await me(refreshed.token)).errors).toBeUndefined();
    // A sign-out, with the clock hours ahead of the database's, ends every token of the session.
    const newer = await refresh(refreshed.token);
    advance(5 * MIN);
    expect((await send(t(), `mutation { logout }`, refreshed.token)).errors).toBeUndefined();
    for (const old of [refreshed.token, newer.token]) expect(await refusal(old)).toMatch(/signed out/);
  });

  it('ends a refreshed session at once when the user is deactivated', async () => {
    const admin = (await signIn(ADMIN)).token;
    const head = await signIn('head.central@demo.registry');
    advance(20 * MIN);
    const refreshed = await refresh(head.token);
    const [u] = await t().db.dataSource.query(`SELECT id, version FROM app_user WHERE email = 'head.central@demo.registry'`);
    const off = await send(t(), `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, admin, {
      i: { id: u.id, version: u.version, active: false },
    });
    expect(off.errors).toBeUndefined();
    expect(await refusal(refreshed.token)).toMatch(/not active/);
    expect((await send(t(), REFRESH, refreshed.token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('checks a token accepted before as a new one on its every use: a changed signature or claim is refused, and its limits hold', async () => {
    const login = await signIn(COORD_NORTH);
    // Accepted, so this process keeps it as verified.
    expect((await me(login.token)).errors).toBeUndefined();
    const [header, payload, signature] = login.token.split('.');
    const flip = (s: string) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.slice(-1);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', siteId: null })).toString('base64url');
    for (const forged of [`${header}.${payload}.${flip(signature)}`, `${header}.${asAdmin}.${signature}`])
      expect(await refusal(forged)).toBe('The token is invalid: sign in again');
    // The genuine token still works, and still ends at the idle limit from its issue.
    expect((await me(login.token)).data!.me.email).toBe(COORD_NORTH);
    advance(61 * MIN);
    expect(await refusal(login.token)).toBe(IDLE);
  });
});
