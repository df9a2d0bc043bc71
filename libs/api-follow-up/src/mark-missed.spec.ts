import { COORD_NORTH, COORD_SOUTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

const MARK = `mutation($i: MarkVisitsMissedInput!) { markVisitsMissed(input: $i) { id patientId timePoint status visitDate missedReason } }`;
const LIST = `query($f: WorklistFilterInput) { worklist(filter: $f, first: 50) { edges { node { patientId treatmentId timePoint } } } }`;

describeEachDatabase('marking several visits missed from the worklist', (t) => {
  let north: string;
  let south: string;
  const gql = async (token: string, q: string, v: Record<string, unknown>) => {
    const r = await t().gql(q, v, token);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  /** A patient with an index treatment on 2024-01-01 at the token's site; its id and its treatment's. */
  const patient = async (token: string, site: string, registryNumber: string) => {
    const [s] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = $1`, [site]);
    const patientId = (
      await gql(token, `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        i: { siteId: s.id, sex: 'MALE', birthYear: 1941, registryNumber },
      })
    ).createPatient.id;
    const fractureId = (
      await gql(token, `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
        i: { patientId, level: 'T11', onsetDate: '2023-12-20', cause: 'OSTEOPOROTIC', genantGrade: 2 },
      })
    ).createFracture.id;
    const treatmentId = (
      await gql(token, `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
        i: { patientId, kind: 'CONSERVATIVE', startDate: '2024-01-01', levels: [{ fractureId }] },
      })
    ).createTreatment.id;
    return { patientId, treatmentId };
  };
  const listed = async (token: string, registryNumber: string) =>
    (await gql(token, LIST, { f: { registryNumber, today: '2024-08-01' } })).worklist.edges.map((e: any) => e.node.timePoint);

  beforeAll(async () => {
    north = await t().login(COORD_NORTH);
    south = await t().login(COORD_SOUTH);
  });

  it('records every visit asked as missed, with the reason on each visit and in its audit event, and they leave the worklist', async () => {
    const a = await patient(north, 'NORTH', 'NORTH-MM-1');
    const b = await patient(north, 'NORTH', 'NORTH-MM-2');
    expect(await listed(north, 'NORTH-MM-1')).toEqual(['BASELINE', 'D1', 'W1', 'M1', 'M3', 'M6']);
    const visits = [
      { ...a, timePoint: 'M1' },
      { ...a, timePoint: 'M3' },
      { ...b, timePoint: 'M3' },
    ];
    const r = await gql(north, MARK, { i: { visits, reason: 'NOT_REACHED' } });
    expect(r.markVisitsMissed.map((v: any) => [v.patientId, v.timePoint, v.status, v.visitDate, v.missedReason])).toEqual([
      [a.patientId, 'M1', 'MISSED', null, 'NOT_REACHED'],
      [a.patientId, 'M3', 'MISSED', null, 'NOT_REACHED'],
      [b.patientId, 'M3', 'MISSED', null, 'NOT_REACHED'],
    ]);
    // Stored on the visit, where the patient page, the records export and the analyses read it.
    const stored = await t().db.dataSource.query(`SELECT missed_reason FROM assessment WHERE id = ANY($1)`, [r.markVisitsMissed.map((v: any) => v.id)]);
    expect(stored).toEqual([{ missed_reason: 'NOT_REACHED' }, { missed_reason: 'NOT_REACHED' }, { missed_reason: 'NOT_REACHED' }]);
    expect(await listed(north, 'NORTH-MM-1')).toEqual(['BASELINE', 'D1', 'W1', 'M6']);
    expect(await listed(north, 'NORTH-MM-2')).not.toContain('M3');
    const events = await t().db.dataSource.query(
      `SELECT entity_id, action, reason, actor_email FROM audit_event WHERE entity_type = 'Assessment' AND entity_id = ANY($1) ORDER BY entity_id`,
      [r.markVisitsMissed.map((v: any) => v.id)],
    );
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ action: 'CREATE', reason: 'Marked missed: Patient could not be reached', actor_email: COORD_NORTH });
  });

  it('writes nothing when one row is refused, and names that row', async () => {
    const c = await patient(north, 'NORTH', 'NORTH-MM-3');
    await gql(north, MARK, { i: { visits: [{ ...c, timePoint: 'W1' }], reason: 'DECLINED' } });
    const before = await rowCounts(t().db);
    const r = await t().gql(
      MARK,
      {
        i: {
          visits: [
            { ...c, timePoint: 'M1' },
            { ...c, timePoint: 'W1' },
            { ...c, timePoint: 'M3' },
          ],
          reason: 'TOO_ILL',
        },
      },
      north,
    );
    expect(r.data).toBeNull();
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({
        field: 'visits.1.timePoint',
        rule: 'unique',
        message: expect.stringMatching(/^visits\.1 \(W1\): timePoint W1 is already recorded/),
      }),
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
    expect(await listed(north, 'NORTH-MM-3')).toEqual(['BASELINE', 'D1', 'M1', 'M3', 'M6']);
  });

  it("keeps a coordinator to its own site: another site's visit refuses the whole request, as not found", async () => {
    const mine = await patient(north, 'NORTH', 'NORTH-MM-4');
    const theirs = await patient(south, 'SOUTH', 'SOUTH-MM-1');
    const before = await rowCounts(t().db);
    const r = await t().gql(
      MARK,
      {
        i: {
          visits: [
            { ...mine, timePoint: 'M1' },
            { ...theirs, timePoint: 'M1' },
          ],
          reason: 'MOVED_AWAY',
        },
      },
      north,
    );
    expect(r.data).toBeNull();
    expect(r.errors![0]).toMatchObject({
      message: `Patient ${theirs.patientId} was not found`,
      extensions: { code: 'NOT_FOUND', field: 'visits.1.patientId' },
    });
    expect(await rowCounts(t().db)).toEqual(before);
    expect(await listed(south, 'SOUTH-MM-1')).toContain('M1');
  });

  it('refuses a bad list before looking at the database: empty, the same visit twice, an unscheduled time point, another treatment', async () => {
    const d = await patient(north, 'NORTH', 'NORTH-MM-5');
    const other = await patient(north, 'NORTH', 'NORTH-MM-6');
    const fields = async (visits: unknown[]) => {
      const r = await t().gql(MARK, { i: { visits, reason: 'OTHER' } }, north);
      expect(r.data).toBeNull();
      return r.errors![0].extensions!.fields.map((f: any) => `${f.field} ${f.rule}`);
    };
    expect(await fields([])).toEqual(['visits minLength']);
    expect(
      await fields([
        { ...d, timePoint: 'M1' },
        { ...d, timePoint: 'M3' },
        { ...d, timePoint: 'M1' },
      ]),
    ).toEqual(['visits.2.timePoint unique']);
    expect(await fields([{ ...d, timePoint: 'UNSCHEDULED' }])).toEqual(['visits.0.timePoint scheduled']);
    expect(await fields([{ ...d, treatmentId: other.treatmentId, timePoint: 'M1' }])).toEqual(['visits.0.treatmentId exists']);
    expect(await listed(north, 'NORTH-MM-5')).toContain('M1');
  });
});
