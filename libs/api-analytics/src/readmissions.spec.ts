import { ADMIN, COORD_NORTH, describeEachDatabase, followUpEnds, HEAD_NORTH } from '@vfr/api-testing';
import { wilsonInterval } from '@vfr/stats';

// The readmission figure recomputed from the raw rows: readmissions within 30 and 90 days per
// treatment kind (the three paths, of the treatments with each recorded, Wilson intervals), and
// repeat augmentation (a later procedure at a level a procedure treated, within follow-up) per
// procedure kind. Department heads see it through the disclosure control.
describeEachDatabase(
  'readmissions and repeat augmentation',
  (t) => {
    const Q = `{ readmissions { kind within30 { n events rate lower upper suppressed } within90 { n events rate lower upper suppressed } repeatAugmentation { n events rate lower upper suppressed } } }`;
    type Treatment = { id: string; patient_id: string; kind: string; start_date: string; r30: boolean | null; r90: boolean | null; levels: string[] };
    const load = async (): Promise<Treatment[]> =>
      t().db.dataSource.query(`
    SELECT t.id, t.patient_id, t.kind::text, to_char(t.start_date, 'YYYY-MM-DD') AS start_date, t.readmitted_within_30_days AS r30, t.readmitted_within_90_days AS r90,
           (SELECT array_agg(f.level::text) FROM treated_level l JOIN fracture f ON f.id = l.fracture_id WHERE l.treatment_id = t.id) AS levels
    FROM treatment t JOIN patient p ON p.id = t.patient_id WHERE t.withdrawn_at IS NULL AND p.withdrawn_at IS NULL`);
    const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

    beforeAll(async () => {
      // Repeat augmentations the seed does not make: in NORTH, a second vertebroplasty of the same
      // fracture within follow-up (counted), and one after the end of follow-up (not counted).
      const token = await t().login(COORD_NORTH);
      const ends = await followUpEnds(t().db.dataSource);
      const candidates: { patient_id: string; treatment_id: string; fracture_id: string; start: string }[] = await t().db.dataSource.query(`
      SELECT t.patient_id, t.id AS treatment_id, l.fracture_id, to_char(t.start_date, 'YYYY-MM-DD') AS start
      FROM treatment t JOIN treated_level l ON l.treatment_id = t.id JOIN patient p ON p.id = t.patient_id JOIN site s ON s.id = p.site_id
      WHERE s.code = 'NORTH' AND t.kind = 'VERTEBROPLASTY' AND t.withdrawn_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM treatment o WHERE o.patient_id = t.patient_id AND o.id <> t.id)
      ORDER BY p.registry_number, l.fracture_id`);
      const today = new Date().toISOString().slice(0, 10);
      const first = candidates.filter((c, i) => candidates.findIndex((o) => o.patient_id === c.patient_id) === i);
      const within = first.filter((c) => ends.get(c.patient_id)!.end >= addDays(c.start, 40)).slice(0, 3);
      const after = first.find((c) => !within.some((w) => w.patient_id === c.patient_id) && addDays(ends.get(c.patient_id)!.end, 5) < today);
      expect(within.length).toBe(3);
      expect(after).toBeDefined();
      const add = async (c: (typeof candidates)[number], start: string) => {
        const r = await t().gql(
          'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
          {
            i: {
              patientId: c.patient_id,
              kind: 'VERTEBROPLASTY',
              startDate: start,
              anaesthesia: 'LOCAL',
              approach: 'UNIPEDICULAR',
              levels: [{ fractureId: c.fracture_id, cementVolumeMl: 3 }],
            },
          },
          token,
        );
        expect(r.errors).toBeUndefined();
      };
      for (const c of within) await add(c, addDays(c.start, 30));
      await add(after!, addDays(ends.get(after!.patient_id)!.end, 3));
    });

    it('gives the admin exactly the rates and intervals the raw rows give, for the three paths', async () => {
      const treatments = await load();
      const ends = await followUpEnds(t().db.dataSource);
      const r = await t().gql(Q, {}, await t().login(ADMIN));
      expect(r.errors).toBeUndefined();
      expect(r.data!.readmissions.map((x: any) => x.kind)).toEqual(['CONSERVATIVE', 'KYPHOPLASTY', 'VERTEBROPLASTY']);
      const check = (shown: any, n: number, events: number) => {
        const ci = wilsonInterval(events, n);
        expect([shown.n, shown.events, shown.suppressed]).toEqual([n, events, false]);
        expect(shown.rate).toBeCloseTo(events / n, 12);
        expect(shown.lower).toBeCloseTo(ci.lower, 12);
        expect(shown.upper).toBeCloseTo(ci.upper, 12);
      };
      let repeats = 0;
      for (const row of r.data!.readmissions) {
        const mine = treatments.filter((x) => x.kind === row.kind);
        const r30 = mine.filter((x) => x.r30 !== null);
        const r90 = mine.filter((x) => x.r90 !== null);
        expect(r30.length).toBeGreaterThan(0);
        check(row.within30, r30.length, r30.filter((x) => x.r30).length);
        check(row.within90, r90.length, r90.filter((x) => x.r90).length);
        if (row.kind === 'CONSERVATIVE') {
          expect(row.repeatAugmentation).toBeNull();
          continue;
        }
        const repeated = mine.filter((x) =>
          treatments.some(
            (y) =>
              y.patient_id === x.patient_id &&
              y.kind !== 'CONSERVATIVE' &&
              y.start_date > x.start_date &&
              y.start_date <= ends.get(x.patient_id)!.end &&
              y.levels.some((l) => x.levels.includes(l)),
          ),
        );
        check(row.repeatAugmentation, mine.length, repeated.length);
        repeats += repeated.length;
      }
      // The three within follow-up, not the one after it.
      expect(repeats).toBe(3);
    });

    it('gives a department head the figure through the disclosure control: a rate shown only with its counts', async () => {
      const r = await t().gql(Q, {}, await t().login(HEAD_NORTH));
      expect(r.errors).toBeUndefined();
      for (const row of r.data!.readmissions) {
        for (const rate of [row.within30, row.within90, row.repeatAugmentation].filter(Boolean)) {
          if (rate.suppressed) expect([rate.events, rate.rate, rate.lower]).toEqual([null, null, null]);
          else {
            expect(rate.n).toBeGreaterThanOrEqual(11);
            expect(rate.events === 0 || rate.events >= 11).toBe(true);
            expect(rate.n - rate.events === 0 || rate.n - rate.events >= 11).toBe(true);
          }
        }
      }
      // Three repeat augmentations are a small cell: never shown to a department head.
      expect(r.data!.readmissions.find((x: any) => x.kind === 'VERTEBROPLASTY').repeatAugmentation).toMatchObject({ events: null, suppressed: true });
    });
  },
  { patients: 200 },
);
