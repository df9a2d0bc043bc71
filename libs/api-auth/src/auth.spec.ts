import * as jwt from 'jsonwebtoken';
import { ADMIN, COORD_NORTH, describeEachDatabase, HEAD_NORTH, RESEARCHER, rowCounts, TEST_JWT_SECRET } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token expiresAt user { email role siteId } } }`;

describeEachDatabase('sign-in, tokens, roles, sites and users', (t) => {
  it('signs in with email and password and returns a short-lived token', async () => {
    const r = await t().gql(LOGIN, { i: { email: 'Coordinator.North@demo.registry', password: DEMO_PASSWORD } });
    expect(r.data!.login.user).toMatchObject({ email: COORD_NORTH, role: 'COORDINATOR' });
    const expiresIn = new Date(r.data!.login.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
    const me = await t().gql(`{ me { email role } }`, {}, r.data!.login.token);
    expect(me.data!.me).toEqual({ email: COORD_NORTH, role: 'COORDINATOR' });
  });

  it('stores passwords hashed with argon2', async () => {
    const [u] = await t().db.dataSource.query(`SELECT password_hash FROM app_user WHERE email = $1`, [ADMIN]);
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password, then makes repeated failures for the account from one address wait', async () => {
    const attempt = () => t().gql(LOGIN, { i: { email: HEAD_NORTH, password: 'not-the-password' } });
    const first = await attempt();
    expect(first.errors![0]).toMatchObject({ message: 'The email or password is wrong', extensions: { code: 'UNAUTHENTICATED' } });
    for (let i = 0; i < 2; i++) await attempt();
    const throttled = await attempt();
    expect(throttled.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Even the right password waits out the delay, from this address.
    const right = await t().gql(LOGIN, { i: { email: HEAD_NORTH, password: DEMO_PASSWORD } });
    expect(right.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses missing, tampered and expired tokens', async () => {
    const q = `{ patients(first: 1) { totalCount } }`;
    expect((await t().gql(q)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const token = await t().login(ADMIN);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', siteId: null })).toString('base64url')}.${s.slice(0, -2)}xx`;
    expect((await t().gql(q, {}, forged)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const { exp: _e, iat: _i, ...rest } = claims;
    const otherKey = jwt.sign(rest, 'another-secret', { expiresIn: 60 });
    expect((await t().gql(q, {}, otherKey)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // Signed with the server's own secret, but past its expiry.
    const expired = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET);
    const r = await t().gql(q, {}, expired);
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/expired/), extensions: { code: 'UNAUTHENTICATED' } });
    const valid = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) + 60 }, TEST_JWT_SECRET);
    expect((await t().gql(q, {}, valid)).errors).toBeUndefined();
  });

  it('refuses an operation the role may not run', async () => {
    const head = await t().login('head.south@demo.registry');
    const r = await t().gql(`{ patients(first: 1) { totalCount } }`, {}, head);
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const researcher = await t().login(RESEARCHER);
    const users = await t().gql(`{ users { email } }`, {}, researcher);
    expect(users.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('lets an admin manage sites and users, audited, with field errors for bad input', async () => {
    const admin = await t().login(ADMIN);
    const site = await t().gql(`mutation { createSite(input: { code: "EAST", name: "East Clinic" }) { id code version } }`, {}, admin);
    expect(site.data!.createSite).toMatchObject({ code: 'EAST', version: 1 });
    const dup = await t().gql(`mutation { createSite(input: { code: "EAST", name: "Again" }) { id } }`, {}, admin);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const badCode = await t().gql(`mutation { createSite(input: { code: "e a", name: "x" }) { id } }`, {}, admin);
    expect(badCode.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });

    const before = await rowCounts(t().db);
    const noSite = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: { email: 'new.coordinator@demo.registry', displayName: 'New', role: 'COORDINATOR', password: 'long-enough-password' },
      },
      admin,
    );
    expect(noSite.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    const shortPassword = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: { email: 'x@demo.registry', displayName: 'X', role: 'RESEARCHER', password: 'short' },
      },
      admin,
    );
    expect(shortPassword.errors![0].extensions).toMatchObject({ field: 'password' });
    const weakPassword = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: { email: 'y@demo.registry', displayName: 'Y', role: 'ADMIN', password: 'aaaaaaaaaa' },
      },
      admin,
    );
    expect(weakPassword.errors![0]).toMatchObject({
      message: expect.stringMatching(/^password is too easy to guess/),
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    });
    const commonPassword = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: { email: 'y@demo.registry', displayName: 'Y', role: 'ADMIN', password: 'password123' },
      },
      admin,
    );
    expect(commonPassword.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await rowCounts(t().db)).toEqual(before);

    const user = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id role siteId version } }`,
      {
        i: {
          email: 'east.coordinator@demo.registry',
          displayName: 'East',
          role: 'COORDINATOR',
          siteId: site.data!.createSite.id,
          password: 'long-enough-password',
        },
      },
      admin,
    );
    expect(user.data!.createUser).toMatchObject({ role: 'COORDINATOR', siteId: site.data!.createSite.id });
    const login = await t().gql(LOGIN, { i: { email: 'east.coordinator@demo.registry', password: 'long-enough-password' } });
    expect(login.data!.login.user.role).toBe('COORDINATOR');
    const deactivate = await t().gql(
      `mutation($i: UpdateUserInput!) { updateUser(input: $i) { active version } }`,
      { i: { id: user.data!.createUser.id, version: 1, active: false } },
      admin,
    );
    expect(deactivate.data!.updateUser).toEqual({ active: false, version: 2 });
    const refused = await t().gql(LOGIN, { i: { email: 'east.coordinator@demo.registry', password: 'long-enough-password' } });
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const log = await t().gql(`{ auditLog(first: 5, entityType: "User") { entityType action actorEmail } }`, {}, admin);
    expect(log.data!.auditLog[0]).toMatchObject({ entityType: 'User', action: 'UPDATE', actorEmail: ADMIN });
  });

  it('answers /health without a token', async () => {
    const res = await fetch(`${t().url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'reachable' });
  });
});

describeEachDatabase('sessions end when the user signs out or is deactivated', (t) => {
  it('refuses every earlier token after logout, and accepts a new sign-in', async () => {
    const sign = () => t().gql(LOGIN, { i: { email: RESEARCHER, password: DEMO_PASSWORD } });
    const a = (await sign()).data!.login.token;
    const b = (await sign()).data!.login.token;
    expect((await t().gql(`{ me { email } }`, {}, a)).data!.me.email).toBe(RESEARCHER);
    expect((await t().gql(`mutation { logout }`, {}, a)).data!.logout).toBe(true);
    for (const old of [a, b]) {
      const r = await t().gql(`{ me { email } }`, {}, old);
      expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/signed out/), extensions: { code: 'UNAUTHENTICATED' } });
    }
    const fresh = (await sign()).data!.login.token;
    expect((await t().gql(`{ me { email } }`, {}, fresh)).data!.me.email).toBe(RESEARCHER);
  });

  it('takes a changed role and a deactivation into account without waiting for the token to expire', async () => {
    const admin = await t().login(ADMIN);
    const head = (await t().gql(LOGIN, { i: { email: 'head.central@demo.registry', password: DEMO_PASSWORD } })).data!.login.token;
    const [u] = await t().db.dataSource.query(`SELECT id, version FROM app_user WHERE email = 'head.central@demo.registry'`);
    await t().gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, { i: { id: u.id, version: u.version, active: false } }, admin);
    const r = await t().gql(`{ me { email } }`, {}, head);
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/not active/), extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describeEachDatabase('a changed or reset password ends the sessions', (t) => {
  const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token user { email } } }`;
  const me = (token: string) => t().gql(`{ me { email } }`, {}, token);
  const signIn = async (email: string, password: string) => (await t().gql(LOGIN, { i: { email, password } })).data?.login.token as string | undefined;

  it('lets every role change its own password; the old tokens are refused, the new password and token work', async () => {
    for (const email of [RESEARCHER, HEAD_NORTH, COORD_NORTH]) {
      const a = (await signIn(email, DEMO_PASSWORD))!;
      const b = (await signIn(email, DEMO_PASSWORD))!;
      const next = `${email.split('@')[0]} walks past 3 bridges`;
      const r = await t().gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: next } }, a);
      expect(r.errors).toBeUndefined();
      for (const old of [a, b])
        expect((await me(old)).errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/signed out/) });
      const fresh = await me(r.data!.changePassword.token);
      expect(fresh.errors).toBeUndefined();
      expect(fresh.data!.me.email).toBe(email);
      expect(await signIn(email, DEMO_PASSWORD)).toBeUndefined();
      expect(await signIn(email, next)).toBeTruthy();
    }
    const [event] = await t().db.dataSource.query(
      `SELECT actor_email, entity_type, after FROM audit_event WHERE action = 'PASSWORD_CHANGE' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ actor_email: COORD_NORTH, entity_type: 'User', after: { sessionsEnded: true } });
    expect(JSON.stringify(event)).not.toContain('bridges');
  });

  it('refuses a wrong current password and a weak new one, beside the field', async () => {
    const token = (await signIn(ADMIN, DEMO_PASSWORD))!;
    const wrong = await t().gql(CHANGE, { i: { currentPassword: 'not-my-password', newPassword: 'a perfectly fine sentence' } }, token);
    expect(wrong.errors![0]).toMatchObject({
      message: 'currentPassword is not your current password',
      extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' },
    });
    const weak = await t().gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'aaaaaaaaaa' } }, token);
    expect(weak.errors![0]).toMatchObject({
      message: expect.stringMatching(/^newPassword is too easy to guess/),
      extensions: { field: 'newPassword', fields: [{ field: 'newPassword', rule: 'strength' }] },
    });
    const common = await t().gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: 'Password2024!' } }, token);
    expect(common.errors![0].extensions).toMatchObject({ field: 'newPassword' });
    const same = await t().gql(CHANGE, { i: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }, token);
    expect(same.errors![0].extensions).toMatchObject({ field: 'newPassword' });
    // Nothing changed: the session goes on.
    expect((await me(token)).data!.me.email).toBe(ADMIN);
  });

  it("ends a user's sessions when an admin resets the password, audited as a reset", async () => {
    const admin = (await signIn(ADMIN, DEMO_PASSWORD))!;
    const head = (await signIn('head.south@demo.registry', DEMO_PASSWORD))!;
    const [u] = await t().db.dataSource.query(`SELECT id, version FROM app_user WHERE email = 'head.south@demo.registry'`);
    // An admin no longer chooses an existing user's password.
    const chosen = await t().gql(
      `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`,
      { i: { id: u.id, version: u.version, password: 'south spine reset 2031' } },
      admin,
    );
    expect(chosen.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await me(head)).data!.me.email).toBe('head.south@demo.registry');
    const reset = await t().gql(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { temporaryPassword } }`, { i: { id: u.id } }, admin);
    expect(reset.errors).toBeUndefined();
    expect((await me(head)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await signIn('head.south@demo.registry', reset.data!.resetPassword.temporaryPassword)).toBeTruthy();
    const log = await t().gql(`{ auditLog(first: 5, action: PASSWORD_RESET) { entityType entityId actorEmail after } }`, {}, admin);
    expect(log.data!.auditLog[0]).toMatchObject({ entityType: 'User', entityId: u.id, actorEmail: ADMIN, after: { sessionsEnded: true } });
  });
});
