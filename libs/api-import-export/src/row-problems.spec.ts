import { randomUUID } from 'node:crypto';
import { COORD_NORTH, COORD_SOUTH, describeEachDatabase, eventually, http, rowCounts } from '@vfr/api-testing';

// A row is reported with every problem it has, not the first one found: each column's own rule,
// the rules between its columns and the rules that need the registry's other records (a visit
// dated before the treatment), each under the file's column and its label. Files written before
// these reports still import.
describeEachDatabase('every problem of every import row', (t) => {
  let token: string;

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const setup = [
      ['patients', 'registry_number,site_code,sex,birth_year\nNORTH-RP-1,NORTH,FEMALE,1941\nNORTH-RP-2,NORTH,MALE,1944'],
      ['fractures', 'registry_number,level,onset_date,cause,genant_grade\nNORTH-RP-1,L1,2024-03-01,OSTEOPOROTIC,2\nNORTH-RP-2,T12,2024-03-01,OSTEOPOROTIC,2'],
      ['treatments', 'registry_number,kind,start_date,levels\nNORTH-RP-1,CONSERVATIVE,2024-03-20,L1\nNORTH-RP-2,CONSERVATIVE,2024-03-20,T12'],
    ];
    for (const [kind, csv] of setup) {
      expect((await http(t(), `/api/import/${kind}?commit=true`, token, csv)).json).toMatchObject({ committed: true, issues: [] });
    }
  });

  it('reports NRS 11 and a visit date before the treatment in one row, each with its column and label, and writes nothing', async () => {
    const csv = [
      'registry_number,time_point,visit_date,status,nrs_rest,analgesic_level,opioid_use',
      'NORTH-RP-1,M1,2024-03-01,DONE,11,NONE,true', // three problems: NRS, the date, analgesics against opioids
      'NORTH-RP-2,M1,2024-04-19,DONE,4,,', // fine
      'NORTH-NOBODY,M1,not a date,DONE,12,,', // no such patient, and its own cells wrong as well
    ].join('\n');
    const before = await rowCounts(t().db);
    for (const commit of [false, true]) {
      const r = await http(t(), `/api/import/assessments${commit ? '?commit=true' : ''}`, token, csv);
      expect(r.status).toBe(commit ? 422 : 201);
      const issues = r.json.issues as { row: number; column: string; label: string; rule: string; message: string }[];
      expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
        [2, 'nrs_rest', 'range'],
        [2, 'analgesic_level', 'analgesicOpioidUse'],
        [2, 'opioid_use', 'analgesicOpioidUse'],
        [2, 'visit_date', 'window'],
        [4, 'registry_number', 'exists'],
        [4, 'visit_date', 'date'],
        [4, 'nrs_rest', 'range'],
      ]);
      const nrs = issues[0];
      expect(nrs.label).toBe('Pain at rest (NRS 0-10)');
      expect(nrs.message).toBe('nrs_rest must be an integer from 0 to 10 (got 11)');
      expect(issues[1].message).toMatch(/^analgesic_level NONE and opioid_use true contradict each other/);
      expect(issues[3]).toMatchObject({ label: 'Visit date' });
      expect(issues[3].message).toMatch(/visit_date/);
      expect(issues[3].message).not.toMatch(/visitDate|nrsRest|opioidUse/);
      expect(r.json).toMatchObject({ rows: 3, created: 1, committed: false, issuesOmitted: 0 });
    }
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('reports a complication before the treatment together with its own wrong cells', async () => {
    const csv = ['registry_number,occurred_on,kind,symptomatic,clavien_dindo', 'NORTH-RP-1,2024-03-02,CEMENT_LEAKAGE,maybe,I'].join('\n');
    const r = await http(t(), '/api/import/complications', token, csv);
    expect((r.json.issues as { column: string; rule: string }[]).map((i) => [i.column, i.rule])).toEqual([
      ['symptomatic', 'type'],
      ['occurred_on', 'notBeforeTreatment'],
    ]);
  });

  it('still imports a file written before (the same columns, no new ones)', async () => {
    const csv = ['registry_number,time_point,visit_date,nrs_rest,odi', 'NORTH-RP-2,M3,2024-06-19,3,20'].join('\n');
    expect((await http(t(), '/api/import/assessments?commit=true', token, csv)).json).toMatchObject({ committed: true, created: 1, issues: [] });
  });

  it('tells its sender how far a check has come, and no one else', async () => {
    const id = randomUUID();
    const rows = Array.from({ length: 2000 }, (_, i) => `NORTH-RP-${(i % 2) + 1},UNSCHEDULED,2024-0${(i % 5) + 4}-1${i % 10},DONE,${i % 11}`);
    const csv = ['registry_number,time_point,visit_date,status,nrs_rest', ...rows].join('\n');
    const seen: { phase: string; checked: number; total: number }[] = [];
    const running = http(t(), `/api/import/assessments?progress=${id}`, token, csv);
    await eventually(async () => {
      const p = await http(t(), `/api/import-progress/${id}`, token);
      if (p.status === 200) seen.push(p.json);
      return seen.at(-1)?.phase === 'done';
    }, 20_000);
    expect((await running).status).toBe(201);
    expect(seen.at(-1)).toEqual({ phase: 'done', checked: 2000, total: 2000 });
    expect(seen.every((p) => p.total === 2000 && p.checked <= 2000)).toBe(true);
    // Another user's poll, an unknown id and an id that is no UUID.
    expect((await http(t(), `/api/import-progress/${id}`, await t().login(COORD_SOUTH))).status).toBe(404);
    expect((await http(t(), `/api/import-progress/${randomUUID()}`, token)).status).toBe(404);
    expect((await http(t(), `/api/import/assessments?progress=x`, token, csv)).status).toBe(400);
  });

  it('gives the column guide as structured columns with their labels', async () => {
    const r = await http(t(), '/api/import/assessments/format.json', token);
    expect(r.status).toBe(200);
    expect(r.json.columns[0]).toEqual({
      name: 'registry_number',
      label: 'Registry number',
      required: true,
      description: expect.stringContaining('The patient'),
      example: 'NORTH-001234',
    });
    expect(r.json.columns).toContainEqual(expect.objectContaining({ name: 'nrs_rest', label: 'Pain at rest (NRS 0-10)', required: false }));
    expect(r.json.notes.join(' ')).toMatch(/UTF-8/);
  });
});
