import { ADMIN, describeEachDatabase, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';
import { COMPLICATION_RATE_CATEGORIES, COMPLICATION_SPLITS } from '@vfr/domain';

// The complication rates (docs/methods.md, Complication rates) checked cell by cell against a
// count written independently over the source tables (patient, treatment, complication, and
// death and assessment for the end of follow-up), and the new splits attacked as a department
// head and a researcher would (docs/privacy.md, section 3).

const RATES = `query($f: CohortFilterInput, $g: TreatmentGrouping) { complicationRates(filter: $f, grouping: $g) { group category events n rate suppressed } }`;

interface Rate {
  group: string;
  category: string;
  events: number | null;
  n: number | null;
  rate: number | null;
  suppressed: boolean;
}

// Day 0, the group (first treatment), the end of follow-up and the crossover from the source
// tables; each row then counted with SQL of its own (enum order for the grades, HAVING for the
// patient's highest grade and its leakages' symptom), not the service's.
const INDEPENDENT = `
  WITH idx AS (
    SELECT DISTINCT ON (t.patient_id) t.patient_id, t.id, t.kind::text AS grp, t.start_date
    FROM treatment t JOIN patient p ON p.id = t.patient_id AND p.withdrawn_at IS NULL AND p.consent_status = 'GIVEN'
    WHERE t.withdrawn_at IS NULL ORDER BY t.patient_id, t.start_date, t.created_at),
  fu AS (
    SELECT i.*,
      coalesce((SELECT min(d.died_on) FROM death d WHERE d.patient_id = i.patient_id AND d.withdrawn_at IS NULL),
               greatest((SELECT max(a.visit_date) FROM assessment a WHERE a.patient_id = i.patient_id AND a.status = 'DONE' AND a.withdrawn_at IS NULL), i.start_date)) AS end_date,
      (SELECT min(t.start_date) FROM treatment t WHERE t.patient_id = i.patient_id AND t.withdrawn_at IS NULL AND t.id <> i.id
         AND t.kind::text <> i.grp AND t.start_date >= i.start_date) AS crossover
    FROM idx i),
  x AS (
    SELECT f.grp, f.patient_id, f.crossover, c.kind::text AS kind, c.clavien_dindo, c.symptomatic, c.occurred_on
    FROM fu f JOIN complication c ON c.patient_id = f.patient_id AND c.withdrawn_at IS NULL AND c.kind <> 'DEATH'
      AND c.occurred_on BETWEEN f.start_date AND f.end_date
      AND ($1::boolean IS NOT TRUE OR f.crossover IS NULL OR c.occurred_on < f.crossover))
  SELECT grp, '#N' AS category, count(*)::int AS events FROM fu GROUP BY grp
  UNION ALL SELECT grp, 'ANY', count(DISTINCT patient_id)::int FROM x GROUP BY grp
  UNION ALL SELECT grp, kind, count(DISTINCT patient_id)::int FROM x GROUP BY grp, kind
  UNION ALL SELECT grp, CASE WHEN max(clavien_dindo) >= 'IIIA' THEN 'MAJOR' WHEN max(clavien_dindo) IS NOT NULL THEN 'MINOR' ELSE 'GRADE_NOT_RECORDED' END, 1
            FROM x GROUP BY grp, patient_id
  UNION ALL SELECT grp, CASE WHEN bool_or(symptomatic) THEN 'LEAKAGE_SYMPTOMATIC' WHEN NOT bool_or(symptomatic) THEN 'LEAKAGE_ASYMPTOMATIC'
                             ELSE 'LEAKAGE_SYMPTOM_NOT_RECORDED' END, 1
            FROM x WHERE kind = 'CEMENT_LEAKAGE' GROUP BY grp, patient_id
  UNION ALL SELECT grp, 'AFTER_CROSSOVER', count(DISTINCT patient_id)::int FROM x WHERE occurred_on >= crossover GROUP BY grp`;

describeEachDatabase(
  'complication rates: grades, leakage by symptom, every kind, crossovers',
  (t) => {
    beforeAll(async () => {
      // The seeded registry grades few complications III or more and records every leakage's
      // symptom: a few of each, so that those rows are not zero everywhere.
      await t().db.dataSource.query(`
      INSERT INTO complication (patient_id, treatment_id, occurred_on, kind, clavien_dindo, symptomatic)
      SELECT patient_id, index_treatment_id, index_date, k.kind::complication_kind, k.grade::clavien_dindo_grade, k.symptomatic
      FROM (SELECT a.*, row_number() OVER (ORDER BY a.registry_number) AS i FROM analysis_patient a
            WHERE a.first_kind <> 'CONSERVATIVE' AND a.consent_status = 'GIVEN') a
      JOIN (VALUES (1, 'INFECTION', 'IIIB', NULL::boolean), (2, 'NEUROLOGICAL_DEFICIT', 'IVA', NULL), (3, 'CEMENT_LEAKAGE', NULL, NULL),
                   (4, 'CEMENT_LEAKAGE', 'IIIA', true), (5, 'HAEMATOMA', NULL, NULL)) AS k(i, kind, grade, symptomatic) ON k.i = a.i`);
    });

    async function expected(perProtocol: boolean): Promise<Map<string, number>> {
      const rows: { grp: string; category: string; events: number }[] = await t().db.dataSource.query(INDEPENDENT, [perProtocol]);
      const m = new Map<string, number>();
      for (const r of rows) m.set(`${r.grp}|${r.category}`, (m.get(`${r.grp}|${r.category}`) ?? 0) + r.events);
      return m;
    }

    it('gives every row of every group, each equal to the independent count, kinds without an event as 0 of n', async () => {
      const admin = await t().login(ADMIN);
      for (const [grouping, perProtocol] of [
        ['FIRST_TREATMENT', false],
        ['PER_PROTOCOL', true],
      ] as const) {
        const r = await t().gql(RATES, { g: grouping }, admin);
        expect(r.errors).toBeUndefined();
        const rates: Rate[] = r.data!.complicationRates;
        const truth = await expected(perProtocol);
        const groups = [...truth.keys()].filter((k) => k.endsWith('|#N')).map((k) => k.split('|')[0]);
        expect(groups.sort()).toEqual(['CONSERVATIVE', 'KYPHOPLASTY', 'VERTEBROPLASTY']);
        const categories = COMPLICATION_RATE_CATEGORIES.filter((c) => !perProtocol || c !== 'AFTER_CROSSOVER');
        const want = groups.flatMap((g) => categories.map((c) => ({ group: g, category: c, events: truth.get(`${g}|${c}`) ?? 0, n: truth.get(`${g}|#N`) })));
        const got = rates.map((p) => ({ group: p.group, category: p.category, events: p.events, n: p.n }));
        expect({ grouping, rows: got }).toEqual({ grouping, rows: want });
        for (const p of rates) expect(p.rate).toBeCloseTo(p.events! / p.n!, 12);
        const cell = (g: string, c: string) => rates.find((p) => p.group === g && p.category === c)!;
        // The grades and the symptoms split their totals, one part per patient.
        for (const g of groups) {
          for (const [total, parts] of Object.entries(COMPLICATION_SPLITS)) {
            expect(parts.reduce((s, c) => s + cell(g, c).events!, 0)).toBe(cell(g, total).events);
          }
        }
        // What the rows are for: a kind nobody had, shown as 0 of n; major complications; each
        // symptom state of a leakage; conservative patients with a complication after crossing over.
        expect(rates.some((p) => p.category === 'FURTHER_HEIGHT_LOSS' && p.events === 0 && p.n! > 0)).toBe(true);
        for (const c of ['MAJOR', 'MINOR', 'GRADE_NOT_RECORDED', 'LEAKAGE_SYMPTOMATIC', 'LEAKAGE_ASYMPTOMATIC', 'LEAKAGE_SYMPTOM_NOT_RECORDED'])
          expect({ c, some: rates.some((p) => p.category === c && p.events! > 0) }).toEqual({ c, some: true });
        if (!perProtocol) expect(cell('CONSERVATIVE', 'AFTER_CROSSOVER').events).toBeGreaterThan(0);
      }
    });

    // Descriptions of the same patients and of overlapping groups that a department head may ask
    // for: the registry, each sex, ages from or up to a five-year band, and both at once.
    const ages = [60, 65, 70, 75, 80, 85].flatMap((a) => [{ ageMin: a }, { ageMax: a + 4 }]);
    const filters = [{}, { sex: 'FEMALE' }, { sex: 'MALE' }, ...ages, ...ages.map((a) => ({ ...a, sex: 'FEMALE' }))];

    it('a department head cannot recover a withheld major count or leakage symptom count from its total and the other parts', async () => {
      const head = await t().login(HEAD_NORTH);
      const admin = await t().login(ADMIN);
      let attempts = 0;
      let exact = 0;
      let perturbed = 0;
      for (const f of filters) {
        const seen: Rate[] = (await t().gql(RATES, { f }, head)).data!.complicationRates;
        const truth: Rate[] = (await t().gql(RATES, { f }, admin)).data!.complicationRates;
        const get = (rows: Rate[], g: string, c: string) => rows.find((p) => p.group === g && p.category === c);
        for (const g of new Set(truth.map((p) => p.group))) {
          for (const p of seen.filter((x) => x.group === g)) {
            if (p.events !== get(truth, g, p.category)!.events) perturbed++;
            if (p.category !== 'ANY' && !p.suppressed) expect(p.events).toBeLessThanOrEqual(get(seen, g, 'ANY')!.events!);
          }
          for (const [total, parts] of Object.entries(COMPLICATION_SPLITS)) {
            const whole = get(seen, g, total)!;
            const shown = parts.map((c) => get(seen, g, c)!);
            // A part is never shown while its total is withheld: the total would be recovered.
            if (whole.suppressed) expect(shown.every((p) => p.suppressed)).toBe(true);
            // Withheld means under the threshold or nothing: every count shown is 0 or at least 11.
            for (const p of shown) if (!p.suppressed) expect(p.events === 0 || p.events! >= 11).toBe(true);
            const hidden = shown.filter((p) => p.suppressed);
            if (whole.suppressed || hidden.length !== 1) continue;
            // The attack: the total minus the other parts shown.
            const guess = whole.events! - shown.filter((p) => !p.suppressed).reduce((s, p) => s + p.events!, 0);
            const actual = get(truth, g, hidden[0].category)!.events!;
            attempts++;
            if (guess === actual) exact++;
            expect(Math.abs(guess - actual)).toBeLessThanOrEqual(12); // four noises of at most 3
          }
        }
      }
      expect(perturbed).toBeGreaterThan(0);
      expect(attempts).toBeGreaterThan(0);
      // Each guess is exact only when the noises happen to cancel: that all of them were would be
      // chance only for a handful of attempts.
      if (attempts >= 5) expect(exact).toBeLessThan(attempts);
    }, 120000);

    it('a researcher sees no lone withheld part beside its total and the other parts, and no part inside a withheld total', async () => {
      const researcher = await t().login(RESEARCHER);
      let complements = 0;
      for (const f of filters) {
        const seen: Rate[] = (await t().gql(RATES, { f }, researcher)).data!.complicationRates;
        for (const g of new Set(seen.map((p) => p.group))) {
          for (const [total, parts] of Object.entries(COMPLICATION_SPLITS)) {
            const whole = seen.find((p) => p.group === g && p.category === total)!;
            const shown = parts.map((c) => seen.find((p) => p.group === g && p.category === c)!);
            const hidden = shown.filter((p) => p.suppressed).length;
            if (whole.suppressed) expect(hidden).toBe(parts.length);
            else expect(hidden).not.toBe(1);
            if (!whole.suppressed && hidden >= 2 && shown.some((p) => p.suppressed && p.events === null)) complements++;
            for (const p of shown) if (!p.suppressed) expect(p.events === 0 || p.events! >= 11).toBe(true);
          }
        }
      }
      expect(complements).toBeGreaterThan(0);
    }, 120000);
  },
  { patients: 400 },
);
