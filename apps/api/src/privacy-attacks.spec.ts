import { ADMIN, COORD_NORTH, describeEachDatabase, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';

// The attacks a de-identified reader tried on the registry (docs/privacy.md), each of which must
// now fail: recovering a treatment date by narrowing a date range, separating ages above 89,
// recovering a small group by differencing two allowed counts, reading small numerators and
// numbers at risk, and seeing patients who withdrew their consent.

const SIZE = `query($f: CohortFilterInput) { cohortSize(filter: $f) { total groups { group n suppressed } } }`;
const PATIENTS = `query($f: PatientFilterInput) { patients(first: 200, filter: $f) { totalCount edges { node { id registryNumber } } } }`;

describeEachDatabase(
  'privacy under attack',
  (t) => {
    const field = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.fields?.[0];

    async function exportCsv(token: string, cohort: Record<string, unknown>): Promise<{ status: number; body: string }> {
      const res = await fetch(`${t().url}/api/export/assessments.csv?format=long&cohort=${encodeURIComponent(JSON.stringify(cohort))}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, body: await res.text() };
    }

    it('a researcher cannot narrow treatment dates to a day: patients, cohorts and the export take whole quarters only', async () => {
      const token = await t().login(RESEARCHER);
      const narrow = await t().gql(PATIENTS, { f: { treatedFrom: '2025-03-14', treatedTo: '2025-03-15' } }, token);
      expect(field(narrow)).toMatchObject({ field: 'filter.treatedFrom', rule: 'granularity' });
      expect(narrow.errors![0].extensions!.fields[1]).toMatchObject({
        field: 'filter.treatedTo',
        rule: 'granularity',
        message: expect.stringContaining('2025-03-31'),
      });
      const size = await t().gql(SIZE, { f: { treatedFrom: '2025-02-01' } }, token);
      expect(field(size)).toMatchObject({ field: 'treatedFrom', rule: 'granularity', message: expect.stringContaining('such as 2025-01-01') });
      const exported = await exportCsv(token, { treatedTo: '2025-05-17' });
      expect(exported.status).toBe(400);
      expect(exported.body).toMatch(/treatedTo must be the last day of a quarter, such as 2025-06-30/);
      // Whole quarters are answered.
      expect((await t().gql(PATIENTS, { f: { treatedFrom: '2024-01-01', treatedTo: '2025-12-31' } }, token)).errors).toBeUndefined();
      expect((await exportCsv(token, { treatedFrom: '2024-04-01', treatedTo: '2024-06-30' })).status).toBe(200);
      // A coordinator, who sees the dates anyway, may use any day.
      expect((await t().gql(PATIENTS, { f: { treatedFrom: '2025-03-14' } }, await t().login(COORD_NORTH))).errors).toBeUndefined();
    });

    it('ages above 89 are one group in filters: no bound separates a 98-year-old from the other 90+', async () => {
      const researcher = await t().login(RESEARCHER);
      const head = await t().login(HEAD_NORTH);
      const exported = await exportCsv(researcher, { ageMin: 98, ageMax: 98 });
      expect(exported.status).toBe(400);
      expect(exported.body).toMatch(/Ages above 89 form one group, 90\+: ageMin can be at most 90/);
      const capped = await t().gql(SIZE, { f: { ageMin: 60, ageMax: 97 } }, head);
      expect(field(capped)).toMatchObject({ field: 'ageMax', rule: 'granularity' });
      // 90+ as a group is answered.
      expect((await t().gql(SIZE, { f: { ageMin: 90 } }, head)).errors).toBeUndefined();
      expect((await exportCsv(researcher, { ageMin: 90 })).status).toBe(200);
    });

    it("a department head's counts resist differencing: overlapping queries carry unrelated noise, repeats give the same figure", async () => {
      const head = await t().login(HEAD_NORTH);
      const admin = await t().login(ADMIN);
      const total = async (token: string, f: Record<string, unknown>) => (await t().gql(SIZE, { f }, token)).data!.cohortSize.total as number | null;
      // Differencing in five-year bands, the finest a department head may ask.
      const bands = [50, 55, 60, 65, 70, 75, 80, 85, 90];
      let smallCells = 0;
      let recoveredExactly = 0;
      let perturbed = 0;
      for (const b of bands.slice(0, -1)) {
        const [outer, inner, truthOuter, truthInner] = await Promise.all([
          total(head, { ageMin: b }),
          total(head, { ageMin: b + 5 }),
          total(admin, { ageMin: b }),
          total(admin, { ageMin: b + 5 }),
        ]);
        if (outer !== truthOuter) perturbed++;
        const truth = truthOuter! - truthInner!;
        // Every count shown is within the table's reach of the truth.
        if (outer !== null) expect(Math.abs(outer - truthOuter!)).toBeLessThanOrEqual(3);
        if (truth > 0 && truth < 11 && outer !== null && inner !== null) {
          smallCells++;
          if (outer - inner === truth) recoveredExactly++;
          expect(Math.abs(outer - inner - truth)).toBeLessThanOrEqual(6);
        }
        // The band itself is withheld when small.
        const band = await total(head, { ageMin: b, ageMax: b + 4 });
        if (truth > 0 && truth < 8) expect(band).toBeNull();
      }
      expect(perturbed).toBeGreaterThan(0); // the counts a department head sees are not the exact ones
      expect(smallCells).toBeGreaterThan(0);
      // Each difference is exact only when the two noises happen to cancel (p = 0.26): that every
      // small band comes out exact would happen by chance less than once in 10,000 registries.
      if (smallCells >= 7) expect(recoveredExactly).toBeLessThan(smallCells);
      const again = await Promise.all([1, 2, 3, 4, 5].map(() => total(head, { ageMin: 75 })));
      expect(new Set(again).size).toBe(1); // repetition cannot average the noise away
    });

    it('withholds small numerators and the tails of survival curves from de-identified readers', async () => {
      for (const who of [RESEARCHER, HEAD_NORTH]) {
        const token = await t().login(who);
        const rates = await t().gql(`{ complicationRates { group category n events rate suppressed } }`, {}, token);
        expect(rates.errors).toBeUndefined();
        for (const r of rates.data!.complicationRates) {
          if (r.suppressed) expect([r.n, r.events, r.rate]).toEqual([null, null, null]);
          else expect(r.events === 0 || r.events >= 11).toBe(true);
        }
        const km = await t().gql(
          `{ survival(endpoint: PAIN_RELIEF) { curves { group n events medianDays medianLower medianUpper steps { day atRisk } suppressed } } }`,
          {},
          token,
        );
        expect(km.errors).toBeUndefined();
        for (const c of km.data!.survival.curves) {
          for (const s of c.steps) expect(s.atRisk).toBeGreaterThanOrEqual(11);
          // No day of the cut tail comes back as a median or one of its limits.
          const last = c.steps.length ? c.steps[c.steps.length - 1].day : -1;
          for (const day of [c.medianDays, c.medianLower, c.medianUpper]) if (day !== null) expect(day).toBeLessThanOrEqual(last);
        }
      }
      const coordinator = await t().gql(`{ survival(endpoint: PAIN_RELIEF) { curves { steps { atRisk } } } }`, {}, await t().login(ADMIN));
      const lastAtRisk = coordinator.data!.survival.curves.flatMap((c: any) => c.steps.map((s: any) => s.atRisk));
      expect(Math.min(...lastAtRisk)).toBeLessThan(11); // the identified reader still sees the whole curve
    });

    it('leaves patients without consent out of every figure and export, and keeps them for their coordinator', async () => {
      const admin = await t().login(ADMIN);
      const researcher = await t().login(RESEARCHER);
      const coordinator = await t().login(COORD_NORTH);
      const before = (await t().gql(SIZE, {}, admin)).data!.cohortSize.total;
      const [victim] = await t().db.dataSource.query(
        `SELECT p.id, p.registry_number, p.version FROM patient p JOIN site s ON s.id = p.site_id JOIN analysis_patient a ON a.patient_id = p.id
         WHERE s.code = 'NORTH' AND p.consent_status = 'GIVEN' ORDER BY p.registry_number LIMIT 1`,
      );
      const withdraw = await t().gql(
        `mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { consentStatus } }`,
        { i: { id: victim.id, version: victim.version, consentStatus: 'WITHDRAWN', reason: 'consent withdrawn by the patient' } },
        coordinator,
      );
      expect(withdraw.errors).toBeUndefined();
      expect((await t().gql(SIZE, {}, admin)).data!.cohortSize.total).toBe(before - 1);
      const exported = await exportCsv(researcher, {});
      expect(exported.body).not.toContain(victim.registry_number);
      const list = await t().gql(PATIENTS, { f: { registryNumber: victim.registry_number } }, researcher);
      expect(list.data!.patients.totalCount).toBe(0);
      const byId = await t().gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: victim.id }, researcher);
      expect(byId.errors![0].extensions!.code).toBe('NOT_FOUND');
      const mine = await t().gql(`query($id: ID!) { patient(id: $id) { id consentStatus } }`, { id: victim.id }, coordinator);
      expect(mine.data!.patient).toEqual({ id: victim.id, consentStatus: 'WITHDRAWN' });
    });

    it('a cohort shared by an identified user cannot carry day-level dates to a researcher, and two descriptions of the same patients give a department head one figure', async () => {
      const admin = await t().login(ADMIN);
      const researcher = await t().login(RESEARCHER);
      // The admin may filter by day; the saved filter is refused again when the researcher runs it.
      const saved = await t().gql(
        `mutation($i: SaveCohortInput!) { saveCohort(input: $i) { id filter } }`,
        { i: { name: `Day cohort ${Date.now()}`, filter: { treatedFrom: '2025-03-14', treatedTo: '2025-03-14' }, shared: true } },
        admin,
      );
      expect(saved.errors).toBeUndefined();
      const run = await t().gql(SIZE, { f: saved.data!.saveCohort.filter }, researcher);
      expect(field(run)).toMatchObject({ field: 'treatedFrom', rule: 'granularity' });
      // The same patients, described two ways, carry the same record keys: the same perturbed count.
      const head = await t().login(HEAD_NORTH);
      const all = (await t().gql(SIZE, {}, head)).data!.cohortSize.total;
      const allKinds = (await t().gql(SIZE, { f: { treatmentKinds: ['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY'], ageMin: 0 } }, head)).data!.cohortSize
        .total;
      expect(allKinds).toBe(all);
    });

    it("the new filters cannot single a patient out: a cohort narrowed to one patient's exact cement volume shows a researcher no count in any figure", async () => {
      // A value of the cement volume only one patient of the registry has.
      const [one] = await t().db.dataSource.query(`
        SELECT cement_volume_ml AS v FROM analysis_patient WHERE cement_volume_ml IS NOT NULL AND consent_status = 'GIVEN'
        GROUP BY 1 HAVING count(*) = 1 ORDER BY 1 LIMIT 1`);
      expect(one).toBeDefined();
      const f = { cementVolumeMin: one.v, cementVolumeMax: one.v };
      const r = await t().gql(
        `query($f: CohortFilterInput) {
        cohortSize(filter: $f) { total groups { n } }
        competingRisks(filter: $f) { curves { n events atOneYear steps { atRisk events } } tests { p } }
        survival(filter: $f, endpoint: OVERALL_SURVIVAL) { curves { n events steps { atRisk events } } }
        complicationRates(filter: $f) { n events }
        newFracturesByLevel(filter: $f) { n events }
        imagingRates(filter: $f) { n events }
        readmissions(filter: $f) { kind within30 { n events } within90 { n events } }
        characteristicsTable(filter: $f) { values { n count } }
        outcomeTrajectory(filter: $f) { n nChange }
        radiographicFollowUp(filter: $f) { kyphoticAngle { n } anteriorHeight { n } lossOfCorrection { n } }
        byCement: cohortSize(filter: $f, grouping: CEMENT_VOLUME) { total groups { n } }
        adjustedNewFractureComparison(filter: $f) { n excluded missingData { cohort observed analysed } } }`,
        { f },
        await t().login(RESEARCHER),
      );
      expect(r.errors).toBeUndefined();
      // Every count anywhere in the answer is withheld (null) or at least the threshold.
      const counts: [string, unknown][] = [];
      const walk = (v: unknown, key = ''): void => {
        if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
        else if (['n', 'events', 'count', 'atRisk', 'total', 'nChange', 'excluded', 'cohort', 'observed', 'analysed'].includes(key)) counts.push([key, v]);
      };
      walk(r.data);
      expect(counts.length).toBeGreaterThan(5);
      expect(counts.filter(([, v]) => v !== null && (v as number) < 11)).toEqual([]);
      expect(r.data!.competingRisks.tests).toEqual([]);
    });
  },
  { patients: 400 },
);
