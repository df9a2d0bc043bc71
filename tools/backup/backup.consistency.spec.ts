import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PoolClient } from 'pg';
import { openDatabase } from '@vfr/api-database';
import { openTestDatabase, TestDatabase } from '@vfr/api-testing';
import { seedDemoRegistry } from '@vfr/seed';
import { REGISTRY_SCHEMA } from '@vfr/api-app';
import { readBackup } from './backup.reader';
import { restoreBackup } from './backup.restore';
import { emptyDataDir, runCommand } from './backup.testing';
import { pgSource } from './backup.source';
import { writeBackup } from './backup.writer';

// Each write of the loop is one transaction, as the API's writes are: a site, a patient with a
// treatment there (so the analysis triggers run too), and the audit event that records them.
async function writeOne(db: TestDatabase, i: number): Promise<void> {
  await db.dataSource.transaction(async (m) => {
    const [site] = await m.query(`INSERT INTO site (code, name) VALUES ($1, $2) RETURNING id`, [`LOOP${i}`, `Loop site ${i}`]);
    const [patient] = await m.query(`INSERT INTO patient (site_id, registry_number, sex, birth_year) VALUES ($1, $2, 'FEMALE', 1950) RETURNING id`, [
      site.id,
      `LOOP-${i}`,
    ]);
    await m.query(`INSERT INTO treatment (patient_id, kind, start_date) VALUES ($1, 'CONSERVATIVE', '2025-01-01')`, [patient.id]);
    await m.query(`INSERT INTO audit_event (entity_type, entity_id, action, site_id, after) VALUES ('Site', $1, 'CREATE', $2, $3)`, [
      site.id,
      site.id,
      JSON.stringify({ code: `LOOP${i}` }),
    ]);
  });
}

describe('a backup while the registry is written', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vfr-consistency-'));
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    await seedDemoRegistry(db.dataSource, { patients: 1000, seed: 5 });
  }, 120000);

  afterAll(async () => {
    await db?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds one state that existed: the writes committed before its snapshot, none after, each whole', async () => {
    let committed = 0; // writes whose transaction has committed
    let stop = false;
    // Boxed, so that whatever the loop threw is thrown again as it was.
    let failure: { error: unknown } | undefined;
    const loop = (async () => {
      while (!stop) {
        await writeOne(db, committed);
        committed++;
      }
    })().catch((error: unknown) => (failure = { error }));
    const waitFor = async (n: number) => {
      while (committed < n) {
        if (failure) throw failure.error;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await waitFor(5);

    const file = path.join(work, 'during.vfrbackup');
    const atStart = committed;
    let atSnapshot = 0;
    const runner = db.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await writeBackup(pgSource(client, 'embedded'), file, {
        // The snapshot is taken: let 25 more writes commit before any table is read.
        onSnapshot: async () => {
          atSnapshot = committed;
          await waitFor(atSnapshot + 25);
        },
      });
    } finally {
      await runner.release();
    }
    stop = true;
    await loop;
    const final = committed;

    const header = await readBackup(file);
    const rows = (t: string) => header.tables.find((x) => x.name === t)!.rows;
    const target = emptyDataDir();
    try {
      await restoreBackup(file, { replicaUrls: [], dataDir: target, poolSize: 2 }, REGISTRY_SCHEMA);
      const restored = await openDatabase({ replicaUrls: [], dataDir: target, poolSize: 2 }, REGISTRY_SCHEMA);
      try {
        const q = (sql: string) => restored.dataSource.query(sql);
        const loops: { code: string }[] = await q(`SELECT code FROM site WHERE code LIKE 'LOOP%' ORDER BY substr(code, 5)::int`);
        const k = loops.length;
        // The writes committed before the snapshot, and none of the 25 made after it.
        expect(k).toBeGreaterThanOrEqual(atStart);
        expect(k).toBeLessThanOrEqual(atSnapshot + 1);
        expect(final).toBeGreaterThan(k + 20);
        expect(loops.map((l) => l.code)).toEqual(Array.from({ length: k }, (_, i) => `LOOP${i}`));
        // Every write whole: its site, patient, treatment, analysis row and audit event, or none.
        const [agree] = await q(`
          SELECT (SELECT count(*) FROM patient WHERE registry_number LIKE 'LOOP-%')::int AS patients,
                 (SELECT count(*) FROM treatment t JOIN patient p ON p.id = t.patient_id WHERE p.registry_number LIKE 'LOOP-%')::int AS treatments,
                 (SELECT count(*) FROM analysis_patient WHERE registry_number LIKE 'LOOP-%')::int AS analysis,
                 (SELECT count(*) FROM audit_event a JOIN site s ON s.id::text = a.entity_id WHERE a.entity_type = 'Site' AND s.code LIKE 'LOOP%')::int AS audited,
                 (SELECT count(*) FROM audit_event WHERE entity_type = 'Site')::int AS audit_events`);
        expect(agree).toEqual({ patients: k, treatments: k, analysis: k, audited: k, audit_events: k });
        // The header counts that state too.
        expect(rows('site')).toBe(3 + k);
        expect(rows('patient')).toBe(1000 + k);
        expect(rows('analysis_patient')).toBe(1000 + k);
        expect(rows('audit_event')).toBe(1 + k);
        const [seq] = await q(`SELECT last_value::int AS v FROM audit_event_id_seq`);
        const [max] = await q(`SELECT max(id)::int AS v FROM audit_event`);
        expect(seq.v).toBeGreaterThanOrEqual(max.v);
      } finally {
        await restored.close();
      }
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  }, 120000);

  it('works from another process while this one holds the embedded database and writes', async () => {
    let stop = false;
    let i = 100000;
    const loop = (async () => {
      while (!stop) await writeOne(db, i++);
    })();
    const file = path.join(work, 'shared.vfrbackup');
    try {
      const r = await runCommand('backup', ['--out', file], { DATA_DIR: path.dirname(db.embedded!.clusterDir) });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      stop = true;
      await loop;
    }
    const header = await readBackup(file);
    const rows = (t: string) => header.tables.find((x) => x.name === t)!.rows;
    expect(rows('site') - 3).toBe(rows('audit_event') - 1);
    expect(rows('patient') - 1000).toBe(rows('site') - 3);
  }, 120000);
});
