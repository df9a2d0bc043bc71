import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import {
  ADMIN,
  describeEachDatabase,
  gqlFrom,
  GraphQLResponse,
  HEAD_NORTH,
  RESEARCHER,
  startAnotherApp,
  startTestApp,
  TestApp,
  testTargets,
} from '@vfr/api-testing';
import { DEMO_PASSWORD } from '@vfr/seed';
import { FREE_FAILURES } from './login-throttle';

// Several API processes on one database behave as one (docs/access-control.md): here two apps,
// each with its own memory and its own pool, on one database, as two processes behind a load
// balancer.

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token } }`;
const ME = `{ me { email } }`;
const SECRET = 'a-secret-shared-by-the-processes-32-characters';
const COORD = 'coordinator.north@demo.registry';

const signIn = (app: TestApp, from: string, email: string, password: string) => gqlFrom(app, from, LOGIN, { i: { email, password } });
const codeOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase('two API processes on one database', (t) => {
  let b: TestApp;
  beforeAll(async () => {
    b = await startAnotherApp(t());
  });
  afterAll(async () => {
    await b?.close();
  });
  const a = () => t();
  const tokenFor = async (app: TestApp, email: string) => (await app.gql(LOGIN, { i: { email, password: DEMO_PASSWORD } })).data!.login.token as string;
  const userId = async (email: string) => (await a().db.dataSource.query(`SELECT id, version FROM app_user WHERE email = $1`, [email]))[0];

  it('throttles failures spread over both as if one process took them all, and a success in one clears them in both', async () => {
    const from = '127.0.0.41';
    const wrong = (app: TestApp, i: number) => signIn(app, from, HEAD_NORTH, `wrong-guess-${i}`);
    const answers = [await wrong(a(), 1), await wrong(b, 2), await wrong(a(), 3), await wrong(b, 4), await wrong(a(), 5)];
    expect(answers.map(codeOf)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    expect(answers[3].errors![0].extensions!.retryAfterSeconds).toBe(1);
    expect(answers[4].errors![0].extensions!.retryAfterSeconds).toBe(1);
    // The first refusal is audited once, whichever process answered it.
    const lockouts = await a().db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'LOCKOUT' AND after->>'address' = $1`, [from]);
    expect(lockouts[0].n).toBe(1);

    await sleep(1100);
    expect(codeOf(await signIn(b, from, HEAD_NORTH, DEMO_PASSWORD))).toBe('OK');
    expect(await a().db.dataSource.query(`SELECT * FROM login_throttle_pair WHERE address = $1`, [from])).toEqual([]);
    // Process A starts afresh too: three free failures again, then a wait.
    const again = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) again.push(codeOf(await wrong(a(), 10 + i)));
    expect(again).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
  });

  it('loses no failure when both processes fail for the same account at once, and lets through no more than the rules allow', async () => {
    const from = '127.0.0.42';
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(i % 2 ? b : a(), from, RESEARCHER, `concurrent-guess-${i}`)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(FREE_FAILURES);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(12 - FREE_FAILURES);
    const [pair] = await a().db.dataSource.query(`SELECT failures FROM login_throttle_pair WHERE address = $1 AND account = $2`, [from, RESEARCHER]);
    expect(pair.failures).toBe(FREE_FAILURES);
    const [address] = await a().db.dataSource.query(`SELECT cardinality(failures) AS n FROM login_throttle_address WHERE address = $1`, [from]);
    expect(address.n).toBe(FREE_FAILURES);
    const [failed] = await a().db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'LOGIN_FAILED' AND after->>'address' = $1`, [
      from,
    ]);
    expect(failed.n).toBe(FREE_FAILURES);
  });

  it('ends a session in the other process at once when the user signs out', async () => {
    const token = await tokenFor(a(), COORD);
    expect((await b.gql(ME, {}, token)).data!.me.email).toBe(COORD);
    expect((await a().gql(`mutation { logout }`, {}, token)).data!.logout).toBe(true);
    const r = await b.gql(ME, {}, token);
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(/signed out/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it("ends a session in the other process at once when an admin resets the user's password or deactivates the user", async () => {
    const admin = await tokenFor(a(), ADMIN);
    const reset = await tokenFor(b, 'coordinator.south@demo.registry');
    expect((await b.gql(ME, {}, reset)).errors).toBeUndefined();
    const r = await a().gql(
      `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { temporaryPassword } }`,
      { i: { id: (await userId('coordinator.south@demo.registry')).id } },
      admin,
    );
    expect(r.errors).toBeUndefined();
    expect((await b.gql(ME, {}, reset)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const deactivated = await tokenFor(a(), 'head.central@demo.registry');
    expect((await a().gql(ME, {}, deactivated)).errors).toBeUndefined();
    const u = await userId('head.central@demo.registry');
    const d = await b.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { active } }`, { i: { id: u.id, version: u.version, active: false } }, admin);
    expect(d.data!.updateUser.active).toBe(false);
    const refused = await a().gql(ME, {}, deactivated);
    expect(refused.errors![0]).toMatchObject({ message: expect.stringMatching(/not active/), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to start a process without JWT_SECRET beside them, and any process without it in production', async () => {
    await expect(startAnotherApp(a(), { env: { JWT_SECRET: undefined } })).rejects.toThrow(
      /^JWT_SECRET is not set, and another API process serves this database \(pid \d+ on .+, last seen \d+ s ago\): .*Set the same JWT_SECRET on every API process/,
    );
    await expect(startAnotherApp(a(), { env: { JWT_SECRET: undefined, NODE_ENV: 'production' } })).rejects.toThrow(
      /^JWT_SECRET must be set when NODE_ENV=production: set it to a random text of at least 32 characters/,
    );
    // Both processes registered; the refused ones did not.
    const [{ n }] = await a().db.dataSource.query(`SELECT count(*)::int AS n FROM api_process`);
    expect(n).toBe(2);
  });
});

for (const target of testTargets()) {
  describe(`a process without JWT_SECRET [${target}]`, () => {
    let alone: TestApp;
    const others: TestApp[] = [];
    let closed = false;
    beforeAll(async () => {
      alone = await startTestApp(target, { env: { JWT_SECRET: undefined } });
    });
    afterAll(async () => {
      for (const o of others) await o.close();
      if (!closed) await alone?.app.close();
      await alone?.api.close();
      await alone?.db.close();
    });
    const register = (row: { host: string; pid: number; secondsAgo: number; randomSecret: boolean }) =>
      alone.db.dataSource.query(
        `INSERT INTO api_process (id, host, pid, process_started_at, random_secret, last_seen)
         VALUES (gen_random_uuid(), $1, $2, now() - interval '1 hour', $3, clock_timestamp() - $4 * interval '1 second')`,
        [row.host, row.pid, row.randomSecret, row.secondsAgo],
      );

    it('serves alone, and refuses a second process, with JWT_SECRET or without', async () => {
      expect((await alone.gql(ME, {}, await alone.login(RESEARCHER))).data!.me.email).toBe(RESEARCHER);
      await expect(startAnotherApp(alone, { env: { JWT_SECRET: SECRET } })).rejects.toThrow(
        /^Another API process serves this database without JWT_SECRET \(pid \d+ on .+\), signing with a random secret of its own .*set the same JWT_SECRET on it and on this one, and restart it/,
      );
      await expect(startAnotherApp(alone, { env: { JWT_SECRET: undefined } })).rejects.toThrow(/^JWT_SECRET is not set, and another API process/);
    });

    it('may start once the other has stopped, or when the other stopped without closing: gone from its host, or silent for 30 s', async () => {
      await alone.app.close();
      closed = true;
      expect(await alone.db.dataSource.query(`SELECT * FROM api_process`)).toEqual([]);
      // A process of another host last seen 40 s ago, and one of this host whose pid has ended.
      const ended = spawnSync(process.execPath, ['-e', '0']).pid;
      await register({ host: 'elsewhere.example', pid: 4242, secondsAgo: 40, randomSecret: false });
      await register({ host: os.hostname(), pid: ended, secondsAgo: 1, randomSecret: false });
      others.push(await startAnotherApp(alone, { env: { JWT_SECRET: undefined } }));
      const rows = await alone.db.dataSource.query(`SELECT host, pid, random_secret FROM api_process`);
      expect(rows).toEqual([{ host: os.hostname(), pid: process.pid, random_secret: true }]);

      // A process of another host seen a second ago is alive: a process without JWT_SECRET may not join it.
      // (The app's start takes its own seconds before it reads the row, so the age it reports is at least 1 s, not exactly 1.)
      await others.pop()!.close();
      await register({ host: 'elsewhere.example', pid: 4242, secondsAgo: 1, randomSecret: false });
      await expect(startAnotherApp(alone, { env: { JWT_SECRET: undefined } })).rejects.toThrow(/pid 4242 on elsewhere\.example, last seen [1-9] s ago/);
      others.push(await startAnotherApp(alone, { env: { JWT_SECRET: SECRET } }));
    });
  });
}
