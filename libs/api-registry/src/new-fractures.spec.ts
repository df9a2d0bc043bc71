import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

// A new fracture's level and detection, and imaging at a visit, through the API: stored and read
// back; refused with the field and the rule, writing nothing, when the kind and the level disagree
// about adjacency (judged against the index treatment's levels read from the record), or when
// they are given on another kind; and the database refuses what the API would.
describeEachDatabase('new fractures and imaging in the API', (t) => {
  let token: string;
  let patientId: string;
  let treatmentId: string;
  const CREATE = 'mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id version kind level detection } }';
  const UPDATE = 'mutation($i: UpdateComplicationInput!) { updateComplication(input: $i) { version kind level detection } }';
  const refusal = (r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => {
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    return { message: r.errors![0].message, fields: (r.errors![0].extensions!.fields as { field: string; rule: string }[]).map((f) => `${f.field}:${f.rule}`) };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (
      await t().gql(
        'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
        { i: { siteId, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN' } },
        token,
      )
    ).data!.createPatient.id;
    const fracture = async (level: string) =>
      (
        await t().gql(
          'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
          {
            i: { patientId, level, onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 2, neurologicalDeficit: false },
          },
          token,
        )
      ).data!.createFracture.id;
    const [t12, l1] = [await fracture('T12'), await fracture('L1')];
    treatmentId = (
      await t().gql(
        'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
        {
          i: {
            patientId,
            kind: 'VERTEBROPLASTY',
            startDate: '2025-01-10',
            anaesthesia: 'LOCAL',
            approach: 'UNIPEDICULAR',
            levels: [{ fractureId: t12, cementType: 'PMMA', cementVolumeMl: 3 }, { fractureId: l1 }],
          },
        },
        token,
      )
    ).data!.createTreatment.id;
  });

  const fx = (over: Record<string, unknown>) => ({
    patientId,
    treatmentId,
    occurredOn: '2025-03-01',
    kind: 'ADJACENT_LEVEL_FRACTURE',
    resolved: false,
    ...over,
  });

  it("stores a new fracture's level and detection, and an old-style one without them", async () => {
    const r = await t().gql(CREATE, { i: fx({ level: 'L2', detection: 'SCHEDULED_IMAGING' }) }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createComplication).toMatchObject({ kind: 'ADJACENT_LEVEL_FRACTURE', level: 'L2', detection: 'SCHEDULED_IMAGING' });
    const [row] = await t().db.dataSource.query(`SELECT level::text, detection::text FROM complication WHERE id = $1`, [r.data!.createComplication.id]);
    expect(row).toEqual({ level: 'L2', detection: 'SCHEDULED_IMAGING' });
    const remote = await t().gql(CREATE, { i: fx({ kind: 'REMOTE_FRACTURE', level: 'T6', detection: 'CLINICAL' }) }, token);
    expect(remote.errors).toBeUndefined();
    const bare = await t().gql(CREATE, { i: fx({ kind: 'REMOTE_FRACTURE' }) }, token);
    expect(bare.data!.createComplication).toMatchObject({ level: null, detection: null });
  });

  it('refuses a kind its level contradicts (against the treated T12 and L1), naming kind and level, and writes nothing', async () => {
    const before = await rowCounts(t().db);
    const adjacent = refusal(await t().gql(CREATE, { i: fx({ level: 'T8', detection: 'CLINICAL' }) }, token));
    expect(adjacent.fields).toEqual(['kind:fractureKindLevel', 'level:fractureKindLevel']);
    expect(adjacent.message).toContain('kind ADJACENT_LEVEL_FRACTURE and level T8 contradict each other (rule fractureKindLevel)');
    expect(adjacent.message).toContain('(T12, L1)');
    const remote = refusal(await t().gql(CREATE, { i: fx({ kind: 'REMOTE_FRACTURE', level: 'T11' }) }, token));
    expect(remote.fields).toEqual(['kind:fractureKindLevel', 'level:fractureKindLevel']);
    const treated = refusal(await t().gql(CREATE, { i: fx({ level: 'L1' }) }, token));
    expect(treated.message).toContain('FURTHER_HEIGHT_LOSS');
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('judges an update on the merged record: a kind alone against the stored level; refuses a level on another kind', async () => {
    const id = (await t().gql(CREATE, { i: fx({ level: 'L2', detection: 'INCIDENTAL' }) }, token)).data!.createComplication.id;
    const before = await rowCounts(t().db);
    expect(refusal(await t().gql(UPDATE, { i: { id, version: 1, kind: 'REMOTE_FRACTURE' } }, token)).fields).toEqual([
      'kind:fractureKindLevel',
      'level:fractureKindLevel',
    ]);
    expect(refusal(await t().gql(UPDATE, { i: { id, version: 1, kind: 'HAEMATOMA' } }, token)).fields).toEqual(['level:consistency', 'detection:consistency']);
    expect(refusal(await t().gql(CREATE, { i: fx({ kind: 'INFECTION', level: 'L2' }) }, token)).fields).toEqual(['level:consistency']);
    expect(await rowCounts(t().db)).toEqual(before);
    const both = await t().gql(UPDATE, { i: { id, version: 1, kind: 'REMOTE_FRACTURE', level: 'L4' } }, token);
    expect(both.data!.updateComplication).toEqual({ version: 2, kind: 'REMOTE_FRACTURE', level: 'L4', detection: 'INCIDENTAL' });
  });

  it('stores imaging done at a visit and refuses it at a missed one; the database holds the same rules', async () => {
    const CREATE_VISIT = 'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id imagingDone } }';
    const visit = { patientId, treatmentId, timePoint: 'M1', visitDate: '2025-02-10', status: 'DONE', nrsRest: 4, imagingDone: true };
    const before = await rowCounts(t().db);
    expect(refusal(await t().gql(CREATE_VISIT, { i: { ...visit, timePoint: 'M3', status: 'MISSED', visitDate: null, nrsRest: null } }, token)).fields).toEqual([
      'imagingDone:consistency',
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
    const ok = await t().gql(CREATE_VISIT, { i: visit }, token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createAssessment.imagingDone).toBe(true);
    const q = t().db.dataSource;
    await expect(q.query(`UPDATE assessment SET status = 'MISSED' WHERE id = $1`, [ok.data!.createAssessment.id])).rejects.toThrow(
      /ck_assessment__imaging_done__visit_done/,
    );
    await expect(q.query(`UPDATE complication SET kind = 'INFECTION' WHERE level IS NOT NULL`)).rejects.toThrow(/ck_complication__level__new_fracture_only/);
  });
});
