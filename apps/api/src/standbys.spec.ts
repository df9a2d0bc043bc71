import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp, REGISTRY_SCHEMA } from '@vfr/api-app';
import { OpenDatabase, openDatabase, StandbyState } from '@vfr/api-database';
import { ADMIN, COORD_NORTH, HEAD_NORTH, StandbyCluster } from '@vfr/api-testing';
import { DEMO_PASSWORD, seedDemoRegistry } from '@vfr/seed';

// A real primary and two streaming hot standbys (PostgreSQL 15, pg_basebackup), the registry
// in front with DATABASE_REPLICA_URLS: only aggregates go to a standby, and only to one that is
// reachable and fresh; a standby down, hung or behind costs nothing but its share of the
// aggregates, and never a sign-in, a read after a write, or the start.

jest.setTimeout(120000);

const MAX_LAG = 2;
const AGGREGATE = '{ complicationRates { group category n } }';

describe('hot standbys behind the registry', () => {
  let cluster: StandbyCluster;
  let db: OpenDatabase;
  let app: INestApplication;
  let url: string;

  async function startApp(): Promise<{ db: OpenDatabase; app: INestApplication; url: string }> {
    const d = await openDatabase(
      {
        url: cluster.urlOf(cluster.primary),
        replicaUrls: cluster.standbys.map((s) => cluster.urlOf(s)),
        replicaMaxLagSeconds: MAX_LAG,
        dataDir: '',
        poolSize: 6,
      },
      REGISTRY_SCHEMA,
    );
    const a = await createApp(d, { logger: false, closeDatabaseOnShutdown: false });
    await a.listen(0, '127.0.0.1');
    return { db: d, app: a, url: `http://127.0.0.1:${(a.getHttpServer().address() as AddressInfo).port}` };
  }

  const post = async (base: string, query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { message: string }[]; extensions?: { asOf?: string } };
  };
  const login = async (email: string, base = url) => {
    const r = await post(base, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password: DEMO_PASSWORD } });
    if (!r.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token as string;
  };
  const standbyStates = async (base = url): Promise<StandbyState[]> =>
    ((await (await fetch(`${base}/health/standbys`)).json()) as { standbys: StandbyState[] }).standbys;
  const served = async () => (await standbyStates()).reduce((a, s) => a + s.served, 0);
  /** Waits until the registry's own checks see the standbys as `healthy` says. */
  const until = async (what: string, ok: (s: StandbyState[]) => boolean, ms = 15000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const s = await standbyStates();
      if (ok(s)) return s;
      if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    process.env.JWT_SECRET = 'a-test-secret-that-is-long-enough-for-the-rule-0123456789';
    process.env.REPLICA_MAX_LAG_SECONDS = String(MAX_LAG);
    cluster = await StandbyCluster.start(2);
    const setup = await openDatabase({ url: cluster.urlOf(cluster.primary), replicaUrls: [], dataDir: '', poolSize: 2 }, REGISTRY_SCHEMA);
    await setup.dataSource.runMigrations({ transaction: 'each' });
    await seedDemoRegistry(setup.dataSource, { patients: 60, seed: 3 });
    await setup.close();
    ({ db, app, url } = await startApp());
    await until('both standbys in use', (s) => s.every((x) => x.healthy));
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await cluster?.stop();
    delete process.env.REPLICA_MAX_LAG_SECONDS;
  });

  it('serves aggregates from the standbys, saying as of when, and nothing else from them', async () => {
    const head = await login(HEAD_NORTH);
    const before = await served();
    const r = await post(url, AGGREGATE, {}, head);
    expect(r.errors).toBeUndefined();
    expect(await served()).toBe(before + 1);
    const asOf = Date.parse(r.extensions!.asOf!);
    expect(Math.abs(Date.now() - asOf)).toBeLessThan((MAX_LAG + 5) * 1000);
    // Sign-in, the patients page and a record by id: the primary's, with no "as of".
    const coordinator = await login(COORD_NORTH);
    const list = await post(url, '{ patients(first: 5) { edges { node { id } } } }', {}, coordinator);
    expect(list.errors).toBeUndefined();
    expect(list.extensions?.asOf).toBeUndefined();
    expect(await served()).toBe(before + 1);
    await expect(fetch(`${url}/health/live`).then((x) => x.status)).resolves.toBe(200);
    await expect(fetch(`${url}/health/ready`).then((x) => x.status)).resolves.toBe(200);
  });

  it('reads a write at once while the standbys lag, and leaves a standby behind by more than REPLICA_MAX_LAG_SECONDS unused', async () => {
    for (const s of cluster.standbys) await cluster.sql(s, 'SELECT pg_wal_replay_pause()');
    try {
      const coordinator = await login(COORD_NORTH);
      const [site] = await cluster.sql<{ id: string }>(cluster.primary, `SELECT id FROM site WHERE code = 'NORTH'`);
      const created = await post(
        url,
        'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
        { i: { siteId: site.id, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN' } },
        coordinator,
      );
      expect(created.errors).toBeUndefined();
      const id = created.data.createPatient.id as string;
      const read = await post(url, 'query($id: ID!) { patient(id: $id) { id } }', { id }, coordinator);
      expect(read.data?.patient?.id).toBe(id);
      // Once the registry has measured them behind, the aggregates come from the primary.
      const states = await until('standbys measured behind', (s) => s.every((x) => !x.healthy));
      expect(states.every((s) => /behind the primary/.test(s.problem ?? ''))).toBe(true);
      const before = await served();
      const r = await post(url, AGGREGATE, {}, await login(HEAD_NORTH));
      expect(r.errors).toBeUndefined();
      expect(r.extensions?.asOf).toBeUndefined();
      expect(await served()).toBe(before);
    } finally {
      for (const s of cluster.standbys) await cluster.sql(s, 'SELECT pg_wal_replay_resume()');
    }
    await until('standbys caught up', (s) => s.every((x) => x.healthy));
  });

  it('signs in, reads and answers every aggregate with a standby killed, and starts with one down', async () => {
    cluster.kill(cluster.standbys[0]);
    const head = await login(HEAD_NORTH);
    const results = await Promise.all(Array.from({ length: 10 }, () => post(url, AGGREGATE, {}, head)));
    for (const r of results) expect(r.errors).toBeUndefined();
    for (let i = 0; i < 6; i++) await expect(login(i % 2 ? ADMIN : COORD_NORTH)).resolves.toMatch(/\./);
    const states = await until('standby 1 seen down', (s) => !s[0].healthy && s[1].healthy);
    expect(states[0].problem).toMatch(/unreachable/);

    // A second process, started while standby 1 is down, starts and serves.
    const started = Date.now();
    const second = await startApp();
    try {
      expect(Date.now() - started).toBeLessThan(10000);
      const r = await post(second.url, AGGREGATE, {}, await login(HEAD_NORTH, second.url));
      expect(r.errors).toBeUndefined();
    } finally {
      await second.app.close();
      await second.db.close();
    }
    await cluster.restart(cluster.standbys[0]);
    await until('standby 1 back', (s) => s.every((x) => x.healthy), 30000);
  });

  it('gives up a hung standby within seconds and answers from elsewhere', async () => {
    const head = await login(HEAD_NORTH);
    // Both standbys hang (their processes stopped, connections open): the aggregate must not wait
    // for its 60-second timeout.
    for (const s of cluster.standbys) cluster.freeze(s);
    try {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 4 }, () => post(url, AGGREGATE, {}, head)));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(15000);
      await until('hung standbys not used', (s) => s.every((x) => !x.healthy));
    } finally {
      for (const s of cluster.standbys) cluster.thaw(s);
    }
    await until('standbys back', (s) => s.every((x) => x.healthy), 30000);
  });
});
