import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, HEAD_NORTH, RESEARCHER, rowCounts } from '@vfr/api-testing';

const LIST = `query($first: Int, $after: String, $filter: DataIssueFilterInput) {
  dataIssues(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id rule detail siteId patientId registryNumber recordId resolvedAt resolvedBy resolution } }
  }
}`;
const RESOLVE = `mutation($i: ResolveDataIssueInput!) { resolveDataIssue(input: $i) { id resolvedAt resolvedBy resolution } }`;

describeEachDatabase('data issues', (t) => {
  const ids: Record<string, string> = {};
  let north: { site: string; patient: string; rn: string };

  const list = async (email: string, variables: Record<string, unknown> = {}) => {
    const r = await t().gql(LIST, { first: 50, ...variables }, await t().login(email));
    expect(r.errors).toBeUndefined();
    return r.data!.dataIssues;
  };
  const issueCount = async () => Number((await t().db.dataSource.query(`SELECT count(*) FILTER (WHERE resolved_at IS NULL) AS n FROM data_issue`))[0].n);

  beforeAll(async () => {
    const sql = (q: string, p?: unknown[]) => t().db.dataSource.query(q, p);
    const [n] = await sql(
      `SELECT p.site_id AS site, p.id AS patient, p.registry_number AS rn FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH' ORDER BY p.registry_number LIMIT 1`,
    );
    const [s] = await sql(`SELECT p.site_id AS site, p.id AS patient FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'SOUTH' LIMIT 1`);
    north = n;
    const add = async (key: string, rule: string, where: { site: string; patient: string }) => {
      const [row] = await sql(
        `INSERT INTO data_issue (found_by, rule, table_name, record_id, patient_id, site_id, detail) VALUES ('Test', $1, 'assessment', gen_random_uuid(), $2, $3, $4) RETURNING id::text AS id`,
        [rule, where.patient, where.site, `${key} detail`],
      );
      ids[key] = row.id;
    };
    await add('north1', 'visit.outside_window', n);
    await add('north2', 'visit.after_death', n);
    await add('north3', 'death.two_records', n);
    await add('south1', 'visit.outside_window', s);
  });

  it("gives an admin every site's issues, of any rule, with the patient's registry number", async () => {
    const page = await list(ADMIN);
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((e: any) => e.node.id)).toEqual([ids.north1, ids.north2, ids.north3, ids.south1]);
    expect(page.edges[0].node).toMatchObject({
      rule: 'visit.outside_window',
      detail: 'north1 detail',
      patientId: north.patient,
      registryNumber: north.rn,
      resolvedAt: null,
    });
  });

  it("gives a coordinator its own site's issues only", async () => {
    expect((await list(COORD_NORTH)).edges.map((e: any) => e.node.id)).toEqual([ids.north1, ids.north2, ids.north3]);
    expect((await list(COORD_SOUTH)).edges.map((e: any) => e.node.id)).toEqual([ids.south1]);
  });

  it('refuses researchers and department heads', async () => {
    for (const email of [RESEARCHER, HEAD_NORTH]) {
      const r = await t().gql(LIST, {}, await t().login(email));
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(r.data?.dataIssues ?? null).toBeNull();
    }
  });

  it('filters by rule (exactly, or by a prefix ending in ".") and pages with a cursor', async () => {
    expect((await list(ADMIN, { filter: { rule: 'visit.outside_window' } })).edges.map((e: any) => e.node.id)).toEqual([ids.north1, ids.south1]);
    expect((await list(ADMIN, { filter: { rule: 'death.' } })).edges.map((e: any) => e.node.id)).toEqual([ids.north3]);
    expect((await list(ADMIN, { filter: { rule: 'visit.' } })).totalCount).toBe(3);
    const first = await list(ADMIN, { first: 2 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await list(ADMIN, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.id)).toEqual([ids.north3, ids.south1]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const bad = await t().gql(LIST, { after: 'not-a-cursor' }, await t().login(ADMIN));
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("lets a coordinator resolve its site's issue with a note, audited, and then lists it as resolved", async () => {
    const token = await t().login(COORD_NORTH);
    const [user] = await t().db.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [COORD_NORTH]);
    const r = await t().gql(RESOLVE, { i: { id: ids.north1, resolution: 'Date checked with the clinic: the visit was unscheduled; corrected.' } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.resolveDataIssue).toMatchObject({
      id: ids.north1,
      resolvedBy: user.id,
      resolution: 'Date checked with the clinic: the visit was unscheduled; corrected.',
    });
    expect(r.data!.resolveDataIssue.resolvedAt).toBeTruthy();
    const [audit] = await t().db.dataSource.query(
      `SELECT actor_email, action, before, after, reason, site_id FROM audit_event WHERE entity_type = 'DataIssue' AND entity_id = $1`,
      [ids.north1],
    );
    expect(audit).toMatchObject({
      actor_email: COORD_NORTH,
      action: 'UPDATE',
      before: { resolvedAt: null },
      after: { resolvedBy: user.id },
      site_id: north.site,
    });
    expect(audit.reason).toMatch(/unscheduled/);
    expect((await list(COORD_NORTH, { filter: { open: true } })).edges.map((e: any) => e.node.id)).toEqual([ids.north2, ids.north3]);
    expect((await list(COORD_NORTH, { filter: { open: false } })).edges.map((e: any) => e.node.id)).toEqual([ids.north1]);
  });

  it("refuses another site's issue as not found, an empty note, an unknown id and a second resolution, writing nothing", async () => {
    const token = await t().login(COORD_NORTH);
    const attempts: [Record<string, unknown>, string, string | undefined][] = [
      [{ id: ids.south1, resolution: 'not mine' }, 'NOT_FOUND', undefined],
      [{ id: ids.north2, resolution: '   ' }, 'BAD_USER_INPUT', 'resolution'],
      [{ id: ids.north2, resolution: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'resolution'],
      [{ id: 'abc', resolution: 'fine' }, 'BAD_USER_INPUT', 'id'],
      [{ id: '999999', resolution: 'fine' }, 'NOT_FOUND', undefined],
      [{ id: ids.north1, resolution: 'again' }, 'CONFLICT', undefined],
    ];
    for (const [input, code, field] of attempts) {
      const before = { ...(await rowCounts(t().db)), open: await issueCount() };
      const r = await t().gql(RESOLVE, { i: input }, token);
      expect(r.errors![0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect({ ...(await rowCounts(t().db)), open: await issueCount() }).toEqual(before);
    }
    for (const email of [RESEARCHER, HEAD_NORTH]) {
      const r = await t().gql(RESOLVE, { i: { id: ids.north2, resolution: 'no' } }, await t().login(email));
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const admin = await t().gql(RESOLVE, { i: { id: ids.south1, resolution: 'Reviewed by the registry office.' } }, await t().login(ADMIN));
    expect(admin.errors).toBeUndefined();
  });
});
