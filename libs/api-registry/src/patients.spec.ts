import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, RESEARCHER, rowCounts } from '@vfr/api-testing';

const PAGE = `query($first: Int, $after: String, $filter: PatientFilterInput) {
  patients(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id registryNumber siteId site { code } identifiers { mrn }
      fractures { id level } treatments { id kind startDate levels { fractureId cementVolumeMl } }
      latestAssessment { timePoint visitDate nrsActivity } } }
  }
}`;

const CREATE = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { id version registryNumber birthYear identifiers { mrn dateOfBirth } } }`;
const UPDATE = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { id version bmi } }`;

describeEachDatabase('patients through GraphQL', (t) => {
  let northId: string;
  let southId: string;

  beforeAll(async () => {
    const sites = await t().db.dataSource.query(`SELECT id, code FROM site`);
    northId = sites.find((s: any) => s.code === 'NORTH').id;
    southId = sites.find((s: any) => s.code === 'SOUTH').id;
  });

  it('lists a page of patients with fractures, treatments and latest visit, and pages on', async () => {
    const token = await t().login(ADMIN);
    const first = await t().gql(PAGE, { first: 10 }, token);
    expect(first.errors).toBeUndefined();
    const [{ n }] = await t().db.dataSource.query(`SELECT count(*)::int AS n FROM patient`);
    expect(first.data!.patients.totalCount).toBe(n);
    expect(first.data!.patients.edges).toHaveLength(10);
    const node = first.data!.patients.edges[0].node;
    const [expected] = await t().db.dataSource.query(`SELECT count(*)::int AS fractures FROM fracture WHERE patient_id = $1`, [node.id]);
    expect(node.fractures).toHaveLength(expected.fractures);
    expect(node.treatments.length).toBeGreaterThan(0);
    expect(node.treatments[0].levels.length).toBeGreaterThan(0);
    const [latest] = await t().db.dataSource.query(
      `SELECT time_point, nrs_activity FROM assessment WHERE patient_id = $1 AND status = 'DONE' ORDER BY visit_date DESC LIMIT 1`,
      [node.id],
    );
    expect(node.latestAssessment).toMatchObject({ timePoint: latest.time_point, nrsActivity: latest.nrs_activity });

    const second = await t().gql(PAGE, { first: 10, after: first.data!.patients.pageInfo.endCursor }, token);
    const seen = new Set(first.data!.patients.edges.map((e: any) => e.node.registryNumber));
    for (const e of second.data!.patients.edges) expect(seen.has(e.node.registryNumber)).toBe(false);
    expect(second.data!.patients.edges[0].node.registryNumber > first.data!.patients.edges[9].node.registryNumber).toBe(true);
  });

  it('costs the same number of SQL statements for a page of 5 and of 30', async () => {
    const token = await t().login(ADMIN);
    const count = async (first: number) => {
      t().api.statements.reset();
      const r = await t().gql(PAGE, { first }, token);
      expect(r.data!.patients.edges).toHaveLength(first);
      return t().api.statements.count;
    };
    const small = await count(5);
    const large = await count(30);
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(9);
  });

  it('filters by site, registry number, treatment kind and treatment date', async () => {
    const token = await t().login(ADMIN);
    const bySite = await t().gql(PAGE, { first: 100, filter: { siteId: southId } }, token);
    expect(bySite.data!.patients.edges.every((e: any) => e.node.site.code === 'SOUTH')).toBe(true);
    const [{ n: south }] = await t().db.dataSource.query(`SELECT count(*)::int AS n FROM patient WHERE site_id = $1`, [southId]);
    expect(bySite.data!.patients.totalCount).toBe(south);

    const byNumber = await t().gql(PAGE, { first: 5, filter: { registryNumber: 'NORTH-00000' } }, token);
    expect(byNumber.data!.patients.edges.every((e: any) => e.node.registryNumber.startsWith('NORTH-00000'))).toBe(true);

    const [{ n: kp }] = await t().db.dataSource.query(
      `SELECT count(DISTINCT patient_id)::int AS n FROM treatment WHERE kind = 'KYPHOPLASTY' AND start_date >= '2024-01-01'`,
    );
    const byKind = await t().gql(PAGE, { first: 100, filter: { treatmentKind: 'KYPHOPLASTY', treatedFrom: '2024-01-01' } }, token);
    expect(byKind.data!.patients.totalCount).toBe(kp);
    for (const e of byKind.data!.patients.edges) expect(e.node.treatments.some((x: any) => x.kind === 'KYPHOPLASTY')).toBe(true);

    const bad = await t().gql(PAGE, { first: 5, filter: { treatedFrom: '2024-02-30' } }, token);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.treatedFrom' });
  });

  it('shows a coordinator only its own site, and identifiers only to its site', async () => {
    const north = await t().login(COORD_NORTH);
    const r = await t().gql(PAGE, { first: 100 }, north);
    expect(r.data!.patients.edges.length).toBeGreaterThan(0);
    expect(r.data!.patients.edges.every((e: any) => e.node.site.code === 'NORTH' && e.node.identifiers?.mrn)).toBe(true);

    const researcher = await t().login(RESEARCHER);
    const rr = await t().gql(PAGE, { first: 5 }, researcher);
    expect(rr.data!.patients.edges.every((e: any) => e.node.identifiers === null)).toBe(true);

    const southPatient = (await t().db.dataSource.query(`SELECT id FROM patient WHERE site_id = $1 LIMIT 1`, [southId]))[0].id;
    const guess = await t().gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: southPatient }, north);
    expect(guess.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('registers a patient with identifiers kept apart, audited in the same transaction', async () => {
    const token = await t().login(COORD_NORTH);
    const before = await rowCounts(t().db);
    const r = await t().gql(
      CREATE,
      {
        input: {
          siteId: northId,
          sex: 'FEMALE',
          birthYear: 1941,
          bmi: 22.5,
          identifiers: { mrn: 'MRN-NEW-1', familyName: 'Doe', givenName: 'Jane', dateOfBirth: '1941-05-02' },
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createPatient).toMatchObject({ version: 1, birthYear: 1941, identifiers: { mrn: 'MRN-NEW-1', dateOfBirth: '1941-05-02' } });
    expect(r.data!.createPatient.registryNumber).toMatch(/^NORTH-\d{6}$/);
    const after = await rowCounts(t().db);
    expect(after.patient).toBe(before.patient + 1);
    expect(after.identifier).toBe(before.identifier + 1);
    // The create (patient and identifiers), and the answer's identifiers read back (READ).
    expect(after.audit_event).toBe(before.audit_event + 3);
    const [identifierColumns] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'patient' AND column_name IN ('mrn', 'family_name', 'date_of_birth')`,
    );
    expect(identifierColumns.n).toBe(0);
  });

  it('refuses a coordinator writing to another site, and writes nothing', async () => {
    const token = await t().login(COORD_SOUTH);
    const before = await rowCounts(t().db);
    const r = await t().gql(CREATE, { input: { siteId: northId, sex: 'MALE', birthYear: 1950 } }, token);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('updates with the current version, refuses a stale one, and audits the change', async () => {
    const token = await t().login(COORD_NORTH);
    const created = await t().gql(CREATE, { input: { siteId: northId, sex: 'MALE', birthYear: 1950 } }, token);
    const { id } = created.data!.createPatient;
    const first = await t().gql(UPDATE, { input: { id, version: 1, bmi: 27.1 } }, token);
    expect(first.data!.updatePatient).toMatchObject({ version: 2, bmi: 27.1 });
    const before = await rowCounts(t().db);
    const stale = await t().gql(UPDATE, { input: { id, version: 1, bmi: 30 } }, token);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'STALE_VERSION', field: 'version', currentVersion: 2 });
    expect(stale.errors![0].message).toMatch(/changed by someone else/);
    expect(await rowCounts(t().db)).toEqual(before);
    const trail = await t().gql(`query($id: ID!) { auditTrail(entityType: "Patient", entityId: $id) { action before after actorEmail } }`, { id }, token);
    expect(trail.data!.auditTrail.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(trail.data!.auditTrail[1]).toMatchObject({ before: { bmi: null }, after: { bmi: 27.1 }, actorEmail: COORD_NORTH });
  });

  it('requires a reason to change a record entered more than 24 hours ago', async () => {
    const token = await t().login(COORD_NORTH);
    const created = await t().gql(CREATE, { input: { siteId: northId, sex: 'MALE', birthYear: 1952 } }, token);
    const { id } = created.data!.createPatient;
    // Age the record: entered two days ago.
    await t().db.dataSource.query(`UPDATE patient SET created_at = now() - interval '2 days' WHERE id = $1`, [id]);
    const without = await t().gql(UPDATE, { input: { id, version: 1, bmi: 24 } }, token);
    expect(without.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const withReason = await t().gql(UPDATE, { input: { id, version: 1, bmi: 24, reason: 'weighed again at clinic' } }, token);
    expect(withReason.data!.updatePatient.version).toBe(2);
  });

  it('withdraws a patient softly: the row stays, marked, and leaves the default list', async () => {
    const token = await t().login(COORD_NORTH);
    const created = await t().gql(CREATE, { input: { siteId: northId, sex: 'FEMALE', birthYear: 1939, registryNumber: 'NORTH-WD-1' } }, token);
    const { id } = created.data!.createPatient;
    const noReason = await t().gql(`mutation($i: WithdrawInput!) { withdrawPatient(input: $i) { id } }`, { i: { id, version: 1, reason: ' ' } }, token);
    expect(noReason.errors![0].extensions).toMatchObject({ field: 'reason' });
    const r = await t().gql(
      `mutation($i: WithdrawInput!) { withdrawPatient(input: $i) { id withdrawnAt withdrawnReason } }`,
      { i: { id, version: 1, reason: 'consent withdrawn' } },
      token,
    );
    expect(r.data!.withdrawPatient.withdrawnReason).toBe('consent withdrawn');
    const [row] = await t().db.dataSource.query(`SELECT withdrawn_at FROM patient WHERE id = $1`, [id]);
    expect(row.withdrawn_at).not.toBeNull();
    const list = await t().gql(PAGE, { first: 5, filter: { registryNumber: 'NORTH-WD-1' } }, token);
    expect(list.data!.patients.totalCount).toBe(0);
    const all = await t().gql(PAGE, { first: 5, filter: { registryNumber: 'NORTH-WD-1', includeWithdrawn: true } }, token);
    expect(all.data!.patients.totalCount).toBe(1);
  });

  it.each([
    ['a birth year in the future', { birthYear: 2999 }, 'birthYear', 'range'],
    ['a registry number with spaces', { registryNumber: 'A B' }, 'registryNumber', 'pattern'],
    [
      'a 1 MB family name',
      { identifiers: { mrn: 'X1', familyName: 'x'.repeat(1_000_000), givenName: 'A', dateOfBirth: '1950-01-01' } },
      'identifiers.familyName',
      'maxLength',
    ],
    [
      'a malformed date of birth',
      { identifiers: { mrn: 'X2', familyName: 'A', givenName: 'B', dateOfBirth: '1950-02-30' } },
      'identifiers.dateOfBirth',
      'date',
    ],
    [
      'a date of birth outside the birth year',
      { identifiers: { mrn: 'X3', familyName: 'A', givenName: 'B', dateOfBirth: '1951-02-03' } },
      'identifiers.dateOfBirth',
      'consistency',
    ],
  ])('refuses %s with a field error and writes nothing', async (_label, patch, field, rule) => {
    const token = await t().login(COORD_NORTH);
    const before = await rowCounts(t().db);
    const r = await t().gql(CREATE, { input: { siteId: northId, sex: 'FEMALE', birthYear: 1950, ...patch } }, token);
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(JSON.stringify(r.errors)).not.toMatch(/INSERT|SELECT|at .*\.ts|node_modules/);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('refuses an unknown id and a malformed id with clear errors', async () => {
    const token = await t().login(ADMIN);
    const unknown = await t().gql(`query { patient(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, token);
    expect(unknown.errors![0]).toMatchObject({ message: expect.stringMatching(/not found/), extensions: { code: 'NOT_FOUND' } });
    const malformed = await t().gql(`query { patient(id: "1; DROP TABLE patient") { id } }`, {}, token);
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', fields: [expect.objectContaining({ rule: 'format' })] });
  });
});
