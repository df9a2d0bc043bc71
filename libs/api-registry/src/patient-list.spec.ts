import { ADMIN, COORD_NORTH, describeEachDatabase, GraphQLResponse, RESEARCHER, UntypedJson } from '@vfr/api-testing';

// The patient list reads each page's nested records in the page's own statement
// (patient-page.nested.ts). A single patient (`patient(id)`) still reads them through the
// per-field loaders, one statement per field: the path the list used before. For every role, each
// patient of a page must come out of both exactly alike, every field of every record.

interface Introspected {
  __type: { fields: { name: string; type: { kind: string; name: string | null; ofType: Introspected['__type']['fields'][0]['type'] | null } }[] };
}

describeEachDatabase('the patient list against the per-field loaders', (t) => {
  let node: string;
  const fieldsOf: Record<string, string[]> = {};

  /** Every scalar and enum field of a type (the selection a client could make of it). */
  const leaves = async (type: string, token: string): Promise<string> => {
    const r = await t().gql<Introspected>(
      `query($n: String!) { __type(name: $n) { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`,
      { n: type },
      token,
    );
    expect(r.errors).toBeUndefined();
    const base = (x: Introspected['__type']['fields'][0]['type']): string => (x.ofType ? base(x.ofType) : x.kind);
    return r
      .data!.__type.fields.filter((f) => ['SCALAR', 'ENUM'].includes(base(f.type)))
      .map((f) => f.name)
      .join(' ');
  };

  beforeAll(async () => {
    const token = await t().login(ADMIN);
    for (const type of ['Fracture', 'Treatment', 'Assessment']) fieldsOf[type] = (await leaves(type, token)).split(' ');
    node = `${await leaves('Patient', token)}
      fractures { ${await leaves('Fracture', token)} }
      treatments { ${await leaves('Treatment', token)} levels { fractureId cementVolumeMl } }
      latestAssessment { ${await leaves('Assessment', token)} }
      ofScore { total band missing }`;
  });

  const page = (extra = '') => `query($first: Int, $after: String, $filter: PatientFilterInput) {
    patients(first: $first, after: $after, filter: $filter) { ${extra} pageInfo { hasNextPage endCursor } edges { cursor node { ${'${NODE}'} } } }
  }`;

  for (const [role, email] of [
    ['admin', ADMIN],
    ['coordinator', COORD_NORTH],
    ['researcher', RESEARCHER],
  ] as const) {
    it(`gives ${role === 'admin' ? 'an' : 'a'} ${role} every patient of three pages exactly as the single-patient path does`, async () => {
      const token = await t().login(email);
      const query = page().replace('${NODE}', node);
      let after: string | null = null;
      let compared = 0;
      let withRecords = 0;
      // Pages of 20: the old path's request names each patient by an alias, and 20 is the limit.
      for (let n = 0; n < 3; n++) {
        const r: GraphQLResponse<Record<string, UntypedJson>> = await t().gql(query, { first: 20, after }, token);
        expect(r.errors).toBeUndefined();
        const edges = r.data!.patients.edges as { node: Record<string, unknown> & { id: string } }[];
        expect(edges.length).toBeGreaterThan(0);
        // The old path, for the same patients in one request: one `patient` field per patient.
        const single = `query { ${edges.map((e, i) => `p${i}: patient(id: "${e.node.id}") { ${node} }`).join(' ')} }`;
        const s = await t().gql(single, {}, token);
        expect(s.errors).toBeUndefined();
        edges.forEach((e, i) => {
          expect(e.node).toEqual(s.data![`p${i}`]);
          compared++;
          if ((e.node.fractures as unknown[]).length && (e.node.treatments as unknown[]).length && e.node.latestAssessment) withRecords++;
        });
        after = r.data!.patients.pageInfo.endCursor;
        if (!r.data!.patients.pageInfo.hasNextPage) break;
      }
      // The comparison covered patients that have every kind of nested record.
      expect(compared).toBeGreaterThanOrEqual(10);
      expect(withRecords).toBeGreaterThanOrEqual(5);
    }, 300_000);
  }

  /** The list's nodes and the same patients through `patient(id)`, for one selection of a node. */
  const bothPaths = async (selection: string, token: string, first = 10) => {
    const r = await t().gql(`query { patients(first: ${first}) { edges { node { id ${selection} } } } }`, {}, token);
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.patients.edges.map((e: { node: unknown }) => e.node) as { id: string }[];
    const s = await t().gql(`query { ${nodes.map((n, i) => `p${i}: patient(id: "${n.id}") { id ${selection} }`).join(' ')} }`, {}, token);
    expect(s.errors).toBeUndefined();
    return { list: nodes, single: nodes.map((_, i) => s.data![`p${i}`]) };
  };

  // The list reads only the columns a request selects of the nested records: each field alone must
  // still come out as the single-patient path gives it (a field given from another column, as days
  // from a date, or whether a record is withdrawn from its withdrawal time, included).
  for (const [role, email] of [
    ['admin', ADMIN],
    ['researcher', RESEARCHER],
  ] as const) {
    it(`gives ${role === 'admin' ? 'an' : 'a'} ${role} each field of the nested records, selected alone, as the single-patient path does`, async () => {
      const token = await t().login(email);
      const rounds = Math.max(...Object.values(fieldsOf).map((f) => f.length));
      const selections = ['treatments { levels { fractureId cementVolumeMl } }', 'ofScore { total missing } fractures { level }'];
      for (let i = 0; i < rounds; i++) {
        const pick = (type: string, field: string) => (fieldsOf[type][i] ? `${field} { ${fieldsOf[type][i]} }` : '');
        selections.push(`${pick('Fracture', 'fractures')} ${pick('Treatment', 'treatments')} ${pick('Assessment', 'latestAssessment')}`);
      }
      for (const selection of selections) {
        const { list, single } = await bothPaths(selection, token);
        expect({ selection, list }).toEqual({ selection, list: single });
      }
      // Some 50 pairs of requests: more than the default minute on a busy machine.
    }, 300_000);
  }

  it('gives another field of the same request that loads the same patients all it asks for', async () => {
    const token = await t().login(ADMIN);
    const r = await t().gql(`query { patients(first: 5) { edges { node { id fractures { level } treatments { kind } } } } }`, {}, token);
    const id = r.data!.patients.edges[0].node.id;
    const full = `fractures { ${fieldsOf.Fracture.join(' ')} } treatments { ${fieldsOf.Treatment.join(' ')} } latestAssessment { ${fieldsOf.Assessment.join(' ')} }`;
    const together = await t().gql(
      `query { patients(first: 5) { edges { node { id fractures { level } treatments { kind } latestAssessment { timePoint } } } } one: patient(id: "${id}") { ${full} } }`,
      {},
      token,
    );
    const alone = await t().gql(`query { one: patient(id: "${id}") { ${full} } }`, {}, token);
    expect(together.errors).toBeUndefined();
    expect(together.data!.one).toEqual(alone.data!.one);
    expect(together.data!.one.fractures.length).toBeGreaterThan(0);
  });

  it('withholds what the table withholds: a researcher gets no treatment dates and no identifiers from the list', async () => {
    const token = await t().login(RESEARCHER);
    const r = await t().gql(
      `query { patients(first: 50) { edges { node { birthYear treatments { startDate startDay } latestAssessment { visitDate visitDay } } } } }`,
      {},
      token,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.patients.edges.map((e: any) => e.node);
    expect(nodes.every((p: any) => p.birthYear === null)).toBe(true);
    expect(nodes.flatMap((p: any) => p.treatments).every((x: any) => x.startDate === null && typeof x.startDay === 'number')).toBe(true);
    expect(nodes.some((p: any) => p.latestAssessment && typeof p.latestAssessment.visitDay === 'number' && p.latestAssessment.visitDate === null)).toBe(true);
  });

  it('runs the total only when it is asked for, and counts right when it is', async () => {
    const token = await t().login(COORD_NORTH);
    const query = (extra: string) => page(extra).replace('${NODE}', 'id fractures { level } treatments { kind } latestAssessment { timePoint }');
    const statements = async (q: string) => {
      t().api.statements.reset();
      const r = await t().gql(q, { first: 20 }, token);
      expect(r.errors).toBeUndefined();
      return { r, sql: [...t().api.statements.statements] };
    };
    const counts = (sql: string[]) => sql.filter((s) => /\bCOUNT\s*\(/i.test(s)).length;

    const without = await statements(query(''));
    expect(counts(without.sql)).toBe(0);
    // One statement: the page with its nested records and the user's row (the sign-in check,
    // @ChecksSessionInRead); nothing per field.
    expect(without.sql).toHaveLength(1);
    expect(without.sql[0]).toMatch(/FROM app_user/);

    const [{ n }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH' AND p.withdrawn_at IS NULL`,
    );
    for (const extra of ['totalCount', 'total: totalCount', '...T', '... on PatientConnection { totalCount }']) {
      const q = query(extra) + (extra === '...T' ? ' fragment T on PatientConnection { totalCount }' : '');
      const withTotal = await statements(q);
      expect(counts(withTotal.sql)).toBe(1);
      const data = withTotal.r.data!.patients;
      expect(data.totalCount ?? data.total).toBe(n);
      expect(data.edges).toEqual(without.r.data!.patients.edges);
    }

    // The total is of every match, not of what follows the cursor; with a filter, of the filter's.
    const firstPage = without.r.data!.patients;
    const next = await t().gql(query('totalCount'), { first: 20, after: firstPage.pageInfo.endCursor }, token);
    expect(next.errors).toBeUndefined();
    expect(next.data!.patients.totalCount).toBe(n);
    const [{ n: kyphoplasties }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM patient p JOIN site s ON s.id = p.site_id WHERE s.code = 'NORTH' AND p.withdrawn_at IS NULL
         AND EXISTS (SELECT 1 FROM treatment x WHERE x.patient_id = p.id AND x.withdrawn_at IS NULL AND x.kind = 'KYPHOPLASTY')`,
    );
    expect(kyphoplasties).toBeGreaterThan(0);
    expect(kyphoplasties).toBeLessThan(n);
    const filtered = await t().gql(
      `query($first: Int) { patients(first: $first, filter: { treatmentKind: KYPHOPLASTY }) { totalCount edges { node { id } } } }`,
      { first: 2 },
      token,
    );
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data!.patients.totalCount).toBe(kyphoplasties);
  });
});
