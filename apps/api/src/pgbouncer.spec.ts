import { Client } from 'pg';
import { databaseConfigFromEnv, openDatabase, PreparedReads } from '@vfr/api-database';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import {
  ADMIN,
  COORD_NORTH,
  ensureTestApiLogin,
  http,
  pgbouncerBinary,
  PgBouncer,
  RESEARCHER,
  startPgBouncer,
  startTestApp,
  TestApp,
  testTargets,
} from '@vfr/api-testing';

// The API behind PgBouncer in transaction mode (docs/scaling.md): each transaction may run on
// another server connection, so the API may send no startup parameter PgBouncer refuses and may
// leave no session state behind. PgBouncer runs with 2 server connections for the app's pool of 6,
// so that concurrent requests share them.

const SERVER_CONNECTIONS = 2;
const APP_POOL = 6;

interface PoolRow {
  database: string;
  user: string;
  cl_active: number;
  sv_active: number;
  sv_idle: number;
  sv_used: number;
  sv_tested: number;
  sv_login: number;
  pool_mode: string;
}

// Skipped on a machine without PgBouncer; CI installs it, so there it fails instead.
const installed = pgbouncerBinary() !== undefined;
if (!installed) {
  describe('the API behind PgBouncer', () => {
    (process.env.CI && process.env.CI !== 'false' ? it : it.skip)('needs pgbouncer installed', () => {
      throw new Error('pgbouncer is not installed: this suite starts its own (apt-get install pgbouncer, as .ci/run does)');
    });
  });
}

for (const target of installed ? testTargets() : []) {
  describe(`the API behind PgBouncer in transaction mode [${target}]`, () => {
    let t: TestApp;
    let bouncer: PgBouncer | undefined;
    let login: { username: string; password?: string };

    beforeAll(async () => {
      t = await startTestApp(target, {
        connectApi: async (db) => {
          login = await ensureTestApiLogin(db);
          bouncer = await startPgBouncer(db, { poolSize: SERVER_CONNECTIONS, logins: [login] });
          // As a deployment configures it (docs/scaling.md): DATABASE_URL names PgBouncer, and
          // prepared statements are off, since PgBouncer 1.18 does not carry them between server connections.
          const config = databaseConfigFromEnv({ DATABASE_URL: bouncer.url(login), DB_POOL_SIZE: String(APP_POOL), DB_PREPARED_STATEMENTS: 'off' });
          return openDatabase(config, REGISTRY_SCHEMA);
        },
      });
    }, 120000);

    afterAll(async () => {
      try {
        await t?.close();
      } finally {
        await bouncer?.stop();
      }
    });

    /** The app's pool in PgBouncer's admin console. */
    async function appPool(): Promise<PoolRow> {
      const rows = await bouncer!.admin<PoolRow>('SHOW POOLS');
      const row = rows.find((r) => r.database === 'registry' && r.user === login.username);
      if (!row) throw new Error(`no pool of ${login.username} in ${JSON.stringify(rows)}`);
      return row;
    }

    it('signs in, writes, reads, aggregates, exports and imports, many requests at once over two server connections', async () => {
      const [coordinator, researcher, admin] = await Promise.all([t.login(COORD_NORTH), t.login(RESEARCHER), t.login(ADMIN)]);
      const [{ id: siteId }] = await t.db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
      const counts = async () =>
        (
          await t.db.dataSource.query(
            `SELECT (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM audit_event WHERE entity_type = 'Export')::int AS exports`,
          )
        )[0];
      const before = await counts();
      t.api.statements.reset();
      const ROUNDS = 3;
      const work = Array.from({ length: ROUNDS }, (_, i) => [
        t
          .gql(
            `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }`,
            {
              i: { siteId, registryNumber: `NORTH-PGB-${i}`, sex: 'FEMALE', birthYear: 1940 + i },
            },
            coordinator,
          )
          .then((r) => expect(r).toEqual({ data: { createPatient: { id: expect.any(String), registryNumber: `NORTH-PGB-${i}` } } })),
        t.gql(`{ patients(first: 5) { totalCount edges { node { id registryNumber } } } }`, {}, coordinator).then((r) => {
          expect(r.errors).toBeUndefined();
          expect(r.data!.patients.edges.length).toBeGreaterThan(0);
        }),
        t.gql(`{ complicationRates { group category events n } }`, {}, researcher).then((r) => {
          expect(r.errors).toBeUndefined();
          expect(r.data!.complicationRates.length).toBeGreaterThan(0);
        }),
        t.gql(`{ users { email } }`, {}, admin).then((r) => expect(r.errors).toBeUndefined()),
        http(t, `/api/export/assessments.csv?format=${i % 2 ? 'wide' : 'long'}`, researcher).then((r) => {
          expect(r.status).toBe(200);
          const lines = r.text.split('\n');
          expect(lines[0]).toMatch(/^registry_number,/);
          expect(lines.at(-1)).toBe(''); // ended, not cut short
          expect(lines.length).toBeGreaterThan(10);
        }),
        http(t, '/api/export/records/patients.csv', coordinator).then((r) => {
          expect(r.status).toBe(200);
          expect(r.text).toMatch(/^registry_number,/);
          expect(r.text).toContain('NORTH-');
        }),
        http(t, '/api/import/patients?commit=true', coordinator, `registry_number,site_code,sex,birth_year\nNORTH-PGB-IMP-${i},NORTH,MALE,1950\n`).then((r) => {
          expect(r.status).toBe(201);
          expect(r.json).toMatchObject({ committed: true, created: 1, issues: [] });
        }),
      ]).flat();
      await Promise.all(work);
      // The app's clients outnumbered the server connections they shared.
      const pool = await appPool();
      expect(Number(pool.cl_active)).toBeGreaterThan(SERVER_CONNECTIONS);
      const servers = [pool.sv_active, pool.sv_idle, pool.sv_used, pool.sv_tested, pool.sv_login].reduce((a, n) => a + Number(n), 0);
      expect(servers).toBeLessThanOrEqual(SERVER_CONNECTIONS);
      expect(pool.pool_mode).toBe('transaction');

      // Each round created a patient and imported one, and audited its two exports.
      expect(await counts()).toEqual({ patients: before.patients + 2 * ROUNDS, exports: before.exports + 2 * ROUNDS });
    }, 120000);

    it('leaves no setting behind on the shared server connections, and keeps the role default statement timeout', async () => {
      // What the requests above sent (all of it: the logger keeps 1,000 statements), one statement
      // at a time: nothing that outlives its transaction on a server connection another client
      // gets next (a SET without LOCAL, a session advisory lock, LISTEN, a named statement, a
      // cursor declared outside a transaction, a temporary table).
      const sent = t.api.statements.statements.flatMap((q) => q.split(';')).map((q) => q.trim());
      expect(t.api.statements.count).toBeLessThan(1000);
      expect(sent.length).toBeGreaterThan(50);
      const lasting = /^(SET|RESET)\s+(?!LOCAL\b|TRANSACTION\b)|set_config\([^)]*false\s*\)|pg_advisory_(un)?lock\(|^(LISTEN|PREPARE|DECLARE)\b|CREATE\s+TEMP/i;
      expect(sent.filter((q) => lasting.test(q))).toEqual([]);
      expect(sent).toContainEqual(expect.stringMatching(/^SET LOCAL statement_timeout/));
      // Every connection of the app's pool, through PgBouncer, onto whichever server connection:
      // the exports' SET LOCAL ended with their transactions.
      const runners = Array.from({ length: APP_POOL }, () => t.api.dataSource.createQueryRunner());
      try {
        const seen = await Promise.all(runners.map(async (r) => (await r.query('SHOW statement_timeout'))[0].statement_timeout));
        expect(new Set(seen)).toEqual(new Set(['1min']));
        // No client of the pool prepared a named statement (node-postgres notes each one it sends).
        const named = await Promise.all(
          runners.map(async (r) => {
            const client = (await r.connect()) as { connection: { parsedStatements: object; submittedNamedStatements?: object } };
            return [...Object.keys(client.connection.parsedStatements), ...Object.keys(client.connection.submittedNamedStatements ?? {})];
          }),
        );
        expect(named.flat()).toEqual([]);
        expect(t.api.reads.naming).toBe(false);
      } finally {
        await Promise.all(runners.map((r) => r.release()));
      }
      const servers = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND datname = current_database()`, [
        login.username,
      ]);
      expect(servers[0].n).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    });

    it("left on (the default), turns prepared statements off at PgBouncer's first refusal, every read answered right", async () => {
      // A deployment that did not set DB_PREPARED_STATEMENTS=off: its clients share the two server
      // connections, so a statement one prepared is soon missing where it runs next (or already
      // there from another client). The reads every request makes, many at once, each checked
      // against the same read straight to the database.
      const pooled = await openDatabase(databaseConfigFromEnv({ DATABASE_URL: bouncer!.url(login), DB_POOL_SIZE: String(APP_POOL) }), REGISTRY_SCHEMA);
      const warnings: string[] = [];
      const reads = new PreparedReads(pooled.dataSource, true, (m) => warnings.push(m));
      try {
        expect(pooled.reads.naming).toBe(true);
        const users: { id: string }[] = await t.db.dataSource.query(`SELECT id FROM app_user ORDER BY email`);
        const check = `SELECT role, site_id, email, active AND withdrawn_at IS NULL AS usable FROM app_user WHERE id = $1`;
        const page = `SELECT registry_number FROM patient WHERE registry_number > $1 ORDER BY registry_number LIMIT 3`;
        const numbers: { registry_number: string }[] = await t.db.dataSource.query(`SELECT registry_number FROM patient ORDER BY registry_number`);
        let rounds = 0;
        for (; rounds < 50 && reads.naming; rounds++) {
          await Promise.all(
            Array.from({ length: 12 }, async (_, i) => {
              if (i % 2) {
                const user = users[(rounds + i) % users.length];
                expect(await reads.query(check, [user.id])).toEqual(await t.db.dataSource.query(check, [user.id]));
              } else {
                const after = numbers[(rounds * 7 + i) % numbers.length].registry_number;
                expect(await reads.query(page, [after])).toEqual(await t.db.dataSource.query(page, [after]));
              }
            }),
          );
        }
        expect(reads.naming).toBe(false);
        expect(warnings).toEqual([expect.stringMatching(/refused a named prepared statement \((26000|42P05)\).*DB_PREPARED_STATEMENTS=off/)]);
        // And unnamed from then on: still right.
        expect(await reads.query(check, [users[0].id])).toEqual(await t.db.dataSource.query(check, [users[0].id]));
      } finally {
        await pooled.close();
      }
    }, 60000);

    it("is sent no startup parameter PgBouncer refuses, and answers PgBouncer's admin console", async () => {
      expect(bouncer!.log()).toMatch(new RegExp(`login attempt: db=registry user=${login.username}`));
      expect(bouncer!.log()).not.toMatch(/unsupported startup parameter/);
      expect(await appPool()).toMatchObject({ database: 'registry', user: login.username });
      // What the log would say had the API sent its timeout at the connection's start.
      const refused = new Client({ connectionString: bouncer!.url(login), statement_timeout: 60000 });
      await expect(refused.connect()).rejects.toThrow(/unsupported startup parameter: statement_timeout/);
      await refused.end().catch(() => undefined);
      expect(bouncer!.log()).toMatch(/unsupported startup parameter: statement_timeout/);
    });
  });
}
