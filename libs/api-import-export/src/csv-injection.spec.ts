import { parse } from 'csv-parse/sync';
import { COORD_NORTH, describeEachDatabase, RESEARCHER, TestApp } from '@vfr/api-testing';

// A coordinator types a formula into a free-text field; whoever opens an export in a spreadsheet
// must see it as text, not run it. Numbers (negative ones included) stay numbers, and a records
// export imported again stores exactly what was exported.

const NOTES = [
  '=HYPERLINK("http://evil.example","x")',
  '+1',
  '@SUM(A1)',
  '-2+3',
  "'=already quoted by hand",
  "'an apostrophe before ordinary text",
  'an ordinary note, with a comma',
];

async function download(t: TestApp, path: string, token: string): Promise<Record<string, string>[]> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return parse(await res.text(), { columns: true });
}

async function upload(t: TestApp, kind: string, token: string, body: string, commit: boolean) {
  const res = await fetch(`${t.url}/api/import/${kind}${commit ? '?commit=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
  });
  return { status: res.status, json: await res.json() };
}

describeEachDatabase('CSV exports and spreadsheet formulas', (t) => {
  let token: string;
  let patientId: string;
  let complications: { id: string; notes: string }[] = [];

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    // A patient with a formula for a name, a negative T-score, a baseline visit five days before
    // the treatment (visit_day -5 in the de-identified export) and consent to research.
    const files: [string, string][] = [
      [
        'patients',
        'registry_number,site_code,sex,birth_year,t_score,consent_status,mrn,family_name,given_name,date_of_birth\nNORTH-CSV-1,NORTH,FEMALE,1944,-2.5,GIVEN,=1+2,"=cmd|\' /C calc\'!A0",@SUM(A1),1944-05-06\n',
      ],
      ['fractures', 'registry_number,level,onset_date,cause,genant_grade,additional_injuries\nNORTH-CSV-1,L1,2025-01-10,OSTEOPOROTIC,2,-rib fracture\n'],
      [
        'treatments',
        'registry_number,kind,start_date,levels,cement_volumes_ml,cement_type,anaesthesia,approach,kyphotic_angle_before,kyphotic_angle_after\nNORTH-CSV-1,VERTEBROPLASTY,2025-02-01,L1,4.5,PMMA,LOCAL,BIPEDICULAR,-4,-2\n',
      ],
      ['assessments', 'registry_number,time_point,visit_date,status,nrs_rest,eq5d_index\nNORTH-CSV-1,BASELINE,2025-01-27,DONE,7,-0.2\n'],
    ];
    for (const [kind, csv] of files) {
      const r = await upload(t(), kind, token, csv, true);
      expect({ kind, status: r.status, issues: r.json.issues }).toEqual({ kind, status: 201, issues: [] });
    }
    [{ id: patientId }] = await t().db.dataSource.query(`SELECT id FROM patient WHERE registry_number = 'NORTH-CSV-1'`);
    complications = [];
    for (const [i, notes] of NOTES.entries()) {
      const r = await t().gql<{ createComplication: { id: string; notes: string } }>(
        'mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id notes } }',
        { i: { patientId, occurredOn: `2025-02-${String(10 + i).padStart(2, '0')}`, kind: 'OTHER', notes } },
        token,
      );
      expect(r.errors).toBeUndefined();
      complications.push(r.data!.createComplication);
    }
    expect(complications.map((c) => c.notes)).toEqual(NOTES);
  });

  it('puts an apostrophe before every text cell a spreadsheet would run, in the records export', async () => {
    const rows = (await download(t(), '/api/export/records/complications.csv', token)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(rows.map((r) => r.notes)).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1",
      "'@SUM(A1)",
      "'-2+3",
      "''=already quoted by hand",
      "'an apostrophe before ordinary text",
      'an ordinary note, with a comma',
    ]);
    const [patient] = (await download(t(), '/api/export/records/patients.csv', token)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(patient).toMatchObject({ mrn: "'=1+2", family_name: "'=cmd|' /C calc'!A0", given_name: "'@SUM(A1)", t_score: '-2.5', birth_year: '1944' });
    const [fracture] = (await download(t(), '/api/export/records/fractures.csv', token)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(fracture.additional_injuries).toBe("'-rib fracture");
    const [treatment] = (await download(t(), '/api/export/records/treatments.csv', token)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(treatment).toMatchObject({ kyphotic_angle_before: '-4', kyphotic_angle_after: '-2', cement_volumes_ml: '4.5' });
    const [visit] = (await download(t(), '/api/export/records/assessments.csv', token)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(visit).toMatchObject({ eq5d_index: '-0.2', nrs_rest: '7', visit_date: '2025-01-27' });
    const format = await (await fetch(`${t().url}/api/import/complications/format.md`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(format).toMatch(/begins with =, \+, -, @, a tab or a carriage return .* apostrophe in front/);
  });

  it('leaves negative numbers as numbers in the de-identified export, long and wide', async () => {
    const researcher = await t().login(RESEARCHER);
    const long = (await download(t(), '/api/export/assessments.csv?format=long', researcher)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(long).toEqual([expect.objectContaining({ time_point: 'BASELINE', visit_day: '-5', eq5d_index: '-0.2' })]);
    const wide = (await download(t(), '/api/export/assessments.csv?format=wide', researcher)).filter((r) => r.registry_number === 'NORTH-CSV-1');
    expect(wide).toEqual([expect.objectContaining({ visit_day_baseline: '-5', eq5d_index_baseline: '-0.2' })]);
    // No cell of the whole export is written with an apostrophe unless it is text that needs one.
    const all = await download(t(), '/api/export/assessments.csv?format=long', researcher);
    expect(all.flatMap((r) => Object.values(r)).filter((v) => v.startsWith("'"))).toEqual([]);
  });

  it('stores exactly what was exported when the records export is imported again', async () => {
    const exported = await (await fetch(`${t().url}/api/export/records/complications.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    // Withdrawn, the complications are no longer in the registry; the file brings them back.
    for (const c of complications) {
      const w = await t().gql(
        'mutation($i: WithdrawInput!) { withdrawComplication(input: $i) { id } }',
        { i: { id: c.id, version: 1, reason: 'round trip test' } },
        token,
      );
      expect(w.errors).toBeUndefined();
    }
    const dry = await upload(t(), 'complications', token, exported, false);
    expect(dry.json.issues).toEqual([]);
    expect(dry.json.created).toBe(NOTES.length);
    const commit = await upload(t(), 'complications', token, exported, true);
    expect(commit.json).toMatchObject({ committed: true, created: NOTES.length, issues: [] });
    const stored = await t().db.dataSource.query(`SELECT notes FROM complication WHERE patient_id = $1 AND withdrawn_at IS NULL ORDER BY occurred_on`, [
      patientId,
    ]);
    expect(stored.map((r: { notes: string }) => r.notes)).toEqual(NOTES);
  });
});
