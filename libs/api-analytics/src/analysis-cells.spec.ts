import { AggregateReader, refreshAnalysis } from '@vfr/api-database';
import { ADMIN, COORD_NORTH, describeEachDatabase, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';
import { TIME_POINT_WINDOWS } from '@vfr/domain';
import { allCellsSql, WINDOWS } from '../../../migrations/1795710000000-AddOverviewCells';

// The maintained cells (analysis_cell) against what they stand for: after random writes through
// the source tables (the analysis triggers and refresh as every writer uses them), their sums
// must equal the cells recomputed from analysis_patient; every reader's figures read from them
// must equal the same figures from the cohort SQL; and concurrent writers on the same cells must
// neither wait on one another for good nor lose a count.

const KEYS = 'fig, site_id, quarter, grp, tp, val, cat';
const SUMS = `sum(n)::text AS n, sum(k)::text AS k, sum(x)::text AS x, sum(kx)::text AS kx, coalesce(sum(s), 0)::text AS s, coalesce(sum(ss), 0)::text AS ss`;
const NONZERO = `HAVING sum(n) <> 0 OR sum(k) <> 0 OR sum(x) <> 0 OR sum(kx) <> 0 OR coalesce(sum(s), 0) <> 0 OR coalesce(sum(ss), 0) <> 0`;
const ORDER = `ORDER BY ${KEYS}`;

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The cells as kept, and as recomputed from the analysis rows now: they must be equal. */
async function kept(query: Query): Promise<unknown[]> {
  return query(`SELECT ${KEYS}, ${SUMS} FROM analysis_cell GROUP BY ${KEYS} ${NONZERO} ${ORDER}`);
}
async function recomputed(query: Query): Promise<unknown[]> {
  return query(`SELECT ${KEYS}, ${SUMS} FROM (${allCellsSql('analysis_patient')}) c GROUP BY ${KEYS} ${NONZERO} ${ORDER}`);
}

/**
 * What each analysis row keeps for the complication figures, against the rules as the figures
 * applied them to the complication and treatment tables before the rows kept them (written out
 * here as they were): the categories under the first treatment's follow-up, the procedures and
 * those followed by a complication.
 */
async function keptInputs(query: Query): Promise<unknown[]> {
  return query(`SELECT patient_id, ARRAY(SELECT k FROM unnest(cells_complications) k ORDER BY k) AS cats, cells_procedures AS procs,
                       cells_procedures_complicated AS complicated
                FROM analysis_patient ORDER BY patient_id`);
}
async function inputsFromSources(query: Query): Promise<unknown[]> {
  const day = '(x.occurred_on - c.index_date)';
  return query(`
    SELECT c.patient_id,
           ARRAY(SELECT k FROM unnest(CASE WHEN p.kinds IS NULL THEN '{NONE}'::text[] ELSE p.kinds || ARRAY[
             'ANY', CASE WHEN p.major THEN 'MAJOR' WHEN p.graded THEN 'MINOR' ELSE 'GRADE_NOT_RECORDED' END,
             CASE WHEN p.symptomatic THEN 'LEAKAGE_SYMPTOMATIC' WHEN p.symptom_recorded THEN 'LEAKAGE_ASYMPTOMATIC'
                  WHEN 'CEMENT_LEAKAGE' = ANY(p.kinds) THEN 'LEAKAGE_SYMPTOM_NOT_RECORDED' END,
             CASE WHEN p.after_crossover THEN 'AFTER_CROSSOVER' END] END) k WHERE k IS NOT NULL ORDER BY k) AS cats,
           t.procs, t.complicated
    FROM analysis_patient c
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT x.kind::text) AS kinds, bool_or(x.clavien_dindo::text IN ('IIIA', 'IIIB', 'IVA', 'IVB', 'V')) AS major,
             bool_or(x.clavien_dindo IS NOT NULL) AS graded,
             bool_or(x.symptomatic) FILTER (WHERE x.kind = 'CEMENT_LEAKAGE') AS symptomatic,
             bool_or(x.symptomatic IS NOT NULL) FILTER (WHERE x.kind = 'CEMENT_LEAKAGE') AS symptom_recorded,
             bool_or(c.crossover_day IS NOT NULL AND ${day} >= c.crossover_day) AS after_crossover
      FROM complication x
      WHERE x.patient_id = c.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH' AND ${day} BETWEEN 0 AND c.follow_up_end_day
    ) p
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS procs, count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM complication x WHERE x.patient_id = t.patient_id AND x.withdrawn_at IS NULL AND x.kind <> 'DEATH'
                 AND (x.treatment_id = t.id OR (x.treatment_id IS NULL AND x.occurred_on >= t.start_date))
                 AND x.occurred_on - c.index_date <= c.follow_up_end_day))::int AS complicated
      FROM treatment t WHERE t.patient_id = c.patient_id AND t.withdrawn_at IS NULL AND t.kind <> 'CONSERVATIVE'
    ) t
    ORDER BY c.patient_id`);
}

/**
 * What each analysis row keeps for the treatment figures and completeness, against the source
 * tables as the figures read them before the rows kept them (written out here as they were): each
 * treatment's month, kind, discharge and readmissions and, for a procedure, whether a later one
 * at one of its levels followed within follow-up; the time points the patient answered by link.
 */
async function keptOverviewInputs(query: Query): Promise<unknown[]> {
  return query(`SELECT patient_id, ARRAY(SELECT row_to_json(t)::text FROM unnest(cells_treatments) t ORDER BY t.month, t.kind, row_to_json(t)::text) AS treatments,
                       cells_answered AS answered
                FROM analysis_patient ORDER BY patient_id`);
}
async function overviewInputsFromSources(query: Query): Promise<unknown[]> {
  return query(`
    SELECT c.patient_id,
           ARRAY(SELECT row_to_json(r)::text FROM (
             SELECT date_trunc('month', t.start_date)::date AS month, t.kind::text AS kind, t.same_day_discharge AS same_day, t.length_of_stay_days AS stay,
                    t.readmitted_within_30_days AS r30, t.readmitted_within_90_days AS r90,
                    t.kind <> 'CONSERVATIVE' AND EXISTS (SELECT 1 FROM treated_level l1 JOIN fracture f1 ON f1.id = l1.fracture_id
                              JOIN fracture f2 ON f2.patient_id = t.patient_id AND f2.level = f1.level
                              JOIN treated_level l2 ON l2.fracture_id = f2.id
                              JOIN treatment t2 ON t2.id = l2.treatment_id AND t2.withdrawn_at IS NULL AND t2.kind <> 'CONSERVATIVE' AND t2.start_date > t.start_date
                            WHERE l1.treatment_id = t.id AND t2.start_date - c.index_date <= c.follow_up_end_day) AS repeated
             FROM treatment t WHERE t.patient_id = c.patient_id AND t.withdrawn_at IS NULL) r ORDER BY r.month, r.kind, row_to_json(r)::text) AS treatments,
           ARRAY(SELECT DISTINCT q.time_point::text FROM questionnaire_invitation q JOIN assessment v ON v.id = q.assessment_id
                 WHERE q.treatment_id = c.index_treatment_id AND q.withdrawn_at IS NULL AND v.withdrawn_at IS NULL ORDER BY 1) AS answered
    FROM analysis_patient c ORDER BY c.patient_id`);
}

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** One random write through the source tables, as any writer makes it (the analysis triggers refresh the patient). */
async function randomWrite(query: Query, pick: (n: number) => number): Promise<string> {
  const one = async (sql: string): Promise<string | undefined> => {
    const rows = (await query(`${sql} ORDER BY id LIMIT 1 OFFSET ${pick(5)}`)) as { id: string }[];
    return rows[0]?.id;
  };
  switch (pick(17)) {
    case 0: {
      const id = await one(
        `SELECT id FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL AND nrs_activity IS NOT NULL AND md5(id::text) > md5('${pick(1e6)}')`,
      );
      if (id) await query(`UPDATE assessment SET nrs_activity = $2 WHERE id = $1`, [id, pick(11)]);
      return 'a score changed';
    }
    case 1: {
      const id = await one(`SELECT id FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE assessment SET withdrawn_at = now(), withdrawn_reason = 'test' WHERE id = $1`, [id]);
      return 'a visit withdrawn';
    }
    case 2: {
      const id = await one(`SELECT id FROM assessment WHERE withdrawn_at IS NOT NULL AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE assessment SET withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = $1`, [id]);
      return 'a visit restored';
    }
    case 3: {
      // A copy of a completed visit as an unscheduled one, on the same day, with another score: it may be taken for the window.
      const id = await one(
        `SELECT id FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL AND visit_date >= (SELECT t.start_date FROM treatment t WHERE t.id = assessment.treatment_id) AND md5(id::text) > md5('${pick(1e6)}')`,
      );
      if (id)
        await query(
          `INSERT INTO assessment SELECT (jsonb_populate_record(NULL::assessment, to_jsonb(a) || jsonb_build_object(
             'id', gen_random_uuid(), 'time_point', 'UNSCHEDULED', 'request_id', NULL, 'nrs_activity', $2::int, 'version', 1))).*
           FROM assessment a WHERE a.id = $1`,
          [id, pick(11)],
        );
      return 'a visit added';
    }
    case 4: {
      const id = await one(`SELECT id FROM assessment WHERE time_point = 'UNSCHEDULED' AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`DELETE FROM assessment WHERE id = $1`, [id]);
      return 'a visit deleted';
    }
    case 5: {
      const id = await one(`SELECT id FROM patient WHERE md5(id::text) > md5('${pick(1e6)}')`);
      const consent = ['GIVEN', 'GIVEN', 'PENDING', 'WITHDRAWN', 'DECLINED'][pick(5)];
      if (id) await query(`UPDATE patient SET consent_status = $2 WHERE id = $1`, [id, consent]);
      return 'a consent changed';
    }
    case 6: {
      const id = await one(`SELECT id FROM patient WHERE md5(id::text) > md5('${pick(1e6)}')`);
      const withdraw = pick(2) === 0;
      if (id) await query(`UPDATE patient SET withdrawn_at = ${withdraw ? 'now()' : 'NULL'} WHERE id = $1`, [id]);
      return withdraw ? 'a patient withdrawn' : 'a patient restored';
    }
    case 8: {
      const id = await one(`SELECT id FROM complication WHERE kind <> 'DEATH' AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE complication SET withdrawn_at = CASE WHEN withdrawn_at IS NULL THEN now() END WHERE id = $1`, [id]);
      return 'a complication withdrawn or restored';
    }
    case 9: {
      const id = await one(`SELECT id FROM complication WHERE kind <> 'DEATH' AND md5(id::text) > md5('${pick(1e6)}')`);
      const grade = [null, 'I', 'II', 'IIIA', 'IVB'][pick(5)];
      if (id) await query(`UPDATE complication SET clavien_dindo = $2 WHERE id = $1`, [id, grade]);
      return 'a complication graded';
    }
    case 10: {
      const id = await one(`SELECT id FROM complication WHERE kind = 'CEMENT_LEAKAGE' AND md5(id::text) > md5('${pick(1e6)}')`);
      const symptomatic = [null, true, false][pick(3)];
      if (id) await query(`UPDATE complication SET symptomatic = $2 WHERE id = $1`, [id, symptomatic]);
      return "a leakage's symptoms recorded";
    }
    case 11: {
      const id = await one(`SELECT id FROM treatment WHERE md5(id::text) > md5('${pick(1e6)}')`);
      const stay = [null, 0, 1, 2, 5][pick(5)];
      if (id)
        await query(
          `UPDATE treatment SET length_of_stay_days = $2::smallint, same_day_discharge = CASE WHEN $2::smallint IS NULL THEN $3::boolean ELSE $2::smallint = 0 END WHERE id = $1`,
          [id, stay, [null, true, false][pick(3)]],
        );
      return 'a discharge recorded';
    }
    case 12: {
      const id = await one(`SELECT id FROM treatment WHERE md5(id::text) > md5('${pick(1e6)}')`);
      const r30 = [null, true, false][pick(3)];
      if (id)
        await query(
          `UPDATE treatment SET readmitted_within_30_days = $2::boolean, readmitted_within_90_days = CASE WHEN $2::boolean THEN true ELSE $3::boolean END WHERE id = $1`,
          [id, r30, [null, true, false][pick(3)]],
        );
      return 'a readmission recorded';
    }
    case 13: {
      // A second procedure at the level of the first, some weeks later: a repeat augmentation (or, withdrawn, none).
      const id = await one(`SELECT id FROM treatment WHERE kind <> 'CONSERVATIVE' AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) {
        const [again] = (await query(
          `INSERT INTO treatment (patient_id, kind, start_date, anaesthesia, approach)
           SELECT patient_id, kind, start_date + $2::int, anaesthesia, approach FROM treatment WHERE id = $1 RETURNING id`,
          [id, 10 + pick(200)],
        )) as { id: string }[];
        await query(`INSERT INTO treated_level (treatment_id, fracture_id) SELECT $2, fracture_id FROM treated_level WHERE treatment_id = $1 LIMIT 1`, [
          id,
          again.id,
        ]);
      }
      return 'a repeat procedure added';
    }
    case 14: {
      const id = await one(`SELECT id FROM treatment WHERE md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE treatment SET start_date = start_date + $2::int WHERE id = $1`, [id, pick(60) - 30]);
      return 'a treatment moved in time';
    }
    case 15: {
      const id = await one(`SELECT id FROM questionnaire_invitation WHERE assessment_id IS NOT NULL AND md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE questionnaire_invitation SET withdrawn_at = CASE WHEN withdrawn_at IS NULL THEN now() END WHERE id = $1`, [id]);
      return 'a questionnaire link withdrawn or restored';
    }
    default: {
      // A patient moved to another site: every cell of theirs changes its site.
      const id = await one(`SELECT id FROM patient WHERE md5(id::text) > md5('${pick(1e6)}')`);
      if (id) await query(`UPDATE patient SET site_id = (SELECT s.id FROM site s WHERE s.id <> patient.site_id ORDER BY s.code LIMIT 1) WHERE id = $1`, [id]);
      return 'a patient moved';
    }
  }
}

describeEachDatabase(
  'maintained aggregates (analysis_cell)',
  (t) => {
    const query: Query = (sql, params) => t().db.dataSource.query(sql, params);

    it('are built from the registry as it is', async () => {
      expect((await kept(query)).length).toBeGreaterThan(50);
      expect(await kept(query)).toEqual(await recomputed(query));
      const inputs = (await keptInputs(query)) as { cats: string[]; procs: number }[];
      expect(inputs).toEqual(await inputsFromSources(query));
      // Not a vacuous comparison: the registry has complications of several categories, and procedures.
      expect(new Set(inputs.flatMap((r) => r.cats)).size).toBeGreaterThan(5);
      expect(inputs.some((r) => r.procs > 0)).toBe(true);
      const overview = (await keptOverviewInputs(query)) as { treatments: string[]; answered: string[] }[];
      expect(overview).toEqual(await overviewInputsFromSources(query));
      // Not vacuous either: treatments with their discharge and readmissions recorded, repeat procedures, visits answered by link.
      const treatments = overview.flatMap((r) => r.treatments.map((t) => JSON.parse(t) as Record<string, unknown>));
      expect(treatments.some((t) => t.same_day === true) && treatments.some((t) => t.stay !== null && t.stay !== 0)).toBe(true);
      expect(treatments.some((t) => t.r30 === true) && treatments.some((t) => t.r90 === false)).toBe(true);
      expect(overview.some((r) => r.answered.length > 0)).toBe(true);
    });

    it("keep the time points' windows of the domain", () => {
      expect(WINDOWS).toEqual(TIME_POINT_WINDOWS.map((w) => ({ timePoint: w.timePoint, toDay: w.toDay })));
    });

    it('equal a recomputation from analysis_patient after each of 120 random writes, and after compaction', async () => {
      const pick = generator(20);
      const done = new Set<string>();
      for (let i = 0; i < 120; i++) {
        done.add(await randomWrite(query, pick));
        expect({ after: i, cells: await kept(query) }).toEqual({ after: i, cells: await recomputed(query) });
        if (i % 10 === 9) {
          expect({ after: i, inputs: await keptInputs(query) }).toEqual({ after: i, inputs: await inputsFromSources(query) });
          expect({ after: i, inputs: await keptOverviewInputs(query) }).toEqual({ after: i, inputs: await overviewInputsFromSources(query) });
        }
        if (i % 20 === 19) {
          await query(`SELECT analysis_cell_compact()`);
          expect(await kept(query)).toEqual(await recomputed(query));
          // Compacted: one row per cell, none that adds nothing.
          const [{ rows, cells }] = (await query(`SELECT count(*)::int AS rows, count(DISTINCT (${KEYS}))::int AS cells FROM analysis_cell`)) as {
            rows: number;
            cells: number;
          }[];
          expect(rows).toBe(cells);
        }
      }
      // Every kind of write happened (the site move and both ways of a withdrawal among them).
      expect([...done].sort()).toEqual(
        expect.arrayContaining([
          'a discharge recorded',
          'a readmission recorded',
          'a repeat procedure added',
          'a treatment moved in time',
          'a questionnaire link withdrawn or restored',
        ]),
      );
      expect(done.size).toBeGreaterThanOrEqual(14);
    }, 240_000);

    it('hold a rolled-back write out, and follow a whole-table change and a bulk refresh', async () => {
      const before = await kept(query);
      const runner = t().db.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`UPDATE assessment SET nrs_activity = 10 - nrs_activity WHERE nrs_activity IS NOT NULL`);
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
      expect(await kept(query)).toEqual(before);
      // Every score at once (one statement, one refresh of every patient), then back.
      await query(`UPDATE assessment SET nrs_activity = 10 - nrs_activity WHERE nrs_activity IS NOT NULL`);
      expect(await kept(query)).toEqual(await recomputed(query));
      expect(await kept(query)).not.toEqual(before);
      await query(`UPDATE assessment SET nrs_activity = 10 - nrs_activity WHERE nrs_activity IS NOT NULL`);
      expect(await kept(query)).toEqual(before);
      // A bulk writer's deferred refresh (the seed's and the import's way).
      await t().db.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('vfr.analysis_deferred', 'on', true)`);
        await m.query(`UPDATE assessment SET nrs_rest = nrs_activity, nrs_activity = NULL WHERE nrs_activity IS NOT NULL AND md5(id::text) < '8'`);
        await refreshAnalysis(
          m,
          (await m.query<{ id: string }[]>(`SELECT id FROM patient`)).map((r) => r.id),
        );
        // The switch is as the writer left it.
        expect((await m.query(`SELECT current_setting('vfr.analysis_deferred') AS v`))[0].v).toBe('on');
      });
      expect(await kept(query)).toEqual(await recomputed(query));
    });

    describe('every reader sees from the cells exactly what the cohort SQL gives', () => {
      // ageMin 0 selects every patient (no one is younger) but is a criterion the cells do not
      // keep: the same cohort read through the cohort SQL.
      const throughSql = (filter: Record<string, unknown>) => ({ ...filter, ageMin: 0 });
      const FIGURES = [
        `query($f: CohortFilterInput) { outcomeTrajectory(filter: $f, measure: NRS) { group timePoint n mean sd lower upper median q1 q3 nChange meanChange changeLower changeUpper suppressed } }`,
        ...['NRS_DROP_2', 'NRS_DROP_30_PERCENT', 'NRS_BELOW_4'].map(
          (d) => `query($f: CohortFilterInput) { responderRates(filter: $f, definition: ${d}) { group category n events rate lower upper suppressed } }`,
        ),
        `query($f: CohortFilterInput) { complicationRates(filter: $f) { group category n events rate lower upper suppressed } }`,
        `query($f: CohortFilterInput) { funnelPlot(filter: $f) { registryRate limits { n lower95 upper95 lower998 upper998 } sites { siteCode n events rate suppressed } } }`,
        `query($f: CohortFilterInput) { cohortSize(filter: $f) { total threshold groups { group n suppressed } } }`,
        `query($f: CohortFilterInput) { treatmentVolumes(filter: $f) { period bins { period kind count suppressed } } }`,
        `query($f: CohortFilterInput) { discharge(filter: $f) { kind treatments sameDay sameDayRate sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay suppressed } }`,
        `query($f: CohortFilterInput) { readmissions(filter: $f) { kind within30 { n events rate lower upper suppressed } within90 { n events rate lower upper suppressed } repeatAugmentation { n events rate lower upper suppressed } } }`,
        `query($f: CohortFilterInput) { headlineFigures(filter: $f) { figure n events rate lower upper suppressed } }`,
      ];

      it('for the whole registry, a site and whole quarters, as researcher, department head, coordinator and admin', async () => {
        const [{ min }] = (await query(`SELECT min(age) AS min FROM analysis_patient`)) as { min: number }[];
        expect(min).toBeGreaterThanOrEqual(0);
        const [{ site }] = (await query(`SELECT site_id AS site FROM analysis_patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)) as { site: string }[];
        const [{ from, to }] = (await query(
          `SELECT date_trunc('quarter', percentile_disc(0.25) WITHIN GROUP (ORDER BY index_date))::date::text AS from,
                  (date_trunc('quarter', percentile_disc(0.75) WITHIN GROUP (ORDER BY index_date)) + interval '3 months - 1 day')::date::text AS to
           FROM analysis_patient`,
        )) as { from: string; to: string }[];
        const filters: Record<string, unknown>[] = [
          {},
          { siteIds: [site] },
          { treatedFrom: from, treatedTo: to },
          { siteIds: [site], treatedFrom: from },
          { treatedTo: to },
        ];
        let compared = 0;
        for (const reader of [RESEARCHER, HEAD_NORTH, COORD_NORTH, ADMIN]) {
          const token = await t().login(reader);
          for (const filter of filters) {
            for (const figure of FIGURES) {
              const fromCells = await t().gql(figure, { f: filter }, token);
              const fromSql = await t().gql(figure, { f: throughSql(filter) }, token);
              expect(fromCells.errors).toBeUndefined();
              expect({ reader, filter, figure, data: fromCells.data }).toEqual({ reader, filter, figure, data: fromSql.data });
              compared++;
            }
          }
        }
        expect(compared).toBe(4 * filters.length * FIGURES.length);
      }, 120_000);

      it('and the figures are read from the cells (a count added to a cell shows; the cohort SQL does not see it)', async () => {
        const token = await t().login(ADMIN);
        // Each figure and the cells it reads (fig): the trajectory, a responder definition, the complications, the funnel.
        const read: [string, number, string][] = [
          [FIGURES[0], 1, 'true'],
          [FIGURES[1], 2, `cat = 'NRS_DROP_2'`],
          [FIGURES[4], 3, `cat = 'ANY'`],
          [FIGURES[5], 4, 'true'],
          [FIGURES[6], 5, 'true'],
          [FIGURES[7], 6, 'true'],
          [FIGURES[8], 7, 'true'],
          [FIGURES[9], 8, 'true'],
          [FIGURES[10], 9, 'true'],
        ];
        for (const [figure, fig, where] of read) {
          const before = await t().gql(figure, { f: {} }, token);
          await query(
            `INSERT INTO analysis_cell (fig, site_id, quarter, grp, tp, val, cat, n, k, x, kx, s, ss)
             SELECT fig, site_id, quarter, grp, tp, val, cat, 1000, 0, 0, 0, 0, 0 FROM analysis_cell WHERE fig = $1 AND ${where} LIMIT 1`,
            [fig],
          );
          try {
            const after = await t().gql(figure, { f: {} }, token);
            const sql = await t().gql(figure, { f: throughSql({}) }, token);
            expect({ fig, changed: JSON.stringify(after.data) !== JSON.stringify(before.data) }).toEqual({ fig, changed: true });
            expect(sql.data).toEqual(before.data);
          } finally {
            await query(`DELETE FROM analysis_cell WHERE n = 1000 AND k = 0`);
          }
          expect((await t().gql(figure, { f: {} }, token)).data).toEqual(before.data);
        }
      });
    });

    it('answer the figures they hold while the scans have every place of the aggregate reader and more wait', async () => {
      const reader = t().app.get(AggregateReader);
      const token = await t().login(HEAD_NORTH);
      const trajectory = `query($f: CohortFilterInput) { outcomeTrajectory(filter: $f, measure: NRS) { group timePoint n mean suppressed } }`;
      const expected = await t().gql(trajectory, { f: {} }, token);
      expect(expected.errors).toBeUndefined();
      // Slow scans take every place, and as many again wait.
      const slow = Array.from({ length: 2 * reader.concurrency }, () => reader.query(`SELECT pg_sleep(3)::text AS slept`));
      try {
        expect(reader.load).toEqual({ active: reader.concurrency, waiting: reader.concurrency });
        const started = Date.now();
        const fromCells = await t().gql(trajectory, { f: {} }, token);
        const took = Date.now() - started;
        expect(fromCells).toEqual(expected);
        // Answered while the first scans still ran, the others still waiting for their places.
        expect(took).toBeLessThan(2500);
        expect(reader.load.waiting).toBe(reader.concurrency);
        // The same figure through the cohort SQL (a criterion the cells do not keep) waits its turn behind them.
        let scanned = false;
        const fromScan = t()
          .gql(trajectory, { f: { ageMin: 0 } }, token)
          .then((r) => ((scanned = true), r));
        await new Promise((r) => setTimeout(r, 300));
        expect({ scanned, waiting: reader.load.waiting }).toEqual({ scanned: false, waiting: reader.concurrency + 1 });
        expect((await fromScan).data).toEqual(expected.data);
      } finally {
        await Promise.all(slow);
      }
    }, 60_000);

    it('give follow-up completeness and the dated headline counts as the patients do, on any day they are read', async () => {
      // Per site and time point, as completeness counted them from the patients before the cells
      // (written out here as it was): expected once the window closed, unless dead before it closed and not seen.
      const fromPatients = (today: string) =>
        query(
          `SELECT a.site_id::text, w.n AS tp, count(*)::int AS e, sum(a.record_key)::int8::text AS ke,
                  count(*) FILTER (WHERE a.visit_status[w.n] = 'DONE')::int AS d, count(*) FILTER (WHERE a.visit_status[w.n] = 'MISSED')::int AS m,
                  count(*) FILTER (WHERE a.visit_status[w.n] = 'WITHDRAWN')::int AS w,
                  count(*) FILTER (WHERE a.visit_status[w.n] = 'DONE' AND EXISTS (SELECT 1 FROM questionnaire_invitation q JOIN assessment v ON v.id = q.assessment_id
                     WHERE q.treatment_id = a.index_treatment_id AND q.time_point::text = w.tp AND q.withdrawn_at IS NULL AND v.withdrawn_at IS NULL))::int AS p
           FROM analysis_patient a CROSS JOIN unnest($2::text[], $3::int[]) WITH ORDINALITY AS w(tp, to_day, n)
           WHERE a.consent_status = 'GIVEN' AND a.index_date + w.to_day < $1::date
             AND (a.death_on IS NULL OR a.death_on > a.index_date + w.to_day OR a.visit_status[w.n] = 'DONE')
           GROUP BY 1, 2 ORDER BY 1, 2`,
          [today, WINDOWS.map((w) => w.timePoint), WINDOWS.map((w) => w.toDay)],
        );
      const fromCells = (today: string) =>
        query(
          `SELECT site_id::text, tp::int, sum(n)::int AS e, sum(k)::int8::text AS ke, coalesce(sum(n) FILTER (WHERE cat = 'DONE'), 0)::int AS d,
                  coalesce(sum(n) FILTER (WHERE cat = 'MISSED'), 0)::int AS m, coalesce(sum(n) FILTER (WHERE cat = 'WITHDRAWN'), 0)::int AS w,
                  coalesce(sum(x) FILTER (WHERE cat = 'DONE'), 0)::int AS p
           FROM analysis_cell WHERE fig = 11 AND val + ($2::int[])[tp] < ($1::date - DATE '1970-01-01')
           GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2`,
          [today, WINDOWS.map((w) => w.toDay)],
        );
      const mortality = (today: string, cells: boolean) =>
        cells
          ? query(
              `SELECT cat, sum(n)::int AS n, sum(x)::int AS x, sum(kx)::int8::text AS kx FROM analysis_cell
               WHERE fig = 10 AND val + CASE cat WHEN 'MORTALITY_30' THEN 30 ELSE 365 END <= ($1::date - DATE '1970-01-01') GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`,
              [today],
            )
          : query(
              `SELECT m.cat, count(*)::int AS n, count(*) FILTER (WHERE a.death_on <= a.index_date + m.days)::int AS x,
                      coalesce(sum(a.record_key) FILTER (WHERE a.death_on <= a.index_date + m.days), 0)::int8::text AS kx
               FROM analysis_patient a CROSS JOIN (VALUES ('MORTALITY_30', 30), ('MORTALITY_365', 365)) m(cat, days)
               WHERE a.consent_status = 'GIVEN' AND a.index_date + m.days <= $1::date GROUP BY 1 ORDER BY 1`,
              [today],
            );
      const [{ first, last }] = (await query(`SELECT min(index_date)::text AS first, max(index_date)::text AS last FROM analysis_patient`)) as {
        first: string;
        last: string;
      }[];
      const days = [first, last, new Date().toISOString().slice(0, 10), '2100-01-01'];
      for (const day of days) {
        expect({ day, completeness: await fromCells(day) }).toEqual({ day, completeness: await fromPatients(day) });
        expect({ day, mortality: await mortality(day, true) }).toEqual({ day, mortality: await mortality(day, false) });
      }
      // Not vacuous: on the last day, each time point expected somewhere, visits done and answered by link.
      const now = (await fromPatients('2100-01-01')) as { tp: number; d: number; p: number }[];
      expect(new Set(now.map((r) => r.tp)).size).toBe(WINDOWS.length);
      expect(now.some((r) => r.p > 0)).toBe(true);
    });

    it('take concurrent writers on the same cells without waiting for good or losing a count', async () => {
      {
        // Patients of one site: their writes hit the same cells.
        const [{ site }] = (await query(`SELECT site_id AS site FROM patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)) as { site: string }[];
        const visits = (
          (await query(
            `SELECT a.id FROM assessment a JOIN patient p ON p.id = a.patient_id
           WHERE p.site_id = $1 AND a.status = 'DONE' AND a.withdrawn_at IS NULL AND a.nrs_activity IS NOT NULL ORDER BY a.id`,
            [site],
          )) as { id: string }[]
        ).map((r) => r.id);
        expect(visits.length).toBeGreaterThan(20);
        const errors: unknown[] = [];
        let commits = 0;
        const writer = async (w: number) => {
          const pick = generator(100 + w);
          for (let i = 0; i < 25; i++) {
            // A connection of its own (the test database's pool: 8 on a server, 4 embedded).
            const c = t().db.dataSource.createQueryRunner();
            await c.connect();
            try {
              await c.query('BEGIN');
              // One visit per transaction, so that the only rows two writers share are the cells.
              await c.query(`UPDATE assessment SET nrs_activity = $2 WHERE id = $1`, [visits[pick(visits.length)], pick(11)]);
              if (i % 5 === w % 5) await c.query(`SELECT analysis_cell_compact()`);
              await c.query('COMMIT');
              commits++;
            } catch (e) {
              errors.push(e);
              await c.query('ROLLBACK').catch(() => undefined);
            } finally {
              await c.release();
            }
          }
        };
        await Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)));
        // Two writers may update the same visit (they wait for each other on that row, as any two
        // writers of one visit do); neither a deadlock nor any other error may come of it.
        expect(errors).toEqual([]);
        expect(commits).toBe(150);
        expect(await kept(query)).toEqual(await recomputed(query));
      }
    }, 120_000);
  },
  { patients: 80, seed: 11 },
);
