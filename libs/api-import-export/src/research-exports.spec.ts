import { ADMIN, COORD_NORTH, HEAD_NORTH, describeEachDatabase, http, RESEARCHER, TestApp } from '@vfr/api-testing';
import { cohortExportColumnList, NEW_FRACTURE_KINDS, recordExportColumnList, SCHEDULED_TIME_POINTS } from '@vfr/domain';
import { kaplanMeier } from '@vfr/stats';

// The research exports as a researcher outside the registry would use them: every figure below is
// computed from the downloaded files alone and compared with what the API reports for the cohort.

const COHORT = { ageMin: 60 };
const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));
/** The file's rows by header, as any CSV reader outside would give them (quoted cells unquoted). */
function csv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const split = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((v) => (v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v));
  const [head, ...lines] = text.trim().split('\n');
  const header = split(head);
  return { header, rows: lines.map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v]))) };
}

async function download(t: TestApp, path: string, token: string) {
  const r = await http(t, path, token);
  expect(r.status).toBe(200);
  return csv(r.text);
}

describeEachDatabase('research exports of complications and treatments', (t) => {
  let token: string;
  beforeAll(async () => {
    token = await t().login(RESEARCHER);
  });

  it('puts every per-visit measure of the long export in the wide one, for every time point', async () => {
    const long = (await http(t(), `/api/export/assessments.csv?format=long`, token)).text.split('\n')[0].split(',');
    const wideR = await http(t(), `/api/export/assessments.csv?format=wide`, token);
    expect(wideR.status).toBe(200);
    const wide = new Set(wideR.text.split('\n')[0].split(','));
    const visit = new Set(cohortExportColumnList().flatMap(([name, c]) => (c.level === 'visit' ? [name] : [])));
    // The time point is what a wide column's suffix says; the questionnaires' answers and where a
    // score came from are per-visit details behind the scores, kept in the long file.
    const DETAILS = ['time_point', 'odi_source', 'odi_items', 'rmdq_source', 'rmdq_items', 'eq5d_levels', 'eq5d_source', 'eq5d_value_set'];
    const measures = long.filter((c) => visit.has(c) && !DETAILS.includes(c));
    expect(measures).toEqual(expect.arrayContaining(['analgesic_level', 'opioid_use', 'back_to_usual_activities', 'nrs_rest', 'odi']));
    const missing = measures.flatMap((m) => SCHEDULED_TIME_POINTS.map((tp) => `${m}_${tp.toLowerCase()}`)).filter((c) => !wide.has(c));
    expect(missing).toEqual([]);
  });

  it('reproduces the complication rates and the time to a new fracture from the exports alone', async () => {
    // The test registry is small enough that a researcher's rates are withheld (under the
    // threshold): the figures are checked as an admin, whose files are the same de-identified
    // files a researcher downloads.
    const token = await t().login(ADMIN);
    for (const file of ['complications.csv?', 'assessments.csv?format=wide&']) {
      const path = `/api/export/${file}cohort=${q(COHORT)}`;
      expect((await http(t(), path, await t().login(RESEARCHER))).text).toBe((await http(t(), path, token)).text);
    }
    const patients = (await download(t(), `/api/export/assessments.csv?format=wide&cohort=${q(COHORT)}`, token)).rows;
    const complications = (await download(t(), `/api/export/complications.csv?cohort=${q(COHORT)}`, token)).rows;
    const api = (
      await t().gql(
        `query($f: CohortFilterInput) {
          complicationRates(filter: $f, grouping: FIRST_TREATMENT) { group category events n suppressed }
          survival(filter: $f, grouping: FIRST_TREATMENT, endpoint: NEW_FRACTURE) { curves { group n events suppressed steps { day survival atRisk } } }
        }`,
        { f: COHORT },
        token,
      )
    ).data!;
    expect(complications.length).toBeGreaterThan(0);

    // Within follow-up: from day 0 (the index treatment) to follow_up_end_day, both included.
    const end = new Map(patients.map((p) => [p.registry_number, Number(p.follow_up_end_day)]));
    const within = (c: Record<string, string>) => Number(c.occurred_day) >= 0 && Number(c.occurred_day) <= end.get(c.registry_number)!;
    const groups = [...new Set(patients.map((p) => p.first_treatment))].sort();

    const any = api.complicationRates.filter((r: any) => r.category === 'ANY' && !r.suppressed);
    expect(any.length).toBeGreaterThan(0);
    for (const rate of any) {
      const mine = patients.filter((p) => p.first_treatment === rate.group);
      const withOne = new Set(
        complications.filter((c) => within(c) && mine.some((p) => p.registry_number === c.registry_number)).map((c) => c.registry_number),
      );
      expect({ group: rate.group, events: withOne.size, n: mine.length }).toEqual({ group: rate.group, events: rate.events, n: rate.n });
    }

    let compared = 0;
    for (const g of groups) {
      const curve = api.survival.curves.find((c: any) => c.group === g);
      if (!curve || curve.suppressed) continue;
      const time: number[] = [];
      const event: number[] = [];
      for (const p of patients.filter((x) => x.first_treatment === g)) {
        const days = complications
          .filter((c) => c.registry_number === p.registry_number && NEW_FRACTURE_KINDS.includes(c.kind as never) && within(c))
          .map((c) => Number(c.occurred_day));
        const fracture = days.length ? Math.min(...days) : null;
        if (fracture === null && Number(p.follow_up_end_day) <= 0) continue; // no time at risk
        time.push(fracture ?? Number(p.follow_up_end_day));
        event.push(fracture === null ? 0 : 1);
      }
      expect(time.length).toBe(curve.n);
      expect(event.filter(Boolean).length).toBe(curve.events);
      const km = kaplanMeier(time, event);
      for (const step of curve.steps) {
        const row = km.rows.find((r) => r.time === step.day)!;
        expect(row.survival).toBeCloseTo(step.survival, 12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('holds no identifier, free text or date, only consenting patients of the cohort, and is audited with its dictionary', async () => {
    const registry = await t().db.dataSource.query<{ registry_number: string; consent: string; age: number | null }[]>(
      `SELECT p.registry_number, p.consent_status::text AS consent, ap.age FROM patient p LEFT JOIN analysis_patient ap ON ap.patient_id = p.id`,
    );
    const identifiers = await t().db.dataSource.query<Record<string, string>[]>(`SELECT mrn, family_name, given_name FROM patient_identifier`);
    const notes = await t().db.dataSource.query<{ notes: string }[]>(`SELECT notes FROM complication WHERE notes IS NOT NULL AND length(notes) > 8`);
    for (const file of ['complications', 'treatments'] as const) {
      const r = await http(t(), `/api/export/${file}.csv?cohort=${q(COHORT)}`, token);
      expect(r.status).toBe(200);
      const table = csv(r.text);
      expect(table.header).toEqual(recordExportColumnList(file).map(([name]) => name));
      expect(table.rows.length).toBeGreaterThan(0);
      expect(r.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(table.header.some((h) => /notes|reason|date|_on$|mrn|name/.test(h))).toBe(false);
      for (const id of identifiers) for (const v of Object.values(id)) if (v && v.length > 3) expect(r.text).not.toContain(v);
      for (const n of notes) expect(r.text).not.toContain(n.notes);
      // Only consenting patients, only the cohort's (aged 60 or more at the index treatment).
      for (const row of table.rows) {
        const p = registry.find((x) => x.registry_number === row.registry_number)!;
        expect(p.consent).toBe('GIVEN');
        expect(p.age).toBeGreaterThanOrEqual(60);
      }
      const [audit] = await t().db.dataSource.query(
        `SELECT actor_email, entity_id, action, after FROM audit_event WHERE entity_type = 'Export' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toMatchObject({ actor_email: RESEARCHER, entity_id: file, action: 'EXPORT', after: { cohort: COHORT } });
      const dictionary = csv((await http(t(), `/api/export/dictionary.csv?format=${file}`, token)).text);
      expect(dictionary.rows.map((d) => d.column)).toEqual(table.header);
      expect(dictionary.rows.every((d) => d.meaning.trim().length > 0)).toBe(true);
    }
    const treatments = csv((await http(t(), `/api/export/treatments.csv?cohort=${q(COHORT)}`, token)).text).rows;
    expect(treatments.filter((r) => r.index_treatment === 'true').every((r) => r.start_day === '0')).toBe(true);
  });

  it('refuses department heads and a filter finer than a researcher may ask', async () => {
    expect((await http(t(), `/api/export/complications.csv`, await t().login(HEAD_NORTH))).status).toBe(403);
    const fine = await http(t(), `/api/export/treatments.csv?cohort=${q({ treatedFrom: '2024-02-14' })}`, token);
    expect(fine.status).toBe(400);
    expect(fine.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'treatedFrom' });
    // A coordinator's file holds its own site only.
    const own = csv((await http(t(), `/api/export/complications.csv`, await t().login(COORD_NORTH))).text).rows;
    const sites = await t().db.dataSource.query<{ code: string }[]>(
      `SELECT DISTINCT s.code FROM patient p JOIN site s ON s.id = p.site_id WHERE p.registry_number = ANY($1)`,
      [own.map((r) => r.registry_number)],
    );
    expect(sites.map((s) => s.code)).toEqual(['NORTH']);
  });
});
