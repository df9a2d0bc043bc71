import { ADMIN, COORD_NORTH, describeEachDatabase, gqlFrom, HEAD_NORTH, RESEARCHER, startTestApp, TestApp } from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';
import { AuthService } from './auth.service';
import { ADDRESS_LIMIT } from './login-throttle';
import { Passwords } from './passwords';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;
const LOG = `query($action: AuditAction, $entityType: String, $actorEmail: String) {
  auditLog(first: 500, action: $action, entityType: $entityType, actorEmail: $actorEmail) { id entityType entityId action actorEmail after }
}`;

interface Event {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorEmail: string | null;
  after: Record<string, any> | null;
  siteId: string | null;
}

const signIn = (t: TestApp, from: string, email: string, password: string, headers?: Record<string, string>) =>
  gqlFrom(t, from, LOGIN, { i: { email, password } }, headers);

describeEachDatabase('access is audited', (t) => {
  const log = async (vars: Record<string, unknown>) => {
    const r = await t().gql<{ auditLog: Event[] }>(LOG, vars, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    return r.data!.auditLog;
  };
  const newest = async () => Number((await t().db.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_event`))[0].id);
  const since = async (id: number) =>
    t().db.dataSource.query(`SELECT entity_type, entity_id, action, actor_email, after FROM audit_event WHERE id > $1 ORDER BY id`, [id]);

  it('records sign-in, failed sign-in and sign-out, filterable by action and record type, without the password or an unknown email', async () => {
    const start = await newest();
    const ok = await signIn(t(), '127.0.0.11', RESEARCHER, DEMO_PASSWORD);
    expect(ok.data!.login.token).toBeTruthy();
    const wrong = await signIn(t(), '127.0.0.11', RESEARCHER, 'not-the-password-1');
    const unknown = await signIn(t(), '127.0.0.11', 'nobody.here@demo.registry', 'secret-typed-by-mistake');
    // The same answer for a wrong password and an unknown account.
    expect(wrong.errors![0]).toEqual(unknown.errors![0]);
    expect(wrong.errors![0]).toMatchObject({ message: 'The email or password is wrong', extensions: { code: 'UNAUTHENTICATED' } });
    await gqlFrom(t(), '127.0.0.11', `mutation { logout }`, {}, { authorization: `Bearer ${ok.data!.login.token}` });

    const events = await since(start);
    expect(events.map((e: Event & { entity_type: string }) => [e.entity_type, e.action])).toEqual([
      ['Session', 'LOGIN'],
      ['Session', 'LOGIN_FAILED'],
      ['Session', 'LOGIN_FAILED'],
      ['Session', 'LOGOUT'],
    ]);
    expect(events[0]).toMatchObject({ actor_email: RESEARCHER, after: { address: '127.0.0.11' } });
    expect(events[1]).toMatchObject({ actor_email: RESEARCHER, after: { address: '127.0.0.11', cause: 'wrong password' } });
    expect(events[2]).toMatchObject({ entity_id: 'unknown', actor_email: null, after: { address: '127.0.0.11' } });
    const stored = JSON.stringify(await t().db.dataSource.query(`SELECT * FROM audit_event WHERE id > $1`, [start]));
    for (const secret of ['not-the-password-1', 'secret-typed-by-mistake', 'nobody.here', DEMO_PASSWORD]) expect(stored).not.toContain(secret);

    // The admin's Audit log finds them by action and by record type.
    expect((await log({ action: 'LOGIN', actorEmail: 'researcher' })).length).toBeGreaterThanOrEqual(1);
    expect((await log({ action: 'LOGIN_FAILED' })).map((e) => e.entityId)).toEqual(expect.arrayContaining(['unknown']));
    const sessions = await log({ entityType: 'Session', actorEmail: 'researcher' });
    expect(new Set(sessions.map((e) => e.action))).toEqual(new Set(['LOGIN', 'LOGIN_FAILED', 'LOGOUT']));
  });

  it('checks a password hash for unknown emails too, so sign-in costs the same', async () => {
    const auth = t().app.get(AuthService);
    const passwords = t().app.get(Passwords);
    const spy = jest.spyOn(passwords, 'argon2Verify');
    const attempt = async (email: string, i: number) => {
      const started = process.hrtime.bigint();
      await auth.login(email, 'wrong-password-for-timing', `127.0.1.${i}`).catch(() => undefined);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, each from its own address so that no throttling gets in the way.
    for (let i = 0; i < 20; i++) {
      known.push(await attempt(HEAD_NORTH, i));
      unknown.push(await attempt(`nobody${i}@demo.registry`, 100 + i));
    }
    expect(spy).toHaveBeenCalledTimes(40);
    for (const [hashed] of spy.mock.calls) expect(hashed).toMatch(/^\$argon2id\$/);
    spy.mockRestore();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const [a, b] = [median(known), median(unknown)];
    // Generous: on a busy machine the two drift a little, but not by a whole hash (about 30 ms).
    expect(Math.abs(a - b)).toBeLessThanOrEqual(0.3 * Math.max(a, b) + 5);
  });

  it('does not let failures from one address stop the user signing in from another, nor trust X-Forwarded-For', async () => {
    const start = await newest();
    const attacker = '127.0.0.21';
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      // The attacker also claims to be the user's address: ignored, TRUST_PROXY is not set.
      const r = await signIn(t(), attacker, COORD_NORTH, `guess-number-${i}`, { 'x-forwarded-for': '127.0.0.22' });
      codes.push(r.errors![0].extensions!.code);
    }
    // Three tries, then growing waits: the rest are refused without a password check.
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(45);
    // Even the right password waits, from the attacker's address.
    const blocked = await signIn(t(), attacker, COORD_NORTH, DEMO_PASSWORD);
    expect(blocked.errors![0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringMatching(/try again in \d+ seconds?/) });
    // The user, from their own address, is not locked out.
    const user = await signIn(t(), '127.0.0.22', COORD_NORTH, DEMO_PASSWORD);
    expect(user.errors).toBeUndefined();
    expect(user.data!.login.token).toBeTruthy();

    const events = await since(start);
    const failures = events.filter((e: Event) => e.action === 'LOGIN_FAILED');
    const lockouts = events.filter((e: Event) => e.action === 'LOCKOUT');
    expect(failures).toHaveLength(3);
    expect(failures.every((e: Event) => e.after!.address === attacker)).toBe(true);
    // A lockout is recorded once per wait, not once per refused attempt.
    expect(lockouts.length).toBeGreaterThanOrEqual(1);
    expect(lockouts.length).toBeLessThanOrEqual(2);
    expect(lockouts[0]).toMatchObject({ actor_email: COORD_NORTH, after: { address: attacker } });
    expect(events.filter((e: Event) => e.action === 'LOGIN').map((e: Event) => e.after!.address)).toEqual(['127.0.0.22']);
  });

  it('limits failures per address across accounts, and answers the same for accounts that do not exist', async () => {
    const from = '127.0.0.31';
    const answers: string[] = [];
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      // Known accounts (twice each, under the per-account delay) and unknown ones.
      const known = [RESEARCHER, 'head.south@demo.registry', 'coordinator.south@demo.registry', 'coordinator.central@demo.registry', ADMIN];
      const email = i < 2 * known.length ? known[i % known.length] : `user${i}@demo.registry`;
      answers.push((await signIn(t(), from, email, `wrong-${i}-password`)).errors![0].extensions!.code);
    }
    expect(new Set(answers)).toEqual(new Set(['UNAUTHENTICATED']));
    for (const email of ['head.central@demo.registry', 'never.existed@demo.registry']) {
      const r = await signIn(t(), from, email, DEMO_PASSWORD);
      expect(r.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    }
    expect((await signIn(t(), '127.0.0.32', 'head.central@demo.registry', DEMO_PASSWORD)).data!.login.token).toBeTruthy();
  });
});

describeEachDatabase('reads that return identifiers are audited, once per request', (t) => {
  const PAGE = `query($f: PatientFilterInput) { patients(first: 5, filter: $f) { edges { node { id registryNumber identifiers { mrn familyName givenName dateOfBirth } } } } }`;
  const NO_IDS = `{ patients(first: 5) { edges { node { id registryNumber sex } } } }`;
  const reads = async (after: number) =>
    t().db.dataSource.query(`SELECT entity_id, actor_email, site_id, after FROM audit_event WHERE action = 'READ' AND id > $1 ORDER BY id`, [after]);
  const newest = async () => Number((await t().db.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_event`))[0].id);

  it('writes one event listing the patients whose identifiers a page returned', async () => {
    const coordinator = await t().login(COORD_NORTH);
    const start = await newest();
    const r = await t().gql<{ patients: { edges: { node: { id: string; registryNumber: string; identifiers: unknown } }[] } }>(PAGE, {}, coordinator);
    const nodes = r.data!.patients.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => n.identifiers)).toBe(true);
    const events = await reads(start);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: '5 patients', actor_email: COORD_NORTH, after: { returned: 'identifiers' } });
    expect([...events[0].after.patientIds].sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(events[0].after.registryNumbers).toEqual(nodes.map((n) => n.registryNumber).sort());
    expect(events[0].site_id).toBeTruthy();
  });

  it('audits patient(id) with identifiers and a name search, and nothing for de-identified reads', async () => {
    const coordinator = await t().login(COORD_NORTH);
    const [p] = await t().db.dataSource.query(
      `SELECT p.id, i.family_name FROM patient p JOIN patient_identifier i ON i.patient_id = p.id JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH' ORDER BY p.registry_number LIMIT 1`,
    );
    let start = await newest();
    await t().gql(`query($id: ID!) { patient(id: $id) { registryNumber identifiers { mrn } } }`, { id: p.id }, coordinator);
    expect(await reads(start)).toEqual([expect.objectContaining({ entity_id: p.id, actor_email: COORD_NORTH })]);

    start = await newest();
    const found = await t().gql<{ patients: { edges: { node: { id: string } }[] } }>(
      `query($f: PatientFilterInput) { patients(first: 50, filter: $f) { edges { node { id } } } }`,
      { f: { name: p.family_name } },
      coordinator,
    );
    const ids = found.data!.patients.edges.map((e) => e.node.id);
    expect(ids).toContain(p.id);
    const search = await reads(start);
    expect(search).toHaveLength(1);
    expect(search[0].after).toMatchObject({ returned: 'name search' });
    expect([...search[0].after.patientIds].sort()).toEqual([...ids].sort());

    // Without identifiers, and for researchers and department heads: no event.
    start = await newest();
    await t().gql(NO_IDS, {}, coordinator);
    await t().gql(PAGE, {}, await t().login(RESEARCHER));
    await t().gql(`query($id: ID!) { patient(id: $id) { registryNumber identifiers { mrn } } }`, { id: p.id }, await t().login(RESEARCHER));
    await t().gql(`{ cohortSize { groups { n } } }`, {}, await t().login(HEAD_NORTH));
    expect(await reads(start)).toEqual([]);
  });

  it('finds identifier reads in the audit log by action and record type', async () => {
    const r = await t().gql<{ auditLog: Event[] }>(LOG, { action: 'READ', entityType: 'PatientIdentifier' }, await t().login(ADMIN));
    expect(r.data!.auditLog.length).toBeGreaterThanOrEqual(3);
    expect(r.data!.auditLog.every((e) => e.action === 'READ' && e.entityType === 'PatientIdentifier')).toBe(true);
  });

  it('withholds the answer when its event cannot be written', async () => {
    const coordinator = await t().login(COORD_NORTH);
    await t().db.dataSource.query(`REVOKE INSERT ON audit_event FROM registry_api`);
    try {
      const r = await t().gql(PAGE, {}, coordinator);
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/audit event could not be recorded/) });
      expect(JSON.stringify(r)).not.toMatch(/familyName|mrn/);
    } finally {
      await t().db.dataSource.query(`GRANT INSERT ON audit_event TO registry_api`);
    }
  });

  it("audits both exports: a cohort (de-identified) and a site's records with identifiers", async () => {
    const start = await newest();
    const coordinator = await t().login(COORD_NORTH);
    for (const path of ['/api/export/assessments.csv?format=long', '/api/export/records/patients.csv']) {
      const res = await fetch(`${t().url}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
      expect(res.status).toBe(200);
      await res.text();
    }
    const r = await t().gql<{ auditLog: Event[] }>(LOG, { action: 'EXPORT', actorEmail: 'coordinator.north' }, await t().login(ADMIN));
    const exports = r.data!.auditLog.filter((e) => Number(e.id) > start);
    expect(exports.map((e) => e.entityId).sort()).toEqual(['assessments-long', 'records-patients']);
    expect(exports.every((e) => e.entityType === 'Export')).toBe(true);
  });
});

describe('behind a proxy named in TRUST_PROXY', () => {
  let app: TestApp;
  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    app = await startTestApp('embedded');
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await app?.close();
  });

  it("takes the client address from the proxy's X-Forwarded-For", async () => {
    // The header values are only text here: the requests come from this machine, the "proxy".
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await signIn(app, '127.0.0.1', HEAD_NORTH, `wrong-guess-${i}`, from('203.0.113.5'))).errors![0].extensions!.code);
    expect(codes).toContain('TOO_MANY_REQUESTS');
    const other = await signIn(app, '127.0.0.1', HEAD_NORTH, DEMO_PASSWORD, from('203.0.113.6'));
    expect(other.data!.login.token).toBeTruthy();
    const events = await app.db.dataSource.query(`SELECT action, after->>'address' AS address FROM audit_event WHERE entity_type = 'Session' ORDER BY id`);
    expect(events.filter((e: { action: string }) => e.action === 'LOGIN_FAILED').map((e: { address: string }) => e.address)).toEqual([
      '203.0.113.5',
      '203.0.113.5',
      '203.0.113.5',
    ]);
    expect(events.filter((e: { action: string }) => e.action === 'LOGIN').map((e: { address: string }) => e.address)).toContain('203.0.113.6');
  });
});
