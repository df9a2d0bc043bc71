import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';

// Every single-record read and the remaining withdrawals, for an allowed and a refused caller.
describeEachDatabase('single-record reads and withdrawals', (t) => {
  let ids: { patient: string; fracture: string; treatment: string; complication: string; assessment: string; site: string; user: string };

  beforeAll(async () => {
    const q = (s: string) => t().db.dataSource.query(s);
    const [row] = await q(`
      SELECT p.id AS patient, s.id AS site,
        (SELECT id FROM fracture f WHERE f.patient_id = p.id LIMIT 1) AS fracture,
        (SELECT id FROM treatment t WHERE t.patient_id = p.id ORDER BY start_date LIMIT 1) AS treatment,
        (SELECT id FROM assessment a WHERE a.patient_id = p.id LIMIT 1) AS assessment,
        (SELECT start_date FROM treatment t WHERE t.patient_id = p.id ORDER BY start_date LIMIT 1) AS start
      FROM patient p JOIN site s ON s.id = p.site_id
      WHERE s.code = 'NORTH' AND EXISTS (SELECT 1 FROM assessment a WHERE a.patient_id = p.id)
      ORDER BY p.registry_number LIMIT 1`);
    const [user] = await q(`SELECT id FROM app_user WHERE email = '${COORD_NORTH}'`);
    const created = await t().gql(
      `mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id } }`,
      {
        i: { patientId: row.patient, treatmentId: row.treatment, occurredOn: row.start, kind: 'HAEMATOMA', clavienDindo: 'I' },
      },
      await t().login(COORD_NORTH),
    );
    ids = { ...row, complication: created.data!.createComplication.id, user: user.id };
  });

  it.each([
    ['fracture', 'fracture', 'level'],
    ['treatment', 'treatment', 'kind'],
    ['assessment', 'assessment', 'timePoint'],
    ['complication', 'complication', 'kind'],
  ] as const)('reads a %s by id for its site and refuses another site', async (query, key, field) => {
    const north = await t().login(COORD_NORTH);
    const ok = await t().gql(`query($id: ID!) { ${query}(id: $id) { id ${field} } }`, { id: ids[key] }, north);
    expect(ok.errors).toBeUndefined();
    const [row] = await t().db.dataSource.query(`SELECT ${field === 'timePoint' ? 'time_point' : field} AS v FROM ${query} WHERE id = $1`, [ids[key]]);
    expect(ok.data![query]).toEqual({ id: ids[key], [field]: row.v });
    const south = await t().login(COORD_SOUTH);
    const refused = await t().gql(`query($id: ID!) { ${query}(id: $id) { id } }`, { id: ids[key] }, south);
    expect(refused.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('reads sites for everyone and users for admins', async () => {
    const researcher = await t().login(RESEARCHER);
    const site = await t().gql(`query($id: ID!) { site(id: $id) { code } }`, { id: ids.site }, researcher);
    expect(site.data!.site.code).toBe('NORTH');
    const sites = await t().gql(`{ sites { code } }`, {}, researcher);
    expect(sites.data!.sites.map((s: any) => s.code)).toEqual(['CENTRAL', 'NORTH', 'SOUTH']);
    const admin = await t().login(ADMIN);
    const user = await t().gql(`query($id: ID!) { user(id: $id) { email role } }`, { id: ids.user }, admin);
    expect(user.data!.user).toEqual({ email: COORD_NORTH, role: 'COORDINATOR' });
    const renamed = await t().gql(
      `mutation($i: UpdateSiteInput!) { updateSite(input: $i) { name version } }`,
      { i: { id: ids.site, version: 1, name: 'North General' } },
      admin,
    );
    expect(renamed.data!.updateSite).toEqual({ name: 'North General', version: 2 });
  });

  it('withdraws a complication and a treatment, keeping the rows', async () => {
    const token = await t().login(COORD_NORTH);
    const c = await t().gql(
      `mutation($i: WithdrawInput!) { withdrawComplication(input: $i) { id withdrawnReason } }`,
      { i: { id: ids.complication, version: 1, reason: 'duplicate entry' } },
      token,
    );
    expect(c.data!.withdrawComplication.withdrawnReason).toBe('duplicate entry');
    const tr = await t().gql(
      `mutation($i: WithdrawInput!) { withdrawTreatment(input: $i) { id withdrawnAt } }`,
      { i: { id: ids.treatment, version: 1, reason: 'entered for the wrong patient' } },
      token,
    );
    expect(tr.data!.withdrawTreatment.withdrawnAt).toBeTruthy();
    const again = await t().gql(
      `mutation($i: WithdrawInput!) { withdrawTreatment(input: $i) { id } }`,
      { i: { id: ids.treatment, version: 2, reason: 'again' } },
      token,
    );
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    const [{ n }] = await t().db.dataSource.query(`SELECT count(*)::int AS n FROM treatment WHERE id = $1 AND withdrawn_at IS NOT NULL`, [ids.treatment]);
    expect(n).toBe(1);
  });
});
