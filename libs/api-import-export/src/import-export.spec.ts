import { IncomingHttpHeaders, request } from 'node:http';
import { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { QUERY_TIMEOUTS, QueryTimeouts } from '@vfr/api-database';
import {
  ADMIN,
  assertSeparateSessions,
  COORD_NORTH,
  COORD_SOUTH,
  describeEachDatabase,
  eventually,
  http,
  RESEARCHER,
  rowCounts,
  startTestApp,
  TestApp,
  testTargets,
} from '@vfr/api-testing';
import { QueryTimeoutError } from '@vfr/domain';
import { ExportService } from './export.service';
import { ImportKind, KINDS } from './import-kinds';

const KIND_ORDER = [ImportKind.PATIENTS, ImportKind.FRACTURES, ImportKind.TREATMENTS, ImportKind.ASSESSMENTS, ImportKind.COMPLICATIONS];

const upload = (t: TestApp, kind: string, token: string, body: string | Buffer, commit = false) =>
  http(t, `/api/import/${kind}${commit ? '?commit=true' : ''}`, token, { method: 'POST', body });

describeEachDatabase('CSV import', (t) => {
  let token: string;
  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
  });

  it('offers a template and a documented format per kind', async () => {
    for (const kind of KIND_ORDER) {
      const r = await http(t(), `/api/import/${kind}/template.csv`, token);
      expect(r.status).toBe(200);
      expect(r.text.split('\n')[0]).toBe(KINDS[kind].columns.map((c) => c.name).join(','));
      const doc = await http(t(), `/api/import/${kind}/format.md`, token);
      expect(doc.text).toContain(`| ${KINDS[kind].columns[0].name} | yes |`);
    }
  });

  it('dry-runs a file with a row-by-row report and writes nothing; a commit with a bad row writes nothing either', async () => {
    const csv = [
      'registry_number,site_code,sex,birth_year,bmi',
      'NORTH-IMP-1,NORTH,FEMALE,1944,23.5',
      'NORTH-IMP-2,NORTH,FEMALE,1944,95',
      'NORTH-IMP-3,NORTH,X,1950,',
      'NORTH-IMP-4,SOUTH,MALE,1950,',
    ].join('\n');
    const before = await rowCounts(t().db);
    const dry = await upload(t(), 'patients', token, csv);
    expect(dry.status).toBe(201);
    expect(dry.json).toMatchObject({ mode: 'DRY_RUN', rows: 4, created: 1, committed: false });
    expect(dry.json.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'bmi', rule: 'range' }),
      expect.objectContaining({ row: 4, column: 'sex', rule: 'enum' }),
      expect.objectContaining({ row: 5, column: 'site_code', rule: 'site' }),
    ]);
    const commit = await upload(t(), 'patients', token, csv, true);
    expect(commit.status).toBe(422);
    expect(commit.json.committed).toBe(false);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('commits a clean file in one transaction, audited once with the file hash, and adds nothing the second time', async () => {
    const patients =
      'registry_number,site_code,sex,birth_year,mrn,family_name,given_name,date_of_birth\nNORTH-IMP-10,NORTH,FEMALE,1941,MRN-I-10,Quist,Ada,1941-02-03\nNORTH-IMP-11,NORTH,MALE,1939,,,,\n';
    const fractures =
      'registry_number,level,onset_date,cause,genant_grade\nNORTH-IMP-10,L1,2024-01-10,OSTEOPOROTIC,2\nNORTH-IMP-10,L2,2024-01-10,OSTEOPOROTIC,1\nNORTH-IMP-11,T12,2024-02-01,TRAUMATIC,3\n';
    const treatments =
      'registry_number,kind,start_date,levels,cement_volumes_ml,cement_type,anaesthesia,approach,same_day_discharge,length_of_stay_days\n' +
      'NORTH-IMP-10,KYPHOPLASTY,2024-02-01,L1;L2,4.5;3.2,PMMA,LOCAL,BIPEDICULAR,true,0\nNORTH-IMP-11,CONSERVATIVE,2024-02-05,T12,,,,,,\n';
    const assessments =
      'registry_number,time_point,visit_date,status,nrs_rest,nrs_activity,odi\nNORTH-IMP-10,BASELINE,2024-01-31,DONE,7,8,60\nNORTH-IMP-10,M1,2024-03-01,DONE,2,3,30\nNORTH-IMP-11,M1,,MISSED,,,\n';
    const complications = 'registry_number,occurred_on,kind,symptomatic,leakage_type,resolved\nNORTH-IMP-10,2024-02-01,CEMENT_LEAKAGE,false,S,true\n';
    const files: [string, string, number][] = [
      ['patients', patients, 2],
      ['fractures', fractures, 3],
      ['treatments', treatments, 2],
      ['assessments', assessments, 3],
      ['complications', complications, 1],
    ];
    for (const [kind, csv, n] of files) {
      const r = await upload(t(), kind, token, csv, true);
      expect({ kind, status: r.status, issues: r.json.issues }).toEqual({ kind, status: 201, issues: [] });
      expect(r.json).toMatchObject({ committed: true, created: n, unchanged: 0 });
      expect(r.json.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const [p] = await t().db.dataSource.query(
      `SELECT p.id, i.mrn FROM patient p LEFT JOIN patient_identifier i ON i.patient_id = p.id WHERE registry_number = 'NORTH-IMP-10'`,
    );
    expect(p.mrn).toBe('MRN-I-10');
    const levels = await t().db.dataSource.query(
      `SELECT f.level, tl.cement_volume_ml FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE f.patient_id = $1 ORDER BY f.level`,
      [p.id],
    );
    expect(levels).toEqual([
      { level: 'L1', cement_volume_ml: 4.5 },
      { level: 'L2', cement_volume_ml: 3.2 },
    ]);
    const audits = await t().db.dataSource.query(`SELECT entity_id, after FROM audit_event WHERE entity_type = 'Import' AND action = 'IMPORT' ORDER BY id`);
    expect(audits).toHaveLength(5);
    expect(audits[0].after).toMatchObject({ kind: 'patients', created: 2 });

    const before = await rowCounts(t().db);
    for (const [kind, csv, n] of files) {
      const again = await upload(t(), kind, token, csv, true);
      expect(again.json).toMatchObject({ created: 0, unchanged: n, issues: [] });
    }
    expect((await rowCounts(t().db)).assessment).toBe(before.assessment);
    expect((await rowCounts(t().db)).patient).toBe(before.patient);
  });

  it('leaves the maintained cells compacted after a commit, one row per cell, so the overview sums no deltas', async () => {
    const db = t().db.dataSource;
    const cellRows = async () => {
      const [counts] = await db.query<{ rows: number; cells: number }[]>(
        `SELECT count(*)::int AS rows, count(DISTINCT (fig, site_id, quarter, grp, tp, val, cat))::int AS cells FROM analysis_cell`,
      );
      return counts;
    };
    // A visit of the day after their index treatment for NORTH's living patients: each refresh
    // appends its patient's differences to the cells.
    const patients = await db.query<{ registry_number: string; day: string }[]>(
      `SELECT p.registry_number, (min(t.start_date) + 1)::text AS day FROM patient p JOIN site s ON s.id = p.site_id AND s.code = 'NORTH'
         JOIN treatment t ON t.patient_id = p.id AND t.withdrawn_at IS NULL
        WHERE p.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM death d WHERE d.patient_id = p.id AND d.withdrawn_at IS NULL)
        GROUP BY p.registry_number ORDER BY p.registry_number`,
    );
    expect(patients.length).toBeGreaterThan(5);
    const csv = ['registry_number,time_point,visit_date,status,nrs_rest', ...patients.map((p) => `${p.registry_number},UNSCHEDULED,${p.day},DONE,2`)].join(
      '\n',
    );
    const r = await upload(t(), 'assessments', token, csv, true);
    expect(r.json).toMatchObject({ committed: true, created: patients.length, issues: [] });
    const after = await cellRows();
    expect(after.cells).toBeGreaterThan(50);
    expect(after.rows).toBe(after.cells);
  });

  it('checks visits against their treatment and refuses references to unknown patients', async () => {
    const r = await upload(
      t(),
      'assessments',
      token,
      'registry_number,time_point,visit_date,nrs_rest\nNORTH-IMP-10,M3,2024-01-01,3\nNOBODY-1,M3,2024-05-01,3\nNORTH-IMP-10,M6,2024-08-01,11\n',
    );
    expect(r.json.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'visit_date', rule: 'window' }),
      expect.objectContaining({ row: 3, column: 'registry_number', rule: 'exists' }),
      expect.objectContaining({ row: 4, column: 'nrs_rest', rule: 'range' }),
    ]);
  });

  it("refuses a row whose visit lies outside its time point's window, with the row, the column and the window, writing nothing", async () => {
    // NORTH-IMP-10's treatment started on 2024-02-01 (imported above).
    const before = await rowCounts(t().db);
    const csv =
      'registry_number,time_point,visit_date,status,nrs_rest\n' +
      'NORTH-IMP-10,M24,2024-02-13,DONE,3\n' + // day 12: between W1 and M1
      'NORTH-IMP-10,UNSCHEDULED,2024-02-13,DONE,3\n' + // the same day, unscheduled: fine
      'NORTH-IMP-10,M3,2024-05-01,DONE,3\n' + // day 90: in its window
      'NORTH-IMP-10,M6,2024-01-20,MISSED,\n' + // not done, but dated before the treatment
      'NORTH-IMP-10,M12,,MISSED,\n'; // not done, no date: nothing to place
    const r = await upload(t(), 'assessments', token, csv, true);
    expect(r.json.committed).toBe(false);
    expect(r.json.issues).toEqual([
      { row: 2, column: 'visit_date', label: 'Visit date', rule: 'window', message: expect.stringContaining('visit_date 2024-02-13 is day 12') },
      expect.objectContaining({ row: 5, column: 'visit_date', rule: 'notBeforeTreatment' }),
    ]);
    expect(r.json.issues[0].message).toContain('outside the window of M24, days 640 to 820 (2025-11-02 to 2026-05-01)');
    expect(r.json.issues[0].message).toContain('record it as UNSCHEDULED');
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('keeps a coordinator to its own site', async () => {
    const south = await t().login(COORD_SOUTH);
    const r = await upload(t(), 'assessments', south, 'registry_number,time_point,status\nNORTH-IMP-10,M6,MISSED\n');
    expect(r.json.issues[0]).toMatchObject({ row: 2, column: 'registry_number', rule: 'exists' });
    const researcher = await t().login(RESEARCHER);
    expect((await upload(t(), 'assessments', researcher, 'registry_number,time_point\n')).json.error.code).toBe('FORBIDDEN');
  });

  it.each([
    ['semicolons', Buffer.from('registry_number;time_point;status\nNORTH-IMP-10;M6;MISSED\n'), 'delimiter', /separated by semicolons/],
    ['no header', Buffer.from('NORTH-IMP-10,M6,,MISSED\n'), 'header', /header/],
    ['Latin-1 bytes', Buffer.from([...Buffer.from('registry_number,time_point\nNORTH-IMP-10,M6\n'), 0xe9, 0x0a]), 'encoding', /UTF-8/],
    ['an empty file', Buffer.from(''), 'required', /empty/],
    ['an unknown column', Buffer.from('registry_number,time_point,shoe_size\nNORTH-IMP-10,M6,42\n'), 'unknown', /shoe_size/],
    ['a broken quote', Buffer.from('registry_number,time_point\n"NORTH-IMP-10,M6\n'), 'format', /well-formed/],
  ])('refuses a file with %s, clearly, writing nothing', async (_label, body, rule, message) => {
    const before = await rowCounts(t().db);
    const r = await upload(t(), 'assessments', token, body, true);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BAD_USER_INPUT');
    expect(r.json.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ rule })]));
    expect(r.json.error.message).toMatch(message);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('refuses a 200 MB file without reading it', async () => {
    // Announce 200 MB but send only the first 64 KB: the answer must come from the headers alone.
    const before = await rowCounts(t().db);
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${t().url}/api/import/assessments?commit=true`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(200 * 1024 * 1024) },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text: body });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 'a'));
    });
    expect(status).toBe(413);
    expect(text).not.toMatch(/at .*\.js:\d+|node_modules/);
    expect(await rowCounts(t().db)).toEqual(before);
  });
});

describeEachDatabase('exports', (t) => {
  it('exports a cohort in long format, de-identified, one row per visit, audited', async () => {
    const token = await t().login(RESEARCHER);
    // One death among the exported patients, so that its day is exported too.
    await t().db.dataSource.query(`
      INSERT INTO death (patient_id, died_on, cause, source)
      SELECT patient_id, index_date + 400, 'CARDIOVASCULAR', 'DEATH_REGISTRY' FROM analysis_patient
      WHERE first_kind = 'KYPHOPLASTY' AND consent_status = 'GIVEN' AND death_on IS NULL ORDER BY patient_id LIMIT 1`);
    const cohort = encodeURIComponent(JSON.stringify({ treatmentKinds: ['VERTEBROPLASTY', 'KYPHOPLASTY'] }));
    const r = await http(t(), `/api/export/assessments.csv?format=long&cohort=${cohort}`, token);
    expect(r.status).toBe(200);
    const lines = r.text.trim().split('\n');
    expect(lines[0]).toMatch(/^registry_number,site,sex,age_at_index,first_treatment,treatment_received,/);
    expect(r.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const [{ n }] = await t().db.dataSource.query(`
      SELECT count(*)::int AS n FROM assessment a JOIN LATERAL (SELECT t.id, t.kind FROM treatment t WHERE t.patient_id = a.patient_id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) idx ON idx.id = a.treatment_id
      WHERE a.withdrawn_at IS NULL AND idx.kind IN ('VERTEBROPLASTY', 'KYPHOPLASTY')`);
    expect(lines.length - 1).toBe(n);
    const header = lines[0].split(',');
    for (const line of lines.slice(1)) expect(['VERTEBROPLASTY', 'KYPHOPLASTY']).toContain(line.split(',')[header.indexOf('first_treatment')]);
    const [audit] = await t().db.dataSource.query(`SELECT actor_email, after FROM audit_event WHERE entity_type = 'Export' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor_email: RESEARCHER, after: { format: 'long', cohort: { treatmentKinds: ['VERTEBROPLASTY', 'KYPHOPLASTY'] } } });
    // The follow-up columns the analyses use, as days: a researcher can redo them from the file.
    const kept: { registry_number: string; death_day: number | null; follow_up_end_day: number; crossover_day: number | null }[] =
      await t().db.dataSource.query(
        `SELECT registry_number, death_day, follow_up_end_day, crossover_day FROM analysis_patient WHERE first_kind IN ('VERTEBROPLASTY', 'KYPHOPLASTY') AND consent_status = 'GIVEN'`,
      );
    const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)];
    const day = (v: number | null) => (v === null ? '' : String(v));
    for (const line of lines.slice(1)) {
      const p = kept.find((k) => k.registry_number === cell(line, 'registry_number'))!;
      expect([cell(line, 'death_day'), cell(line, 'follow_up_end_day'), cell(line, 'crossover_day')]).toEqual([
        day(p.death_day),
        day(p.follow_up_end_day),
        day(p.crossover_day),
      ]);
    }
    expect(kept.some((k) => k.death_day !== null)).toBe(true);
  });

  it('exports wide format, one row per patient, with a data dictionary naming every column', async () => {
    const token = await t().login(RESEARCHER);
    const r = await http(t(), `/api/export/assessments.csv?format=wide`, token);
    const lines = r.text.trim().split('\n');
    const [{ n }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM patient p WHERE withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM treatment t WHERE t.patient_id = p.id)`,
    );
    expect(lines.length - 1).toBe(n);
    const dictionary = await http(t(), `/api/export/dictionary.csv?format=wide`, token);
    const described = dictionary.text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(described).toEqual(lines[0].split(','));
    const bad = await http(t(), `/api/export/assessments.csv?format=tall`, token);
    expect(bad.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    const badCohort = await http(t(), `/api/export/assessments.csv?cohort=${encodeURIComponent('{"ageMin": -4}')}`, token);
    expect(badCohort.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ageMin' });
  });

  it('gives a coordinator only its own site', async () => {
    const r = await http(t(), `/api/export/assessments.csv?format=wide`, await t().login(COORD_SOUTH));
    const sites = new Set(
      r.text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    expect([...sites]).toEqual(['SOUTH']);
  });
});

// Export a site in the import format, import it into an empty registry: the same figures come out.
for (const target of testTargets()) {
  describe(`import round trip [${target}]`, () => {
    let source: TestApp;
    let empty: TestApp;
    beforeAll(async () => {
      source = await startTestApp(target, { patients: 60 });
      empty = await startTestApp(target, { patients: 0 });
    });
    afterAll(async () => {
      await source?.close();
      await empty?.close();
    });

    it("reproduces the site's patients, visits and their figures", async () => {
      const from = await source.login(COORD_NORTH);
      const to = await empty.login(COORD_NORTH);
      // The empty registry has its own site ids; the export carries site codes.
      for (const kind of KIND_ORDER) {
        const exported = await http(source, `/api/export/records/${kind}.csv`, from);
        expect(exported.status).toBe(200);
        const r = await upload(empty, kind, to, exported.text, true);
        expect({ kind, issues: r.json.issues?.slice(0, 3) }).toEqual({ kind, issues: [] });
        expect(r.json.committed).toBe(true);
      }
      const figures = (t: TestApp) =>
        t.db.dataSource.query(`
        SELECT idx.kind, a.time_point, count(*)::int AS n, round(avg(a.nrs_activity)::numeric, 6)::text AS mean_nrs, round(avg(a.odi)::numeric, 6)::text AS mean_odi
        FROM assessment a JOIN patient p ON p.id = a.patient_id JOIN site s ON s.id = p.site_id AND s.code = 'NORTH'
        JOIN LATERAL (SELECT t.kind FROM treatment t WHERE t.patient_id = p.id ORDER BY t.start_date LIMIT 1) idx ON true
        GROUP BY idx.kind, a.time_point ORDER BY 1, 2`);
      const expected = await figures(source);
      expect(expected.length).toBeGreaterThan(5);
      expect(await figures(empty)).toEqual(expected);
      const counts = (t: TestApp) =>
        t.db.dataSource.query(`
        SELECT (SELECT count(*) FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH')::int AS patients,
               (SELECT count(*) FROM complication c JOIN patient p ON p.id = c.patient_id JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH')::int AS complications,
               (SELECT count(*) FROM treated_level tl JOIN treatment t ON t.id = tl.treatment_id JOIN patient p ON p.id = t.patient_id JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH')::int AS levels`);
      expect(await counts(empty)).toEqual(await counts(source));
      const admin = await source.login(ADMIN);
      expect((await http(source, `/api/export/records/patients.csv`, admin)).status).toBe(200);
    });
  });
}

/** A GET read to its end, saying whether the whole response arrived (a cut-off transfer does not). */
function download(t: TestApp, path: string, token: string): Promise<{ status: number; complete: boolean; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('error', () => undefined); // "aborted": seen below as an incomplete response
      res.on('close', () => resolve({ status: res.statusCode ?? 0, complete: res.complete, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

// An export that stops moving ends with an error and lets go of its connection; a download that
// fails after it has begun is cut off, never ended as if it were complete.
for (const target of testTargets()) {
  describe(`a stuck export [${target}]`, () => {
    let t: TestApp;
    let pool: Pool;
    const EXPORT = '/api/export/assessments.csv?format=long';
    beforeAll(async () => {
      process.env.AGGREGATE_TIMEOUT_MS = '300';
      try {
        t = await startTestApp(target);
      } finally {
        delete process.env.AGGREGATE_TIMEOUT_MS;
      }
      await assertSeparateSessions(t.db.dataSource);
      pool = (t.api.dataSource.driver as unknown as { master: Pool }).master; // the app's pool
    });
    afterAll(async () => {
      await t?.close();
    });

    /** Runs `body` while another connection holds an exclusive lock on the assessments. */
    async function whileLocked<T>(body: () => Promise<T>): Promise<T> {
      const holder = t.db.dataSource.createQueryRunner();
      await holder.connect();
      await holder.query('BEGIN; LOCK TABLE assessment IN ACCESS EXCLUSIVE MODE');
      try {
        return await body();
      } finally {
        await holder.query('ROLLBACK');
        await holder.release();
      }
    }

    /** The statement timeout of every connection of the app's pool (its role's default: 1min). */
    async function statementTimeoutsInPool(): Promise<string[]> {
      const runners = Array.from({ length: pool.options.max }, () => t.api.dataSource.createQueryRunner());
      try {
        return await Promise.all(runners.map(async (r) => (await r.query('SHOW statement_timeout'))[0].statement_timeout));
      } finally {
        await Promise.all(runners.map((r) => r.release()));
      }
    }

    it('stops a read stuck behind a lock at the statement timeout, with a clear error, and leaves the pool healthy', async () => {
      const token = await t.login(RESEARCHER);
      const started = Date.now();
      const stuck = await whileLocked(() => download(t, EXPORT, token));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(stuck).toMatchObject({ status: 503, complete: true });
      expect(JSON.parse(stuck.body).error).toEqual({
        code: 'QUERY_TIMEOUT',
        message: 'The export took too long: the database did not answer in time. Try a narrower cohort or again later',
      });
      expect(stuck.headers['content-disposition']).toBeUndefined();

      const again = await download(t, EXPORT, token);
      expect(again).toMatchObject({ status: 200, complete: true });
      expect(again.body.trim().split('\n').length).toBeGreaterThan(10);
      // No connection kept the export's short timeout.
      await eventually(() => pool.idleCount === pool.totalCount);
      expect(new Set(await statementTimeoutsInPool())).toEqual(new Set(['1min']));
    });

    it('gives up on an export the database does not answer at its deadline, and closes its connection', async () => {
      const token = await t.login(RESEARCHER);
      // A server timeout far longer than the deadline: only the client can end this wait.
      const timeouts = t.app.get<QueryTimeouts>(QUERY_TIMEOUTS);
      const saved = { ...timeouts };
      Object.assign(timeouts, { statementMs: 20_000, deadlineMs: 300 });
      const removed: PoolClient[] = [];
      const onRemove = (c: PoolClient) => removed.push(c);
      pool.on('remove', onRemove);
      let stuckPid: number | undefined;
      try {
        const started = Date.now();
        const stuck = await whileLocked(async () => {
          const answer = download(t, EXPORT, token);
          await eventually(async () => {
            [{ pid: stuckPid } = { pid: undefined }] = await t.db.dataSource.query(
              `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            );
            return stuckPid !== undefined;
          });
          return answer;
        });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(stuck.status).toBe(503);
        expect(JSON.parse(stuck.body).error.code).toBe('QUERY_TIMEOUT');
        expect(removed).toHaveLength(1);
      } finally {
        Object.assign(timeouts, saved);
        pool.off('remove', onRemove);
      }
      // Its server process, once it had the lock, found the socket closed and ended.
      await eventually(async () => (await t.db.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stuckPid])).length === 0);
      expect((await download(t, EXPORT, token)).status).toBe(200);
    });

    it('cuts off a download that fails after it has begun, and answers with the error one that fails before', async () => {
      const token = await t.login(RESEARCHER);
      const exports = t.app.get(ExportService);
      const midway = new Readable({ read() {} });
      midway.push('registry_number,site\nNORTH-00001,NORTH\n');
      setTimeout(() => midway.destroy(new QueryTimeoutError('lost')), 200);
      const spy = jest.spyOn(exports, 'stream').mockResolvedValueOnce(midway);
      try {
        const cut = await download(t, EXPORT, token);
        expect(cut.status).toBe(200);
        expect(cut.body).toBe('registry_number,site\nNORTH-00001,NORTH\n');
        expect(cut.complete).toBe(false);

        const before = new Readable({ read() {} });
        setTimeout(() => before.destroy(new QueryTimeoutError('The export took too long')), 50);
        spy.mockResolvedValueOnce(before);
        const refused = await download(t, EXPORT, token);
        expect(refused).toMatchObject({ status: 503, complete: true });
        expect(refused.headers['content-type']).toMatch(/^application\/json/);
        expect(refused.headers['content-disposition']).toBeUndefined();
        expect(JSON.parse(refused.body)).toEqual({ error: { code: 'QUERY_TIMEOUT', message: 'The export took too long' } });
      } finally {
        spy.mockRestore();
      }
    });
  });
}
