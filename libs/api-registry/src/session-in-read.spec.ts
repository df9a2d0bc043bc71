import { Clock, TokenService } from '@vfr/api-auth';
import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, GraphQLResponse, RESEARCHER } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';

// The patient list reads the user's row in its own statement (@ChecksSessionInRead,
// readConfirmingSession) instead of the guard's statement before it. Each way the guard's check
// refuses or changes a request is tried here through the list, as an attacker holding an old
// token would: the list must refuse, or answer for the role and site the row holds now, exactly
// as the guard's own check does for every other operation, and never give the claimed view's data.

const LIST = `query($filter: PatientFilterInput) {
  patients(first: 20, filter: $filter) { edges { node { id registryNumber siteId birthYear treatments { startDate startDay } } } }
}`;

interface Listed {
  patients: { edges: { node: { id: string; registryNumber: string; siteId: string } }[] };
}

describeEachDatabase('the sign-in check carried in the patient list', (t) => {
  /** A token of its own (not the harness's cached one), so that signing out ends only it. */
  const signIn = async (email: string) => {
    const r = await t().gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { email, password: DEMO_PASSWORD },
    });
    expect(r.errors).toBeUndefined();
    return r.data!.login.token;
  };
  const list = (token: string, filter: Record<string, unknown> = {}) => t().gql<Listed>(LIST, { filter }, token);
  const sql = (text: string, params: unknown[] = []) => t().db.dataSource.query(text, params);
  const userOf = async (email: string) => (await sql(`SELECT id, role, site_id FROM app_user WHERE email = $1`, [email]))[0];
  const refused = (r: GraphQLResponse<Listed>, code: string, message?: string) => {
    expect(r.data?.patients ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions!.code).toBe(code);
    if (message) expect(r.errors![0].message).toBe(message);
  };

  /** Runs `body` with the user's row changed, and puts it back whatever happens. */
  const withUser = async (email: string, change: string, params: unknown[], body: () => Promise<void>) => {
    const before = (await sql(`SELECT * FROM app_user WHERE email = $1`, [email]))[0];
    await sql(`UPDATE app_user SET ${change} WHERE email = $1`, [email, ...params]);
    try {
      await body();
    } finally {
      await sql(`UPDATE app_user SET role = $2, site_id = $3, active = $4, withdrawn_at = $5, tokens_valid_after = $6 WHERE email = $1`, [
        email,
        before.role,
        before.site_id,
        before.active,
        before.withdrawn_at,
        before.tokens_valid_after,
      ]);
    }
  };

  it('answers in one statement, the same as the guard-checked path gives', async () => {
    const token = await signIn(COORD_NORTH);
    t().api.statements.reset();
    const one = await list(token);
    expect(one.errors).toBeUndefined();
    const statements = [...t().api.statements.statements];
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM app_user/);
    // Asked beside another field, the guard's own check runs for that field; the list's answer is the same.
    const both = await t().gql<Listed & { me: { email: string } }>(LIST.replace('{\n  patients', '{ me { email }\n  patients'), {}, token);
    expect(both.errors).toBeUndefined();
    expect(both.data!.patients).toEqual(one.data!.patients);
    const north = await userOf(COORD_NORTH);
    expect(one.data!.patients.edges.length).toBeGreaterThan(0);
    expect(one.data!.patients.edges.every((e) => e.node.siteId === north.site_id)).toBe(true);
  });

  it('refuses a token signed out since, also for an empty page and before a bad filter is judged', async () => {
    const token = await signIn(COORD_NORTH);
    expect((await list(token)).errors).toBeUndefined();
    const out = await t().gql<{ logout: boolean }>('mutation { logout }', {}, token);
    expect(out.errors).toBeUndefined();
    refused(await list(token), 'UNAUTHENTICATED', 'You have signed out; sign in again');
    // No row to carry the user's row: the guard's check decides.
    refused(await list(token, { registryNumber: 'NO-SUCH-NUMBER' }), 'UNAUTHENTICATED', 'You have signed out; sign in again');
    // A request the page refuses by itself is refused for the sign-out first, as the guard would.
    refused(await list(token, { registryNumber: 'X'.repeat(40) }), 'UNAUTHENTICATED', 'You have signed out; sign in again');
    // A valid token with the same bad filter hears what is wrong with it.
    const valid = await list(await signIn(COORD_NORTH), { registryNumber: 'X'.repeat(40) });
    expect(valid.errors![0].message).toBe('filter.registryNumber must be at most 32 characters');
  });

  it('refuses a deactivated or withdrawn account at once', async () => {
    const token = await signIn(COORD_NORTH);
    expect((await list(token)).errors).toBeUndefined();
    await withUser(COORD_NORTH, 'active = false', [], async () => {
      refused(await list(token), 'UNAUTHENTICATED', 'Your account is not active; ask an administrator');
    });
    await withUser(COORD_NORTH, 'withdrawn_at = now()', [], async () => {
      refused(await list(token), 'UNAUTHENTICATED', 'Your account is not active; ask an administrator');
    });
    expect((await list(token)).errors).toBeUndefined();
  });

  it('answers for the site the row holds now, not the one the token claims', async () => {
    const token = await signIn(COORD_NORTH);
    const south = await userOf(COORD_SOUTH);
    const southsOwn = await list(await signIn(COORD_SOUTH));
    expect(southsOwn.errors).toBeUndefined();
    await withUser(COORD_NORTH, 'site_id = $2', [south.site_id], async () => {
      const moved = await list(token);
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.patients).toEqual(southsOwn.data!.patients);
    });
  });

  it("answers a coordinator made researcher with a researcher's de-identified view", async () => {
    const token = await signIn(COORD_NORTH);
    const asCoordinator = await list(token);
    const researchers = await list(await signIn(RESEARCHER));
    expect(researchers.errors).toBeUndefined();
    expect(researchers.data!.patients).not.toEqual(asCoordinator.data!.patients);
    await withUser(COORD_NORTH, `role = 'RESEARCHER', site_id = NULL`, [], async () => {
      const r = await list(token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.patients).toEqual(researchers.data!.patients);
    });
  });

  it('refuses a coordinator made department head, whose role may not read the list', async () => {
    const token = await signIn(COORD_NORTH);
    await withUser(COORD_NORTH, `role = 'DEPARTMENT_HEAD'`, [], async () => {
      refused(await list(token), 'FORBIDDEN', 'Your role (DEPARTMENT_HEAD) does not allow this operation');
      refused(await list(token, { registryNumber: 'NO-SUCH-NUMBER' }), 'FORBIDDEN');
      // Beside a field open to heads, whose own check finds the new role first or meanwhile.
      for (const query of [LIST.replace('{\n  patients', '{ me { role }\n  patients'), LIST.replace(/}\s*$/, ' me { role } }')]) {
        const r = await t().gql<Listed & { me: { role: string } }>(query, {}, token);
        expect(r.data?.patients ?? null).toBeNull();
        expect(r.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
      }
    });
  });

  it('refuses a token whose claimed role may not read the list, and one that must change its password, as the guard does', async () => {
    const tokens = t().app.get(TokenService);
    const north = await userOf(COORD_NORTH);
    const actor = { userId: north.id, email: COORD_NORTH, role: north.role, siteId: north.site_id };
    const mustChange = tokens.sign(actor, { mustChangePassword: true }).token;
    refused(await list(mustChange), 'PASSWORD_CHANGE_REQUIRED');
    // A token claiming a role the list is not open to goes through the guard's check, which
    // reads the row: the row's role (coordinator) decides, not the claim.
    const claimedHead = tokens.sign({ ...actor, role: 'DEPARTMENT_HEAD' as typeof actor.role }).token;
    const r = await list(claimedHead);
    expect(r.errors).toBeUndefined();
    expect(r.data!.patients).toEqual((await list(await signIn(COORD_NORTH))).data!.patients);
    // An account that is gone.
    const gone = tokens.sign({ ...actor, userId: '00000000-0000-4000-8000-000000000000' }).token;
    refused(await list(gone), 'UNAUTHENTICATED', 'Your account is not active; ask an administrator');
  });

  it('renews an old token from the list as from any request', async () => {
    const token = await signIn(ADMIN);
    const clock = t().app.get(Clock);
    const real = clock.now.bind(clock);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => real() + 30 * 60_000);
    try {
      const res = await fetch(`${t().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: LIST, variables: {} }),
      });
      const body = (await res.json()) as GraphQLResponse<Listed>;
      expect(body.errors).toBeUndefined();
      const renewed = res.headers.get('x-session-token');
      expect(renewed).toEqual(expect.any(String));
      expect(renewed).not.toBe(token);
    } finally {
      spy.mockRestore();
    }
  });
});
