import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AddressInfo } from 'node:net';
import { DatabaseConfig, openDatabase, OpenDatabase } from '@vfr/api-database';
import { openTestDatabase, RESEARCHER, TEST_JWT_SECRET, TestDatabase } from '@vfr/api-testing';
import { DEMO_PASSWORD, seedDemoRegistry } from '@vfr/seed';
import { REGISTRY_SCHEMA, createApp } from '@vfr/api-app';
import { readCatalog } from './backup.catalog';
import { readBackup } from './backup.reader';
import { Digests, digests, emptyDataDir, runCommand, scratchDatabase, ScratchDatabase } from './backup.testing';

// The figures a department head and a researcher read, asked through the API as the dashboard asks.
const FIGURES = [
  `{ cohortSize { total groups { group n suppressed } } }`,
  `{ outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper median q1 q3 nChange meanChange changeLower changeUpper suppressed } }`,
  `{ outcomeTrajectory(measure: ODI, grouping: PER_PROTOCOL) { group timePoint n mean lower upper suppressed } }`,
  `{ responderRates(definition: NRS_DROP_30_PERCENT) { group category events n rate lower upper suppressed } }`,
  `{ complicationRates { group category events n rate lower upper suppressed } }`,
  `{ survival(endpoint: PAIN_RELIEF) { logRankChiSquare logRankDf logRankP curves { group n events medianDays steps { day atRisk survival lower upper } } } }`,
  `{ characteristicsTable { variable summary maxAbsSmd values { group n count value sd suppressed } } }`,
];

/**
 * Figures to 12 significant digits: the rows are identical, but a sum of doubles depends on the
 * order the rows are scanned in, which a restore (rows arrive in key order) does not keep; means
 * and SDs then differ in their last bit or two.
 */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

async function figures(db: OpenDatabase): Promise<unknown[]> {
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  const app = await createApp(db, { logger: false, closeDatabaseOnShutdown: false });
  await app.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const post = async (query: string, variables?: unknown, token?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
    };
    // The restored users sign in with their passwords: the hashes came back too.
    const login = await post('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: RESEARCHER, password: DEMO_PASSWORD } });
    const token = (login.data?.login as { token: string } | undefined)?.token;
    expect(token).toBeDefined();
    const out = [];
    for (const q of FIGURES) {
      const r = await post(q, undefined, token);
      expect(r.errors).toBeUndefined();
      out.push(rounded(r.data));
    }
    return out;
  } finally {
    await app.close();
  }
}

function embedded(dataDir: string): DatabaseConfig {
  return { replicaUrls: [], dataDir, poolSize: 4 };
}

// embedded registry -> file -> PostgreSQL server (TEST_DATABASE_URL; without it a second
// embedded database) -> file -> a new embedded DATA_DIR, through the commands as a user runs them.
describe('backup and restore round trip', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-round-trip-'));
  let source: TestDatabase;
  let sourceDataDir: string;
  let server: ScratchDatabase | undefined;
  let middleDataDir: string | undefined;
  const finalDataDir = emptyDataDir();
  let before: Digests;
  let sourceFigures: unknown[];

  beforeAll(async () => {
    source = await openTestDatabase('embedded');
    sourceDataDir = path.dirname(source.embedded!.clusterDir);
    await seedDemoRegistry(source.dataSource, { patients: 300, seed: 11 });
    // Values COPY must escape, and rows the seed does not make: a saved cohort, withdrawn records,
    // audit events with before/after.
    await source.dataSource.query(
      `UPDATE patient_identifier SET family_name = E'Ünïcode \\\\ back\\tslash\\nnew \\u6f22\\u5b57', given_name = E'O''Brien \\\\N' WHERE patient_id = (SELECT min(patient_id::text)::uuid FROM patient_identifier)`,
    );
    await source.dataSource.query(
      `INSERT INTO saved_cohort (name, description, filter, owner_id, shared)
       SELECT 'Kyphoplasty over 70', E'a description\\nover two lines', '{"ageMin": 70, "treatmentKinds": ["KYPHOPLASTY"]}', id, true FROM app_user WHERE email = $1`,
      [RESEARCHER],
    );
    await source.dataSource.query(
      `UPDATE complication SET withdrawn_at = now(), withdrawn_reason = 'entered twice', notes = E'tab\\there' WHERE id = (SELECT min(id::text)::uuid FROM complication)`,
    );
    await source.dataSource.query(
      `INSERT INTO audit_event (entity_type, entity_id, action, before, after, reason) VALUES ('Complication', 'x', 'WITHDRAW', '{"notes": null}', '{"notes": "tab\\there"}', 'entered twice')`,
    );
    // The figures first: signing in to read them is itself an audit event (docs/access-control.md).
    sourceFigures = await figures(source);
    before = await digests(source.dataSource);
    if (process.env.TEST_DATABASE_URL) server = await scratchDatabase();
    else middleDataDir = emptyDataDir();
  }, 120000);

  afterAll(async () => {
    await source?.close();
    await server?.drop();
    for (const dir of [work, finalDataDir, middleDataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves every entity table, and the derived analysis table, found in the catalog in foreign-key order', async () => {
    const tables = (await readCatalog({ query: (sql, params) => source.dataSource.query(sql, params) })).tables.map((t) => t.name);
    for (const entity of source.dataSource.entityMetadatas) expect(tables).toContain(entity.tableName);
    expect(tables).toContain('analysis_patient');
    expect(tables).not.toContain('migrations');
    const at = (t: string) => tables.indexOf(t);
    expect(at('site')).toBeLessThan(at('patient'));
    expect(at('patient')).toBeLessThan(at('treatment'));
    expect(at('treatment')).toBeLessThan(at('assessment'));
    expect(at('fracture')).toBeLessThan(at('treated_level'));
    expect(at('app_user')).toBeLessThan(at('saved_cohort'));
  });

  it('goes from the running embedded registry to a file, to a server, to a file and to a new DATA_DIR with every row and figure identical', async () => {
    // 1. While this process holds the embedded database, as a running registry does.
    const first = path.join(work, 'first.vfrbackup');
    const b1 = await runCommand('backup', ['--out', first], { DATA_DIR: sourceDataDir });
    expect(b1.stderr).toBe('');
    expect(b1.code).toBe(0);
    expect(b1.stdout).toMatch(/Backed up the embedded database .* 300 patients/);
    expect(fs.statSync(first).mode & 0o777).toBe(0o600); // identifiers and password hashes inside
    const header = await readBackup(first);
    expect(Object.fromEntries(header.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]))).toEqual(before);
    expect(header.migrations.map((m) => m.name)).toEqual(
      (REGISTRY_SCHEMA.migrations as { name: string }[]).map((m) => new (m as unknown as new () => { name: string })().name),
    );
    expect(header.sequences.map((s) => s.name)).toEqual(['audit_event_id_seq', 'data_issue_id_seq']);

    // 2. Into the server (or a second embedded database), and out again.
    const middleEnv = server ? { DATABASE_URL: server.url } : { DATA_DIR: middleDataDir };
    const r1 = await runCommand('restore', [first], middleEnv);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/Restored .* 300 patients/);
    const second = path.join(work, 'second.vfrbackup');
    const b2 = await runCommand('backup', ['--out', second], middleEnv);
    expect(b2.code).toBe(0);

    // 3. Into a new embedded DATA_DIR.
    const r2 = await runCommand('restore', [second], { DATA_DIR: finalDataDir });
    expect(r2.stderr).toBe('');
    expect(r2.code).toBe(0);

    const middle = await openDatabase(server ? { url: server.url, replicaUrls: [], dataDir: '', poolSize: 4 } : embedded(middleDataDir!), REGISTRY_SCHEMA);
    try {
      expect(await digests(middle.dataSource)).toEqual(before);
    } finally {
      await middle.close();
    }
    const final = await openDatabase(embedded(finalDataDir), REGISTRY_SCHEMA);
    try {
      expect(await digests(final.dataSource)).toEqual(before);
      expect(await figures(final)).toEqual(sourceFigures);

      // The derived table came back as data; recomputed from the restored rows it is the same.
      const runner = final.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT analysis_refresh(ARRAY(SELECT id FROM patient))`);
        const recomputed = await runner.query(`SELECT md5(string_agg(a::text, '|' ORDER BY patient_id)) AS h FROM analysis_patient a`);
        const restored = await source.dataSource.query(`SELECT md5(string_agg(a::text, '|' ORDER BY patient_id)) AS h FROM analysis_patient a`);
        expect(recomputed).toEqual(restored);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }

      // The sequence continues after the restored audit events; the registry takes writes.
      const [{ max }] = await final.dataSource.query(`SELECT max(id)::int AS max FROM audit_event`);
      const [{ id }] = await final.dataSource.query(
        `INSERT INTO audit_event (entity_type, entity_id, action) VALUES ('Registry', 'restored', 'IMPORT') RETURNING id::int`,
      );
      expect(id).toBeGreaterThan(max);
      const [{ n }] = await final.dataSource.query(`SELECT count(*)::int AS n FROM migrations`);
      expect(n).toBe((REGISTRY_SCHEMA.migrations as unknown[]).length);
    } finally {
      await final.close();
    }
  }, 180000);
});
