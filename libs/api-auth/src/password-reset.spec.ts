import { ADMIN, COORD_SOUTH, describeEachDatabase } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token mustChangePassword user { email mustChangePassword } } }`;
const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { temporaryPassword user { id mustChangePassword version } } }`;
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token mustChangePassword user { mustChangePassword } } }`;
const WORK = `{ patients(first: 1) { totalCount } }`;

describeEachDatabase("an admin's password reset: a temporary password for one sign-in into the change of it", (t) => {
  const signIn = (email: string, password: string) => t().gql(LOGIN, { i: { email, password } });

  it('ends the old password and sessions, opens one sign-in that can only change the password, then the new one works', async () => {
    const admin = await t().login(ADMIN);
    const before = (await signIn(COORD_SOUTH, DEMO_PASSWORD)).data!.login.token;
    const [u] = await t().db.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [COORD_SOUTH]);

    const reset = await t().gql(RESET, { i: { id: u.id, reason: 'forgot it' } }, admin);
    expect(reset.errors).toBeUndefined();
    const temporary: string = reset.data!.resetPassword.temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(reset.data!.resetPassword.user.mustChangePassword).toBe(true);
    // Every earlier session has ended, and the old password no longer opens one.
    expect((await t().gql(`{ me { email } }`, {}, before)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await signIn(COORD_SOUTH, DEMO_PASSWORD)).errors![0].message).toBe('The email or password is wrong');

    // The temporary password signs in, into the change step only.
    const first = await signIn(COORD_SOUTH, temporary);
    expect(first.errors).toBeUndefined();
    expect(first.data!.login).toMatchObject({ mustChangePassword: true, user: { email: COORD_SOUTH, mustChangePassword: true } });
    const restricted: string = first.data!.login.token;
    const work = await t().gql(WORK, {}, restricted);
    expect(work.errors![0]).toMatchObject({ extensions: { code: 'PASSWORD_CHANGE_REQUIRED' }, message: expect.stringMatching(/^Change your password first/) });
    expect(work.data?.patients ?? null).toBeNull();
    expect((await t().gql(`{ me { email mustChangePassword } }`, {}, restricted)).data!.me).toEqual({ email: COORD_SOUTH, mustChangePassword: true });
    // A refresh keeps the restriction.
    const refreshed = await t().gql(`mutation { refreshSession { token mustChangePassword } }`, {}, restricted);
    expect(refreshed.data!.refreshSession.mustChangePassword).toBe(true);
    expect((await t().gql(WORK, {}, refreshed.data!.refreshSession.token)).errors![0].extensions!.code).toBe('PASSWORD_CHANGE_REQUIRED');

    // Once: a second sign-in with it is refused, even though it is the right password.
    const second = await signIn(COORD_SOUTH, temporary);
    expect(second.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/already been used/) });

    // The password rule applies to the new password, and it must differ from the temporary one.
    const weak = await t().gql(CHANGE, { i: { currentPassword: temporary, newPassword: 'aaaaaaaaaa' } }, restricted);
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const same = await t().gql(CHANGE, { i: { currentPassword: temporary, newPassword: temporary } }, restricted);
    expect(same.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await t().gql(CHANGE, { i: { currentPassword: temporary, newPassword: 'south coast reading lamp' } }, restricted);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePassword).toMatchObject({ mustChangePassword: false, user: { mustChangePassword: false } });
    const works = await t().gql(WORK, {}, changed.data!.changePassword.token);
    expect(works.errors).toBeUndefined();
    expect((await t().gql(WORK, {}, restricted)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await signIn(COORD_SOUTH, temporary)).errors![0].message).toBe('The email or password is wrong');
    const after = await signIn(COORD_SOUTH, 'south coast reading lamp');
    expect(after.data!.login.mustChangePassword).toBe(false);
    expect((await t().gql(WORK, {}, after.data!.login.token)).errors).toBeUndefined();

    // Audited as the project audits writes, never with the password.
    const events = await t().db.dataSource.query(
      `SELECT action, actor_email, entity_id, after, reason FROM audit_event WHERE entity_id = $1 AND action IN ('PASSWORD_RESET', 'PASSWORD_CHANGE') ORDER BY id`,
      [u.id],
    );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'PASSWORD_RESET',
        actor_email: ADMIN,
        reason: 'forgot it',
        after: expect.objectContaining({ mustChangePassword: true, sessionsEnded: true }),
      }),
      expect.objectContaining({ action: 'PASSWORD_CHANGE', actor_email: COORD_SOUTH }),
    ]);
    expect(JSON.stringify(await t().db.dataSource.query(`SELECT * FROM audit_event WHERE entity_id = $1`, [u.id]))).not.toContain(temporary);
  });

  it('makes a new account change the password an admin chose at its first sign-in', async () => {
    const admin = await t().login(ADMIN);
    const created = await t().gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id mustChangePassword } }`,
      { i: { email: 'new.researcher@demo.registry', displayName: 'New Researcher', role: 'RESEARCHER', password: 'chosen by the admin 42' } },
      admin,
    );
    expect(created.data!.createUser.mustChangePassword).toBe(true);
    const first = await signIn('new.researcher@demo.registry', 'chosen by the admin 42');
    expect(first.data!.login.mustChangePassword).toBe(true);
    expect((await t().gql(`{ sites { id } }`, {}, first.data!.login.token)).errors![0].extensions!.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a reset by anyone but an admin, and of an unknown user, writing nothing', async () => {
    const [u] = await t().db.dataSource.query(`SELECT id, version FROM app_user WHERE email = 'head.north@demo.registry'`);
    const coordinator = await t().login('coordinator.north@demo.registry');
    expect((await t().gql(RESET, { i: { id: u.id } }, coordinator)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const unknown = await t().gql(RESET, { i: { id: '00000000-0000-4000-8000-000000000000' } }, await t().login(ADMIN));
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const [after] = await t().db.dataSource.query(`SELECT version, must_change_password FROM app_user WHERE id = $1`, [u.id]);
    expect(after).toEqual({ version: u.version, must_change_password: false });
  });
});
