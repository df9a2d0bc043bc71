import { ADMIN, describeEachDatabase, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';
import { TIME_POINT_WINDOWS, TimePoint } from '@vfr/domain';
import { meanCI } from '@vfr/stats';
import { cellsToSuppress, DEFAULT_SMALL_CELL_THRESHOLD } from './suppression';

// The radiographic follow-up and the loss of correction (docs/methods.md, Radiographic follow-up
// and loss of correction), recomputed here from the source tables, in JS, by the written rules:
// the index treatment, the visit taken for each time point by its window, the crossover; then
// patients built for it, and what a de-identified reader is shown.

const Q = `query($f: CohortFilterInput, $g: TreatmentGrouping) { radiographicFollowUp(filter: $f, grouping: $g) {
  group timePoint lossReference
  kyphoticAngle { n mean lower upper suppressed } anteriorHeight { n mean lower upper suppressed } lossOfCorrection { n mean lower upper suppressed } } }`;

interface Estimate {
  n: number | null;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}
interface Point {
  group: string;
  timePoint: string;
  lossReference: string;
  kyphoticAngle: Estimate;
  anteriorHeight: Estimate;
  lossOfCorrection: Estimate | null;
}

const FOLLOW_UP = TIME_POINT_WINDOWS.filter((w) => !['BASELINE', 'D1', 'W1'].includes(w.timePoint));

describeEachDatabase(
  'radiographic follow-up and loss of correction',
  (t) => {
    const q = (sql: string, params: unknown[] = []) => t().db.dataSource.query(sql, params);
    const ask = async (token: string, grouping: string, filter: Record<string, unknown> = {}): Promise<Point[]> => {
      const r = await t().gql(Q, { f: filter, g: grouping }, token);
      expect(r.errors).toBeUndefined();
      return r.data!.radiographicFollowUp;
    };

    /** Per group and time point, the values the rules give, from the source tables. */
    async function expected(grouping: 'FIRST_TREATMENT' | 'PER_PROTOCOL') {
      const patients: { id: string }[] = await q(`SELECT id FROM patient WHERE withdrawn_at IS NULL AND consent_status = 'GIVEN'`);
      const treatments: { id: string; patient_id: string; kind: string; start: string; created: string; after: number | null }[] = await q(`
      SELECT id, patient_id, kind::text, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.US') AS created,
             kyphotic_angle_after AS after
      FROM treatment WHERE withdrawn_at IS NULL`);
      const visits: { patient_id: string; tp: TimePoint; date: string; created: string; angle: number | null; height: number | null }[] = await q(`
      SELECT patient_id, time_point::text AS tp, to_char(visit_date, 'YYYY-MM-DD') AS date, to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.US') AS created,
             kyphotic_angle AS angle, anterior_height_percent AS height
      FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL`);
      const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
      const cells = new Map<string, { angle: number[]; height: number[]; loss: number[] }>();
      for (const p of patients) {
        const mine = treatments.filter((x) => x.patient_id === p.id).sort((a, b) => a.start.localeCompare(b.start) || a.created.localeCompare(b.created));
        if (!mine.length) continue;
        const index = mine[0];
        const crossover = mine
          .filter((x) => x.id !== index.id && x.kind !== index.kind && x.start >= index.start)
          .map((x) => days(index.start, x.start))
          .sort((a, b) => a - b)[0];
        const counts = (day: number) => grouping === 'FIRST_TREATMENT' || crossover === undefined || day < crossover;
        // Per window from month 1, the visit taken: recorded as that time point first, then the
        // nearest the target day, then the earlier; a visit recorded as a baseline never.
        const taken = new Map(
          FOLLOW_UP.map((w) => {
            const inWindow = visits
              .filter(
                (v) => v.patient_id === p.id && v.tp !== TimePoint.BASELINE && days(index.start, v.date) >= w.fromDay && days(index.start, v.date) <= w.toDay,
              )
              .sort(
                (a, b) =>
                  Number(b.tp === w.timePoint) - Number(a.tp === w.timePoint) ||
                  Math.abs(days(index.start, a.date) - w.targetDay) - Math.abs(days(index.start, b.date) - w.targetDay) ||
                  a.date.localeCompare(b.date) ||
                  a.created.localeCompare(b.created),
              );
            const v = inWindow[0];
            return [w.timePoint, v && counts(days(index.start, v.date)) ? v : undefined];
          }),
        );
        const conservative = index.kind === 'CONSERVATIVE';
        const reference = conservative ? (taken.get(TimePoint.M1)?.angle ?? null) : index.after;
        for (const [tp, v] of taken) {
          if (!v) continue;
          const key = `${index.kind}|${tp}`;
          const cell = cells.get(key) ?? { angle: [], height: [], loss: [] };
          if (v.angle !== null) cell.angle.push(v.angle);
          if (v.height !== null) cell.height.push(v.height);
          if (v.angle !== null && reference !== null && !(conservative && tp === TimePoint.M1)) cell.loss.push(v.angle - reference);
          cells.set(key, cell);
        }
      }
      return new Map([...cells].filter(([, c]) => c.angle.length + c.height.length > 0));
    }

    const same = (shown: Estimate | null, values: number[]) => {
      expect(shown).not.toBeNull();
      expect(shown!.n).toBe(values.length);
      expect(shown!.suppressed).toBe(false);
      if (values.length === 0) return expect(shown!.mean).toBeNull();
      expect(shown!.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 9);
      if (values.length < 2) return expect([shown!.lower, shown!.upper]).toEqual([null, null]);
      const ci = meanCI(values);
      expect(shown!.lower).toBeCloseTo(ci.lower, 9);
      expect(shown!.upper).toBeCloseTo(ci.upper, 9);
    };

    it('equals, for the demo registry, a recomputation from the source tables under both groupings', async () => {
      const token = await t().login(ADMIN);
      // Crossovers in the registry leave radiographs out per protocol: the two groupings differ.
      expect(await ask(token, 'PER_PROTOCOL')).not.toEqual(await ask(token, 'FIRST_TREATMENT'));
      for (const grouping of ['FIRST_TREATMENT', 'PER_PROTOCOL'] as const) {
        const points = await ask(token, grouping);
        const cells = await expected(grouping);
        expect(points.map((p) => `${p.group}|${p.timePoint}`).sort()).toEqual([...cells.keys()].sort());
        for (const p of points) {
          const c = cells.get(`${p.group}|${p.timePoint}`)!;
          same(p.kyphoticAngle, c.angle);
          same(p.anteriorHeight, c.height);
          expect(p.lossReference).toBe(p.group === 'CONSERVATIVE' ? 'M1_RADIOGRAPH' : 'AFTER_PROCEDURE');
          if (p.group === 'CONSERVATIVE' && p.timePoint === 'M1') expect(p.lossOfCorrection).toBeNull();
          else same(p.lossOfCorrection, c.loss);
        }
        // The figure has something to show: every group, and losses with intervals.
        expect(new Set(points.map((p) => p.group))).toEqual(new Set(['CONSERVATIVE', 'VERTEBROPLASTY', 'KYPHOPLASTY']));
        expect(points.filter((p) => (p.lossOfCorrection?.n ?? 0) >= 2).length).toBeGreaterThan(5);
      }
    });

    describe('patients built for it', () => {
      const INDEX = '2025-01-06';
      let siteId: string;
      let a: string;

      type Visit = [label: string, day: number, angle: number | null, height: number | null];
      async function patient(
        number: string,
        kind: string,
        angles: [number, number] | null,
        visits: Visit[],
        crossover?: { kind: string; day: number; angles: [number, number]; visits: Visit[] },
      ) {
        const [{ id }] = await q(
          `INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, $2, 'FEMALE', 1945, 'GIVEN') RETURNING id`,
          [siteId, number],
        );
        const [{ id: fracture }] = await q(
          `INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade) VALUES ($1, 'L1', $2::date - 20, 'OSTEOPOROTIC', 2) RETURNING id`,
          [id, INDEX],
        );
        const treatment = async (k: string, day: number, before: number | null, after: number | null, vs: Visit[]) => {
          const procedure = k === 'CONSERVATIVE' ? [null, null] : ['LOCAL', 'BIPEDICULAR'];
          const [{ id: tid }] = await q(
            `
          INSERT INTO treatment (patient_id, kind, start_date, anaesthesia, approach, kyphotic_angle_before, kyphotic_angle_after)
          VALUES ($1, $2, $3::date + $4::int, $5, $6, $7, $8) RETURNING id`,
            [id, k, INDEX, day, ...procedure, before, after],
          );
          await q(`INSERT INTO treated_level (treatment_id, fracture_id) VALUES ($1, $2)`, [tid, fracture]);
          for (const [label, d, angle, height] of vs) {
            await q(
              `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest, kyphotic_angle, anterior_height_percent)
                   VALUES ($1, $2, $3, $4::date + $5::int, 'DONE', 5, $6, $7)`,
              [id, tid, label, INDEX, d, angle, height],
            );
          }
        };
        await treatment(kind, 0, angles?.[0] ?? null, angles?.[1] ?? null, visits);
        if (crossover) await treatment(crossover.kind, crossover.day, ...crossover.angles, crossover.visits);
        return id as string;
      }

      beforeAll(async () => {
        [{ id: siteId }] = await q(`INSERT INTO site (code, name) VALUES ('RADIO', 'Radiographs') RETURNING id`);
        // A: vertebroplasty, 18 degrees before and 12 right after; 15 at month 3: a loss of 3.
        a = await patient(
          'A',
          'VERTEBROPLASTY',
          [18, 12],
          [
            ['BASELINE', 0, null, null],
            ['M3', 90, 15, 80],
          ],
        );
        // B: conservative care, 20 degrees at month 1, then vertebroplasty on day 40 (16 after it);
        // 14 degrees at month 3, on a visit recorded against the vertebroplasty.
        await patient(
          'B',
          'CONSERVATIVE',
          null,
          [
            ['BASELINE', 0, null, null],
            ['M1', 30, 20, 85],
          ],
          {
            kind: 'VERTEBROPLASTY',
            day: 40,
            angles: [22, 16],
            visits: [['M3', 90, 14, 90]],
          },
        );
      });

      const byCell = (points: Point[]) => Object.fromEntries(points.map((p) => [`${p.group} ${p.timePoint}`, p]));

      it('keeps the radiographs and the angles of the procedure in the analysis row', async () => {
        const [row] = await q(
          `SELECT kyphotic_angle, anterior_height, kyphotic_angle_before, kyphotic_angle_after FROM analysis_patient WHERE patient_id = $1`,
          [a],
        );
        expect(row).toEqual({
          kyphotic_angle: [null, null, null, null, 15, null, null, null],
          anterior_height: [null, null, null, null, 80, null, null, null],
          kyphotic_angle_before: 18,
          kyphotic_angle_after: 12,
        });
      });

      it('measures the loss of correction from the angle right after the procedure: 18, 12 after, 15 at month 3 is a loss of 3', async () => {
        const cells = byCell(await ask(await t().login(ADMIN), 'FIRST_TREATMENT', { siteIds: [siteId] }));
        expect(cells['VERTEBROPLASTY M3']).toEqual({
          group: 'VERTEBROPLASTY',
          timePoint: 'M3',
          lossReference: 'AFTER_PROCEDURE',
          kyphoticAngle: { n: 1, mean: 15, lower: null, upper: null, suppressed: false },
          anteriorHeight: { n: 1, mean: 80, lower: null, upper: null, suppressed: false },
          lossOfCorrection: { n: 1, mean: 3, lower: null, upper: null, suppressed: false },
        });
        // Conservative care from its month-1 radiograph (not from the later procedure's 16): 14 - 20.
        expect(cells['CONSERVATIVE M1']).toMatchObject({ lossReference: 'M1_RADIOGRAPH', kyphoticAngle: { n: 1, mean: 20 }, lossOfCorrection: null });
        expect(cells['CONSERVATIVE M3']).toMatchObject({
          kyphoticAngle: { n: 1, mean: 14 },
          anteriorHeight: { n: 1, mean: 90 },
          lossOfCorrection: { n: 1, mean: -6 },
        });
        expect(Object.keys(cells).sort()).toEqual(['CONSERVATIVE M1', 'CONSERVATIVE M3', 'VERTEBROPLASTY M3']);
      });

      it('leaves out, per protocol, a radiograph taken after a crossover', async () => {
        const cells = byCell(await ask(await t().login(ADMIN), 'PER_PROTOCOL', { siteIds: [siteId] }));
        expect(Object.keys(cells).sort()).toEqual(['CONSERVATIVE M1', 'VERTEBROPLASTY M3']);
        expect(cells['VERTEBROPLASTY M3'].lossOfCorrection).toMatchObject({ n: 1, mean: 3 });
      });

      it('compares procedures by a detail from the angle after each, without conservative care', async () => {
        const cells = byCell(await ask(await t().login(ADMIN), 'ANAESTHESIA', { siteIds: [siteId] }));
        expect(Object.keys(cells)).toEqual(['LOCAL M3']);
        expect(cells['LOCAL M3']).toMatchObject({ lossReference: 'AFTER_PROCEDURE', kyphoticAngle: { n: 1, mean: 15 }, lossOfCorrection: { n: 1, mean: 3 } });
      });

      it('shows a researcher no count and no mean of the small cohort', async () => {
        const points = await ask(await t().login(RESEARCHER), 'FIRST_TREATMENT', { siteIds: [siteId] });
        expect(points.length).toBe(3);
        for (const p of points) {
          for (const e of [p.kyphoticAngle, p.anteriorHeight, p.lossOfCorrection].filter((x) => x !== null)) {
            expect(e).toEqual({ n: null, mean: null, lower: null, upper: null, suppressed: true });
          }
        }
      });
    });

    it('shows a researcher the counts the small-cell rules leave, and no mean of a cell withheld', async () => {
      const admin = await ask(await t().login(ADMIN), 'FIRST_TREATMENT');
      const researcher = await ask(await t().login(RESEARCHER), 'FIRST_TREATMENT');
      const threshold = DEFAULT_SMALL_CELL_THRESHOLD;
      expect(researcher.map((p) => `${p.group} ${p.timePoint}`)).toEqual(admin.map((p) => `${p.group} ${p.timePoint}`));
      let shown = 0;
      let withheld = 0;
      for (const measure of ['kyphoticAngle', 'anteriorHeight'] as const) {
        // Per time point, the groups' exact counts: those under the threshold withheld, and one
        // more where a single one is (the outcome trajectory's rule).
        for (const tp of new Set(admin.map((p) => p.timePoint))) {
          const exact = admin.filter((p) => p.timePoint === tp && p[measure].n! > 0);
          const hidden = cellsToSuppress(
            exact.map((p) => p[measure].n!),
            threshold,
          );
          exact.forEach((p, i) => {
            const r = researcher.find((x) => x.group === p.group && x.timePoint === tp)![measure];
            if (hidden.has(i)) {
              expect(r).toEqual({ n: null, mean: null, lower: null, upper: null, suppressed: true });
              withheld++;
            } else {
              expect(r).toEqual(p[measure]);
              shown++;
            }
          });
        }
      }
      for (const [i, p] of researcher.entries()) {
        const loss = p.lossOfCorrection;
        if (loss === null) continue;
        if (p.kyphoticAngle.suppressed || (admin[i].lossOfCorrection!.n! > 0 && admin[i].lossOfCorrection!.n! < threshold)) {
          expect(loss).toEqual({ n: null, mean: null, lower: null, upper: null, suppressed: true });
        } else {
          expect(loss).toEqual(admin[i].lossOfCorrection);
        }
      }
      // Both cases occur in this registry.
      expect(shown).toBeGreaterThan(0);
      expect(withheld).toBeGreaterThan(0);
    });

    it('shows a department head perturbed counts, none under the threshold, and no mean without its count', async () => {
      const points = await ask(await t().login(HEAD_NORTH), 'FIRST_TREATMENT');
      const estimates = points.flatMap((p) => [p.kyphoticAngle, p.anteriorHeight, p.lossOfCorrection]).filter((e): e is Estimate => e !== null);
      expect(estimates.length).toBeGreaterThan(0);
      for (const e of estimates) {
        if (e.n === null) expect(e).toEqual({ n: null, mean: null, lower: null, upper: null, suppressed: true });
        else expect(e.n === 0 || e.n >= DEFAULT_SMALL_CELL_THRESHOLD).toBe(true);
      }
    });
  },
  { patients: 200 },
);
