import { randomUUID } from 'node:crypto';
import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, GraphQLResponse, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';

// Every create mutation takes the client's request id: the same create sent again (its answer
// lost) or twice at once records one row and one audit event and answers both times with it; the
// same id with other values is refused on requestId, and so is an id of another site's (or
// user's) record, without a word of that record.

interface Ids {
  northSite: string;
  southSite: string;
  north: { patient: string; fractures: string[]; treatment: string };
  south: { patient: string; fractures: string[]; treatment: string };
}

interface Create {
  mutation: string;
  input: string;
  table: string;
  entityType: string;
  who: string;
  /** A valid input, distinct for each n (levels, emails, codes and names are unique). */
  make: (ids: Ids, n: number) => Record<string, unknown>;
  /** The same create with one value changed, and the field the refusal names. */
  change: (input: Record<string, unknown>, ids: Ids) => [Record<string, unknown>, string];
  /** Someone who may not see the record, and a create of theirs. */
  other?: { who: string; make: (ids: Ids, n: number) => Record<string, unknown> };
}

const LEVELS = ['T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11'];

const patient = (siteId: string, n: number) => ({
  siteId,
  sex: 'FEMALE',
  birthYear: 1940 + n,
  identifiers: { mrn: `RQ-${randomUUID().slice(0, 8)}`, familyName: 'Retry', givenName: `Ana ${n}`, dateOfBirth: `${1940 + n}-05-01` },
});
const fracture = (p: Ids['north'], n: number) => ({ patientId: p.patient, level: LEVELS[n], onsetDate: '2024-02-01', cause: 'OSTEOPOROTIC', genantGrade: 2 });
const treatment = (p: Ids['north'], n: number) => ({
  patientId: p.patient,
  kind: 'CONSERVATIVE',
  startDate: `2024-03-0${n + 1}`,
  brace: true,
  levels: [{ fractureId: p.fractures[0] }],
});
const complication = (p: Ids['north'], n: number) => ({
  patientId: p.patient,
  treatmentId: p.treatment,
  occurredOn: `2024-04-0${n + 1}`,
  kind: 'INFECTION',
  notes: `note ${n}`,
});
const visit = (p: Ids['north'], n: number) => ({
  patientId: p.patient,
  treatmentId: p.treatment,
  timePoint: 'UNSCHEDULED',
  visitDate: `2024-05-0${n + 1}`,
  nrsRest: n,
});
const cohort = (n: number) => ({
  name: `Retried cohort ${n} ${randomUUID().slice(0, 6)}`,
  filter: { ageMin: 60 + 5 * n, treatmentKinds: ['KYPHOPLASTY', 'VERTEBROPLASTY'] },
  shared: false,
});

const CREATES: Record<string, Create> = {
  createPatient: {
    mutation: 'createPatient',
    input: 'CreatePatientInput',
    table: 'patient',
    entityType: 'Patient',
    who: COORD_NORTH,
    make: (ids, n) => patient(ids.northSite, n),
    change: (i) => [{ ...i, identifiers: { ...(i.identifiers as object), familyName: 'Other' } }, 'identifiers'],
    other: { who: COORD_SOUTH, make: (ids, n) => patient(ids.southSite, n) },
  },
  createFracture: {
    mutation: 'createFracture',
    input: 'CreateFractureInput',
    table: 'fracture',
    entityType: 'Fracture',
    who: COORD_NORTH,
    make: (ids, n) => fracture(ids.north, n),
    change: (i) => [{ ...i, genantGrade: 3 }, 'genantGrade'],
    other: { who: COORD_SOUTH, make: (ids, n) => fracture(ids.south, n) },
  },
  createTreatment: {
    mutation: 'createTreatment',
    input: 'CreateTreatmentInput',
    table: 'treatment',
    entityType: 'Treatment',
    who: COORD_NORTH,
    make: (ids, n) => treatment(ids.north, n),
    change: (i, ids) => [{ ...i, levels: [{ fractureId: ids.north.fractures[1] }] }, 'levels'],
    other: { who: COORD_SOUTH, make: (ids, n) => treatment(ids.south, n) },
  },
  createComplication: {
    mutation: 'createComplication',
    input: 'CreateComplicationInput',
    table: 'complication',
    entityType: 'Complication',
    who: COORD_NORTH,
    make: (ids, n) => complication(ids.north, n),
    change: (i) => [{ ...i, notes: 'another note' }, 'notes'],
    other: { who: COORD_SOUTH, make: (ids, n) => complication(ids.south, n) },
  },
  createAssessment: {
    mutation: 'createAssessment',
    input: 'CreateAssessmentInput',
    table: 'assessment',
    entityType: 'Assessment',
    who: COORD_NORTH,
    make: (ids, n) => visit(ids.north, n),
    change: (i) => [{ ...i, nrsRest: 9 }, 'nrsRest'],
    other: { who: COORD_SOUTH, make: (ids, n) => visit(ids.south, n) },
  },
  createUser: {
    mutation: 'createUser',
    input: 'CreateUserInput',
    table: 'app_user',
    entityType: 'User',
    who: ADMIN,
    make: (_ids, n) => ({
      email: `retry.${n}.${randomUUID().slice(0, 6)}@test.registry`,
      displayName: `Retry ${n}`,
      role: 'RESEARCHER',
      password: 'a long enough password',
    }),
    // A password is stored hashed (with its own salt): a retry's is checked against the hash.
    change: (i) => [{ ...i, password: 'another long password' }, 'password'],
  },
  createSite: {
    mutation: 'createSite',
    input: 'CreateSiteInput',
    table: 'site',
    entityType: 'Site',
    who: ADMIN,
    make: (_ids, n) => ({ code: `RQ${n}${randomUUID().slice(0, 4).toUpperCase()}`, name: `Retry site ${n}` }),
    change: (i) => [{ ...i, name: 'Another name' }, 'name'],
  },
  saveCohort: {
    mutation: 'saveCohort',
    input: 'SaveCohortInput',
    table: 'saved_cohort',
    entityType: 'SavedCohort',
    who: RESEARCHER,
    make: (_ids, n) => cohort(n),
    change: (i) => [{ ...i, filter: { ageMin: 50 } }, 'filter'],
    other: { who: HEAD_NORTH, make: (_ids, n) => cohort(n) },
  },
};

describeEachDatabase('client request ids on every create', (t) => {
  let ids: Ids;
  const send = async (c: Create, input: Record<string, unknown>, who = c.who): Promise<GraphQLResponse> =>
    t().gql(`mutation($i: ${c.input}!) { ${c.mutation}(input: $i) { id } }`, { i: input }, await t().login(who));
  const stored = (c: Create, requestId: string) => t().db.dataSource.query<{ id: string }[]>(`SELECT id FROM ${c.table} WHERE request_id = $1`, [requestId]);
  const audited = async (c: Create, id?: string) => {
    const [{ n, created }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE entity_id = $1 AND entity_type = $2 AND action = 'CREATE'))::int AS created FROM audit_event`,
      [id ?? null, c.entityType],
    );
    return { n: n as number, created: created as number };
  };
  const refusal = (r: GraphQLResponse, rule: string) => {
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'requestId',
      fields: [expect.objectContaining({ field: 'requestId', rule })],
    });
    return r.errors![0];
  };

  beforeAll(async () => {
    const sites: { id: string; code: string }[] = await t().db.dataSource.query(`SELECT id, code FROM site WHERE code IN ('NORTH', 'SOUTH')`);
    const siteOf = (code: string) => sites.find((s) => s.code === code)!.id;
    const setUp = async (who: string, siteId: string) => {
      const one = async (c: Create, input: Record<string, unknown>) => {
        const r = await send(c, input, who);
        expect(r.errors).toBeUndefined();
        return r.data![c.mutation].id as string;
      };
      const p = { patient: await one(CREATES.createPatient, patient(siteId, 30)), fractures: [] as string[], treatment: '' };
      for (const level of ['L1', 'L2']) p.fractures.push(await one(CREATES.createFracture, { ...fracture(p, 0), level }));
      p.treatment = await one(CREATES.createTreatment, { ...treatment(p, 0), startDate: '2024-01-15' });
      return p;
    };
    ids = {
      northSite: siteOf('NORTH'),
      southSite: siteOf('SOUTH'),
      north: await setUp(COORD_NORTH, siteOf('NORTH')),
      south: await setUp(COORD_SOUTH, siteOf('SOUTH')),
    };
  });

  it.each(Object.keys(CREATES))('%s: a retry returns the record made before; other values are refused naming requestId', async (name) => {
    const c = CREATES[name];
    const requestId = randomUUID();
    const input = { ...c.make(ids, 1), requestId };
    const first = await send(c, input);
    expect(first.errors).toBeUndefined();
    const id = first.data![c.mutation].id as string;
    const afterFirst = await audited(c, id);
    // The answer was lost; the client sends the very same request again.
    const again = await send(c, input);
    expect(again.errors).toBeUndefined();
    expect(again.data![c.mutation].id).toBe(id);
    expect(await stored(c, requestId)).toEqual([{ id }]);
    expect(await audited(c, id)).toEqual({ n: afterFirst.n, created: 1 });

    const [changed, field] = c.change(input, ids);
    const refused = refusal(await send(c, changed), 'unique');
    expect(refused.message).toContain(`another ${field}`);
    refusal(await send(c, { ...c.make(ids, 2), requestId: 'retry-1' }), 'format');
    expect(await stored(c, requestId)).toEqual([{ id }]);
    expect((await audited(c)).n).toBe(afterFirst.n);
  });

  it.each(Object.keys(CREATES))('%s: the same create sent twice at once is recorded once and both answers name it', async (name) => {
    const c = CREATES[name];
    const requestId = randomUUID();
    const input = { ...c.make(ids, 3), requestId };
    const before = await audited(c);
    const answers = await Promise.all([send(c, input), send(c, input)]);
    for (const a of answers) expect(a.errors).toBeUndefined();
    const [{ id }] = await stored(c, requestId);
    expect(answers.map((a) => a.data![c.mutation].id)).toEqual([id, id]);
    expect(await stored(c, requestId)).toHaveLength(1);
    const after = await audited(c, id);
    expect(after.created).toBe(1);
    // The one create's events only: two for a treatment (its levels) and for a patient (identifiers).
    expect(after.n - before.n).toBe(name === 'createTreatment' || name === 'createPatient' ? 2 : 1);
  });

  it.each(Object.keys(CREATES).filter((name) => CREATES[name].other))('%s: a request id of another site or user does not reveal its record', async (name) => {
    const c = CREATES[name];
    const requestId = randomUUID();
    const mine = await send(c, { ...c.make(ids, 4), requestId });
    expect(mine.errors).toBeUndefined();
    const id = mine.data![c.mutation].id as string;
    const theirs = await send(c, { ...c.other!.make(ids, 4), requestId }, c.other!.who);
    const refused = refusal(theirs, 'unique');
    expect(refused.message).not.toMatch(/has another/);
    expect(JSON.stringify(theirs)).not.toContain(id);
    expect(await stored(c, requestId)).toEqual([{ id }]);
  });
});
