import { FieldAccess, RECORD_FIELDS, RecordType } from '@vfr/domain';
import { COORD_NORTH, describeEachDatabase, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';

// An attack on de-identification: a coordinator plants a name in every free-text field, patients
// aged 88, 89 and 95 at their index treatment, a death and withdrawals; then a researcher and a
// department head ask for every field of every record type (the selections are built from the
// field-access table, so a field added there is asked for here) and every export they may call,
// and each answer is searched for the name, for calendar dates and for ages above 89.

const NAME = 'Margarethe Testperson-Unique';
const PLANTED = /Margarethe|Testperson-Unique/;
const DATE = /\d{4}-\d{2}-\d{2}/; // dates, and ISO timestamps (which begin with one)

// The record type behind each nested field.
const NESTED: Record<string, RecordType | 'Site' | 'OfScore'> = {
  site: 'Site',
  ofScore: 'OfScore',
  identifiers: 'PatientIdentifiers',
  fractures: 'Fracture',
  treatments: 'Treatment',
  assessments: 'Assessment',
  latestAssessment: 'Assessment',
  complications: 'Complication',
  levels: 'TreatedLevel',
  death: 'Death',
};

/** Every field of a record type, nested records with every field of theirs. */
function selection(record: RecordType | 'Site' | 'OfScore'): string {
  if (record === 'Site') return '{ id code name }'; // a site is no patient data
  if (record === 'OfScore') return '{ total band missing possibleMin possibleMax bandSettled components { name label points basis min max } }'; // computed from the record
  const fields = Object.entries(RECORD_FIELDS[record].fields) as [string, FieldAccess][];
  return `{ ${fields.map(([name, f]) => (f.kind === 'related' ? `${name} ${selection(NESTED[name])}` : name)).join(' ')} }`;
}

const QUERIES = {
  // Ten a page: every field of every record of a patient costs about a thousand points of the
  // query-cost limit (app.module.ts), and a reader asks for no more in one query than it allows.
  patients: `query($after: String) { patients(first: 10, after: $after, filter: { includeWithdrawn: true }) {
    totalCount pageInfo { hasNextPage endCursor } edges { node ${selection('Patient')} } } }`,
  patient: `query($id: ID!) { patient(id: $id) ${selection('Patient')} }`,
  fracture: `query($id: ID!) { fracture(id: $id) ${selection('Fracture')} }`,
  death: `query($id: ID!) { death(id: $id) ${selection('Death')} }`,
  treatment: `query($id: ID!) { treatment(id: $id) ${selection('Treatment')} }`,
  assessment: `query($id: ID!) { assessment(id: $id) ${selection('Assessment')} }`,
  complication: `query($id: ID!) { complication(id: $id) ${selection('Complication')} }`,
};

interface Planted {
  patientId: string;
  registryNumber: string;
  ageAtIndex: number;
  fractureId: string;
  treatmentId: string;
  assessmentIds: string[];
  complicationIds: string[];
  deathId: string;
}

const INDEX_DATE = '2022-03-10';

describeEachDatabase('de-identification, attacked', (t) => {
  const planted: Planted[] = [];

  async function asCoordinator<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const r = await t().gql(query, variables, await t().login(COORD_NORTH));
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return Object.values(r.data!)[0] as T;
  }

  async function plant(ageAtIndex: number, siteId: string, withdrawPatient: boolean): Promise<Planted> {
    const birthYear = Number(INDEX_DATE.slice(0, 4)) - ageAtIndex;
    const patient = await asCoordinator(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id version registryNumber } }`, {
      i: {
        siteId,
        sex: 'FEMALE',
        birthYear,
        consentStatus: 'GIVEN',
        identifiers: {
          mrn: `MRN-${ageAtIndex}-${Date.now() % 100000}`,
          familyName: 'Testperson-Unique',
          givenName: 'Margarethe',
          dateOfBirth: `${birthYear}-04-02`,
        },
      },
    });
    const fracture = await asCoordinator(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
      i: {
        patientId: patient.id,
        level: 'L1',
        onsetDate: '2022-02-20',
        cause: 'OSTEOPOROTIC',
        genantGrade: 2,
        additionalInjuries: `Wrist fracture; told ${NAME} at home`,
        additionalInjuryKinds: ['UPPER_LIMB'],
      },
    });
    const treatment = await asCoordinator(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
      i: {
        patientId: patient.id,
        kind: 'CONSERVATIVE',
        startDate: INDEX_DATE,
        levels: [{ fractureId: fracture.id }],
        analgesicLevel: 'NON_OPIOID',
        brace: true,
      },
    });
    const visit = (timePoint: string, visitDate: string, nrs: number) =>
      asCoordinator(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version } }`, {
        i: { patientId: patient.id, treatmentId: treatment.id, timePoint, visitDate, nrsRest: nrs, nrsActivity: nrs + 1 },
      });
    const baseline = await visit('BASELINE', INDEX_DATE, 7);
    const m1 = await visit('M1', '2022-04-09', 4);
    const unscheduled = await visit('UNSCHEDULED', '2022-05-01', 5);
    await asCoordinator(`mutation($i: WithdrawInput!) { withdrawAssessment(input: $i) { id } }`, {
      i: { id: unscheduled.id, version: unscheduled.version, reason: `Entered for ${NAME} by mistake` },
    });
    const complication = (kind: string, occurredOn: string, extra: Record<string, unknown>) =>
      asCoordinator(`mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id version } }`, {
        i: { patientId: patient.id, treatmentId: treatment.id, kind, occurredOn, notes: `Seen by ${NAME}'s daughter on the ward`, ...extra },
      });
    const haematoma = await complication('HAEMATOMA', '2022-03-20', { clavienDindo: 'I' });
    const infection = await complication('INFECTION', '2022-03-25', { clavienDindo: 'II' });
    await asCoordinator(`mutation($i: WithdrawInput!) { withdrawComplication(input: $i) { id } }`, {
      i: { id: infection.id, version: infection.version, reason: `${NAME} asked for this to be removed` },
    });
    const death = await asCoordinator(`mutation($i: RecordDeathInput!) { recordDeath(input: $i) { id version } }`, {
      i: { patientId: patient.id, diedOn: '2022-06-30', cause: 'UNKNOWN', source: 'FAMILY', notes: `Told by ${NAME}'s daughter` },
    });
    if (withdrawPatient) {
      const current = await asCoordinator(`query($id: ID!) { patient(id: $id) { version } }`, { id: patient.id });
      await asCoordinator(`mutation($i: WithdrawInput!) { withdrawPatient(input: $i) { id } }`, {
        i: { id: patient.id, version: current.version, reason: `${NAME} withdrew consent by letter` },
      });
    }
    return {
      patientId: patient.id,
      registryNumber: patient.registryNumber,
      ageAtIndex,
      fractureId: fracture.id,
      treatmentId: treatment.id,
      assessmentIds: [baseline.id, m1.id, unscheduled.id],
      complicationIds: [haematoma.id, infection.id],
      deathId: death.id,
    };
  }

  beforeAll(async () => {
    const sites = await t().gql(`{ sites { id code } }`, {}, await t().login(COORD_NORTH));
    const north = sites.data!.sites.find((s: { code: string }) => s.code === 'NORTH').id;
    // 88 and 89 at the index treatment (more than 90 today), 95 at it, and one withdrawn.
    planted.push(await plant(88, north, false), await plant(89, north, false), await plant(95, north, false), await plant(91, north, true));
  });

  /** Every read a researcher or department head could make of the planted records. */
  async function everyRead(token: string): Promise<{ name: string; body: any }[]> {
    const reads: { name: string; body: any }[] = [];
    for (let after: string | null = null, page = 1; ; page++) {
      const body: any = await t().gql(QUERIES.patients, { after }, token);
      reads.push({ name: `patients page ${page}`, body });
      if (!body.data?.patients.pageInfo.hasNextPage) break;
      after = body.data.patients.pageInfo.endCursor;
    }
    for (const p of planted) {
      reads.push({ name: `patient ${p.ageAtIndex}`, body: await t().gql(QUERIES.patient, { id: p.patientId }, token) });
      reads.push({ name: `fracture ${p.ageAtIndex}`, body: await t().gql(QUERIES.fracture, { id: p.fractureId }, token) });
      reads.push({ name: `treatment ${p.ageAtIndex}`, body: await t().gql(QUERIES.treatment, { id: p.treatmentId }, token) });
      for (const id of p.assessmentIds) reads.push({ name: `assessment ${p.ageAtIndex}`, body: await t().gql(QUERIES.assessment, { id }, token) });
      for (const id of p.complicationIds) reads.push({ name: `complication ${p.ageAtIndex}`, body: await t().gql(QUERIES.complication, { id }, token) });
      reads.push({ name: `death ${p.ageAtIndex}`, body: await t().gql(QUERIES.death, { id: p.deathId }, token) });
    }
    return reads;
  }

  async function get(path: string, token: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${t().url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, text: await res.text() };
  }

  const EXPORTS = [
    '/api/export/assessments.csv?format=long',
    '/api/export/assessments.csv?format=wide',
    `/api/export/assessments.csv?format=long&cohort=${encodeURIComponent('{"ageMin":85}')}`,
    `/api/export/assessments.csv?format=wide&cohort=${encodeURIComponent('{"treatmentKinds":["CONSERVATIVE"]}')}`,
    '/api/export/dictionary.csv?format=long',
    '/api/export/dictionary.csv?format=wide',
    ...['patients', 'fractures', 'treatments', 'assessments', 'complications'].map((k) => `/api/export/records/${k}.csv`),
  ];

  /** Every age a response gives, wherever it is. */
  function agesIn(value: unknown, out: unknown[] = []): unknown[] {
    if (Array.isArray(value)) value.forEach((v) => agesIn(v, out));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'ageAtIndexTreatment') out.push(v);
        else agesIn(v, out);
      }
    }
    return out;
  }

  describe('a researcher', () => {
    it('reads every field of every record and finds no planted text, no calendar date, no birth year and no age above 89', async () => {
      const token = await t().login(RESEARCHER);
      for (const { name, body } of await everyRead(token)) {
        expect([name, body.errors]).toEqual([name, undefined]);
        const text = JSON.stringify(body);
        expect([name, text]).toEqual([name, expect.not.stringMatching(PLANTED)]);
        expect([name, text]).toEqual([name, expect.not.stringMatching(DATE)]);
        expect([name, text]).toEqual([name, expect.not.stringMatching(/"birthYear":\d/)]);
        for (const age of agesIn(body.data)) expect(age === null || age === '90+' || Number(age) <= 89).toBe(true);
      }
    });

    it('is given the age at the index treatment, 90+ above 89, and no birth year that would tell more', async () => {
      const token = await t().login(RESEARCHER);
      const seen = new Map<number, unknown>();
      for (const p of planted) seen.set(p.ageAtIndex, (await t().gql(QUERIES.patient, { id: p.patientId }, token)).data!.patient);
      expect(seen.get(88)).toMatchObject({ ageAtIndexTreatment: '88', birthYear: null, identifiers: null });
      expect(seen.get(89)).toMatchObject({ ageAtIndexTreatment: '89', birthYear: null, identifiers: null });
      expect(seen.get(95)).toMatchObject({ ageAtIndexTreatment: '90+', birthYear: null, identifiers: null });
      expect(seen.get(91)).toMatchObject({ ageAtIndexTreatment: '90+', withdrawn: true, withdrawnAt: null, withdrawnReason: null });
    });

    it('is given every date as days from the index treatment, the day of death too', async () => {
      const p = planted.find((x) => x.ageAtIndex === 89)!;
      const r = await t().gql(QUERIES.patient, { id: p.patientId }, await t().login(RESEARCHER));
      const patient = r.data!.patient;
      expect(patient.treatments).toEqual([expect.objectContaining({ startDate: null, startDay: 0, createdAt: null, updatedAt: null })]);
      // The kinds are categories and reach the researcher; the free text beside them does not.
      expect(patient.fractures).toEqual([
        expect.objectContaining({ onsetDate: null, onsetDay: -18, additionalInjuries: null, additionalInjuryKinds: ['UPPER_LIMB'] }),
      ]);
      expect(patient.assessments.map((a: any) => [a.timePoint, a.visitDate, a.visitDay])).toEqual([
        ['BASELINE', null, 0],
        ['M1', null, 30],
      ]);
      expect(patient.complications.map((c: any) => [c.kind, c.occurredOn, c.occurredDay, c.notes])).toEqual([['HAEMATOMA', null, 10, null]]);
      expect(patient.death).toMatchObject({ diedOn: null, diedDay: 112, notes: null, createdAt: null });
      const withdrawn = await t().gql(QUERIES.complication, { id: p.complicationIds[1] }, await t().login(RESEARCHER));
      expect(withdrawn.data!.complication).toMatchObject({ withdrawn: true, withdrawnAt: null, withdrawnReason: null, occurredDay: 15, notes: null });
    });

    it('cannot recover a treatment date or a name through the patient filter', async () => {
      const token = await t().login(RESEARCHER);
      // A day is refused; whole quarters are the finest a de-identified reader may ask (docs/privacy.md).
      const byDate = await t().gql(`{ patients(filter: { treatedFrom: "${INDEX_DATE}", treatedTo: "${INDEX_DATE}" }) { totalCount } }`, {}, token);
      expect(byDate.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'filter.treatedFrom', rule: 'granularity' },
          { field: 'filter.treatedTo', rule: 'granularity' },
        ],
      });
      const byName = await t().gql(`{ patients(filter: { name: "Testperson" }) { totalCount } }`, {}, token);
      expect(byName.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('downloads the exports it may call and finds no planted text, no calendar date and no age above 89; the identified ones are refused', async () => {
      const token = await t().login(RESEARCHER);
      for (const path of EXPORTS) {
        const r = await get(path, token);
        if (path.includes('/records/')) {
          expect([path, r.status]).toEqual([path, 403]);
          continue;
        }
        expect([path, r.status]).toEqual([path, 200]);
        expect([path, r.text]).toEqual([path, expect.not.stringMatching(PLANTED)]);
        expect([path, r.text]).toEqual([path, expect.not.stringMatching(DATE)]);
        if (!path.includes('/assessments.csv')) continue;
        const [header, ...rows] = r.text
          .trim()
          .split('\n')
          .map((l) => l.split(','));
        const age = header.indexOf('age_at_index');
        for (const row of rows) expect(row[age] === '90+' || Number(row[age]) <= 89).toBe(true);
        const ageOf = (rn: string) => rows.find((row) => row[0] === rn)?.[age];
        const byAge = Object.fromEntries(planted.filter((p) => p.ageAtIndex !== 91).map((p) => [p.ageAtIndex, ageOf(p.registryNumber)]));
        expect(byAge).toEqual({ 88: '88', 89: '89', 95: '90+' });
      }
    });

    it('reads in the data dictionary that ages above 89 come as 90+', async () => {
      const r = await get('/api/export/dictionary.csv?format=long', await t().login(RESEARCHER));
      expect(r.text).toContain('age_at_index,"integer or ""90+""",Age in years at the index (first) treatment; above 89 shown as 90+');
    });
  });

  describe('a department head', () => {
    it('is refused every patient-level read and every export row, and the refusals carry nothing planted', async () => {
      const token = await t().login(HEAD_NORTH);
      for (const { name, body } of await everyRead(token)) {
        expect([name, body.data ?? null]).toEqual([name, null]);
        expect([name, body.errors?.[0]?.extensions?.code]).toEqual([name, 'FORBIDDEN']);
        expect([name, JSON.stringify(body)]).toEqual([name, expect.not.stringMatching(PLANTED)]);
        expect([name, JSON.stringify(body)]).toEqual([name, expect.not.stringMatching(DATE)]);
      }
      for (const path of EXPORTS) {
        const r = await get(path, token);
        expect([path, r.status]).toEqual([path, 403]);
        expect(r.text).not.toMatch(PLANTED);
      }
    });
  });

  describe('the coordinator of the site', () => {
    it('still sees everything: identifiers, exact dates, birth years, exact ages, free text and reasons', async () => {
      const token = await t().login(COORD_NORTH);
      const p = planted.find((x) => x.ageAtIndex === 95)!;
      const patient = (await t().gql(QUERIES.patient, { id: p.patientId }, token)).data!.patient;
      expect(patient).toMatchObject({
        birthYear: 1927,
        ageAtIndexTreatment: '95',
        createdAt: expect.stringMatching(DATE),
        identifiers: { familyName: 'Testperson-Unique', givenName: 'Margarethe', dateOfBirth: '1927-04-02' },
      });
      expect(patient.treatments[0]).toMatchObject({ startDate: INDEX_DATE, startDay: 0 });
      expect(patient.fractures[0]).toMatchObject({ onsetDate: '2022-02-20', onsetDay: -18, additionalInjuries: `Wrist fracture; told ${NAME} at home` });
      expect(patient.complications.map((c: any) => [c.occurredOn, c.notes])).toContainEqual(['2022-03-20', `Seen by ${NAME}'s daughter on the ward`]);
      expect(patient.death).toMatchObject({ diedOn: '2022-06-30', diedDay: 112, notes: `Told by ${NAME}'s daughter` });
      const withdrawn = (await t().gql(QUERIES.complication, { id: p.complicationIds[1] }, token)).data!.complication;
      expect(withdrawn).toMatchObject({ withdrawn: true, withdrawnAt: expect.stringMatching(DATE), withdrawnReason: `${NAME} asked for this to be removed` });
      const gone = planted.find((x) => x.ageAtIndex === 91)!;
      expect((await t().gql(QUERIES.patient, { id: gone.patientId }, token)).data!.patient).toMatchObject({
        withdrawnReason: `${NAME} withdrew consent by letter`,
      });

      const records = await get('/api/export/records/complications.csv', token);
      expect(records.status).toBe(200);
      expect(records.text).toContain(NAME);
      const byDate = await t().gql(`{ patients(filter: { treatedFrom: "${INDEX_DATE}", treatedTo: "${INDEX_DATE}" }) { totalCount } }`, {}, token);
      expect(byDate.data!.patients.totalCount).toBeGreaterThanOrEqual(3);
    });

    it('downloads the cohort export de-identified like everyone (it may be handed on as it is)', async () => {
      const r = await get('/api/export/assessments.csv?format=wide', await t().login(COORD_NORTH));
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(PLANTED);
      expect(r.text).not.toMatch(DATE);
      const [header, ...rows] = r.text
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const p = planted.find((x) => x.ageAtIndex === 95)!;
      expect(rows.find((row) => row[0] === p.registryNumber)?.[header.indexOf('age_at_index')]).toBe('90+');
    });
  });
});
