import { SqlParams } from '@vfr/api-core';
import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, followUpEnds, HEAD_NORTH, RESEARCHER } from '@vfr/api-testing';
import { MATCH_PATHS, MatchCandidate, MATCHES_PER_PATH, PatientProfile, selectMatches, Sex } from '@vfr/domain';
import { meanCI } from '@vfr/stats';
import { MATCH_PAIN_TIME_POINTS, matchedPatientsSql } from './similar-patients.sql';
import { matchDisclosure, matchedShare as shownRate } from './similar-patients.service';
import { shownCount } from './suppression';

// Patients like this one, checked against an independent computation: the matched patients are
// chosen again in JS by the domain's reference rule (selectMatches) from the analysis rows, and
// their outcomes are recomputed from the source tables (treatments, visits, complications,
// deaths). Then the attacks: a profile narrowed to one patient, and differencing by set size.
describeEachDatabase(
  'patients like this one',
  (t) => {
    const Q = `query($p: PatientProfileInput!) { patientsLikeThis(profile: $p) {
      perPath threshold steps { step description }
      paths { path n suppressed widestStep allOfPath
        pain { timePoint n mean lower upper belowFour { n events rate lower upper suppressed } }
        crossover { n events rate lower upper suppressed } newFracture { n events rate lower upper suppressed }
        death { n events rate lower upper suppressed } symptomaticComplication { n events rate lower upper suppressed }
        sameDayDischarge { n events rate lower upper suppressed } } } }`;
    const today = new Date().toISOString().slice(0, 10);
    const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);

    type Candidate = MatchCandidate & { path: string; recordKey: number; id: string };
    async function candidates(): Promise<Candidate[]> {
      const rows = await t().db.dataSource.query(
        `SELECT patient_id AS id, first_kind AS path, record_key::int8 AS key, age, sex, fracture_age_days, max_genant, of_classes, causes, levels,
                baseline_nrs, odi[1] AS odi, asa_class, active_cancer, ongoing_therapy, pre_fracture_mobility
         FROM analysis_patient WHERE consent_status = 'GIVEN'`,
      );
      return rows.map((r: Record<string, never>) => ({
        id: r.id,
        path: r.path,
        recordKey: Number(r.key),
        age: r.age,
        sex: r.sex,
        fractureAgeDays: r.fracture_age_days,
        genantGrade: r.max_genant,
        ofClasses: r.of_classes,
        causes: r.causes,
        levels: r.levels,
        baselineNrs: r.baseline_nrs,
        baselineOdi: r.odi,
        asaClass: r.asa_class,
        activeCancer: r.active_cancer,
        ongoingCancerTherapy: r.ongoing_therapy,
        preFractureMobility: r.pre_fracture_mobility,
      }));
    }

    /** The outcomes of the given patients, from the source tables only. */
    async function outcomes(ids: string[]) {
      const db = t().db.dataSource;
      const ends = await followUpEnds(db);
      const treatments: { patient_id: string; id: string; kind: string; start: string; same_day: boolean | null }[] = await db.query(
        `SELECT patient_id, id, kind::text, to_char(start_date, 'YYYY-MM-DD') AS start, same_day_discharge AS same_day
         FROM treatment WHERE withdrawn_at IS NULL AND patient_id = ANY($1) ORDER BY start_date, created_at`,
        [ids],
      );
      const visits: { treatment_id: string; tp: string; nrs: number | null }[] = await db.query(
        `SELECT treatment_id, time_point::text AS tp, coalesce(nrs_activity, nrs_rest) AS nrs FROM assessment
         WHERE withdrawn_at IS NULL AND status = 'DONE' AND patient_id = ANY($1)`,
        [ids],
      );
      const complications: { patient_id: string; kind: string; on: string; symptomatic: boolean | null }[] = await db.query(
        `SELECT patient_id, kind::text, to_char(occurred_on, 'YYYY-MM-DD') AS on, symptomatic FROM complication
         WHERE withdrawn_at IS NULL AND kind <> 'DEATH' AND patient_id = ANY($1)`,
        [ids],
      );
      const deaths: { patient_id: string; d: string }[] = await db.query(
        `SELECT patient_id, to_char(min(died_on), 'YYYY-MM-DD') AS d FROM death WHERE withdrawn_at IS NULL AND patient_id = ANY($1) GROUP BY 1`,
        [ids],
      );
      return new Map(
        ids.map((id) => {
          const own = treatments.filter((x) => x.patient_id === id);
          const index = own[0];
          const end = ends.get(id)!.end;
          const yearEnd = addDays(index.start, 365);
          const inYear = (on: string) => on >= index.start && on <= end && on <= yearEnd;
          const died = deaths.find((x) => x.patient_id === id)?.d;
          const crossover = own.find((x) => x.id !== index.id && x.kind !== index.kind && x.start >= index.start);
          const nrs = Object.fromEntries(
            MATCH_PAIN_TIME_POINTS.map((tp) => [tp, visits.find((v) => v.treatment_id === index.id && v.tp === String(tp))?.nrs ?? null]),
          );
          return [
            id,
            {
              nrs,
              yearElapsed: yearEnd <= today,
              crossover: crossover !== undefined && days(index.start, crossover.start) <= 365,
              newFracture: complications.some((x) => x.patient_id === id && ['ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE'].includes(x.kind) && inYear(x.on)),
              died: died !== undefined && days(index.start, died) <= 365,
              symptomatic: complications.some((x) => x.patient_id === id && x.symptomatic === true && inYear(x.on)),
              sameDay: index.same_day,
            },
          ];
        }),
      );
    }

    const profiles: PatientProfile[] = [
      {
        age: 78,
        sex: Sex.FEMALE,
        fractureAgeDays: 20,
        genantGrade: 2,
        ofClass: 'OF2' as never,
        cause: 'OSTEOPOROTIC' as never,
        levelRegion: 'THORACOLUMBAR' as never,
        baselineNrs: 8,
        baselineOdi: 60,
        asaClass: 2,
        activeCancer: false,
        ongoingCancerTherapy: false,
        preFractureMobility: 'INDEPENDENT' as never,
      },
      { age: 66, sex: Sex.MALE, activeCancer: true, cause: 'METASTASIS' as never, baselineNrs: 6 },
      { age: 93, sex: Sex.FEMALE, fractureAgeDays: 120, ofClass: 'OF4' as never, preFractureMobility: 'WALKER' as never, asaClass: 4 },
    ];

    it('chooses the patients the reference rule chooses, and shows their outcomes as recomputed from the source tables', async () => {
      const all = await candidates();
      const token = await t().login(ADMIN);
      for (const profile of profiles) {
        // The database's choice, read directly (the API never shows it).
        const params = new SqlParams();
        const sql = matchedPatientsSql(profile, today, params);
        const rows: { patient_id: string; path: string; tier: number }[] = await t().db.dataSource.query(sql, params.values);
        const reference = selectMatches(profile, all);
        for (const path of MATCH_PATHS) {
          const expected = reference.get(path)!;
          const got = rows.filter((r) => r.path === String(path));
          expect({ path, ids: got.map((r) => r.patient_id) }).toEqual({ path, ids: expected.matches.map((c) => c.id) });
          if (got.length) expect(Math.max(...got.map((r) => r.tier))).toBe(expected.widestStep);
        }

        const r = await t().gql(Q, { p: profile }, token);
        expect(r.errors).toBeUndefined();
        const answer = r.data!.patientsLikeThis;
        expect(answer.perPath).toBe(MATCHES_PER_PATH);
        const d = matchDisclosure();
        for (const path of MATCH_PATHS) {
          const matched = reference.get(path)!.matches;
          const facts = await outcomes(matched.map((c) => c.id));
          const got = answer.paths.find((p: { path: string }) => p.path === String(path));
          const key = (cs: Candidate[]) => ({ n: cs.length, k: cs.reduce((s, c) => s + c.recordKey, 0) });
          const n = shownCount(d, key(matched));
          expect({ path, n: got.n, widestStep: got.widestStep }).toEqual({ path, n, widestStep: n ? reference.get(path)!.widestStep : null });
          if (!n) continue;
          expect(Math.abs(got.n - matched.length)).toBeLessThanOrEqual(3);
          for (const tp of MATCH_PAIN_TIME_POINTS) {
            const scored = matched.filter((c) => facts.get(c.id)!.nrs[tp] !== null);
            const values = scored.map((c) => Number(facts.get(c.id)!.nrs[tp]));
            const pain = got.pain.find((p: { timePoint: string }) => p.timePoint === String(tp));
            const nShown = shownCount(d, key(scored));
            expect({ path, tp, n: pain.n }).toEqual({ path, tp, n: nShown });
            if (nShown !== null && values.length >= 2) {
              const ci = meanCI(values);
              expect(pain.mean).toBeCloseTo(ci.mean, 10);
              expect(pain.lower).toBeCloseTo(ci.lower, 10);
              expect(pain.upper).toBeCloseTo(ci.upper, 10);
            } else expect(pain.mean).toBeNull();
            expect({ path, tp, below: pain.belowFour }).toEqual({
              path,
              tp,
              below: shownRate(d, key(scored), key(scored.filter((c) => Number(facts.get(c.id)!.nrs[tp]) < 4))),
            });
          }
          const year = matched.filter((c) => facts.get(c.id)!.yearElapsed);
          const shares = {
            crossover: shownRate(d, key(year), key(year.filter((c) => facts.get(c.id)!.crossover))),
            newFracture: shownRate(d, key(year), key(year.filter((c) => facts.get(c.id)!.newFracture))),
            death: shownRate(d, key(year), key(year.filter((c) => facts.get(c.id)!.died))),
            symptomaticComplication: shownRate(d, key(year), key(year.filter((c) => facts.get(c.id)!.symptomatic))),
            sameDayDischarge: (() => {
              const recorded = matched.filter((c) => facts.get(c.id)!.sameDay !== null);
              return shownRate(d, key(recorded), key(recorded.filter((c) => facts.get(c.id)!.sameDay === true)));
            })(),
          };
          for (const [name, expected] of Object.entries(shares)) expect({ path, name, got: got[name] }).toEqual({ path, name, got: expected });
        }
      }
    });

    it('gives every role the same figures for the same profile, each time', async () => {
      const answers = [];
      for (const who of [ADMIN, COORD_NORTH, COORD_SOUTH, HEAD_NORTH, RESEARCHER]) {
        const r = await t().gql(Q, { p: profiles[0] }, await t().login(who));
        expect(r.errors).toBeUndefined();
        answers.push(r.data);
      }
      for (const a of answers) expect(a).toEqual(answers[0]);
      // The seed has figures to show: a test of withheld cells only would prove nothing.
      const shown = answers[0]!.patientsLikeThis.paths.filter((p: { n: number | null }) => p.n !== null);
      expect(shown.length).toBeGreaterThanOrEqual(2);
    });

    it('attack: a profile narrowed to one patient shows aggregates of at least the threshold, never that patient alone', async () => {
      const all = await candidates();
      const token = await t().login(COORD_NORTH);
      // The patients whose own profile no other patient of their path shares at the strictest
      // step: the most singular the registry has.
      let tried = 0;
      for (const target of all) {
        const profile: PatientProfile = {
          age: Math.min(target.age ?? 80, 120),
          sex: target.sex as Sex,
          fractureAgeDays: target.fractureAgeDays,
          genantGrade: target.genantGrade,
          ofClass: (target.ofClasses?.filter(Boolean).sort().at(-1) ?? null) as never,
          cause: (target.causes?.[0] ?? null) as never,
          baselineNrs: target.baselineNrs,
          baselineOdi: target.baselineOdi,
          asaClass: target.asaClass,
          activeCancer: target.activeCancer,
          ongoingCancerTherapy: target.ongoingCancerTherapy,
          preFractureMobility: target.preFractureMobility as never,
        };
        const strict = selectMatches(profile, all).get(target.path)!;
        if (strict.matches[0]?.id !== target.id || strict.widestStep === 1) continue;
        tried++;
        const r = await t().gql(Q, { p: profile }, token);
        expect(r.errors).toBeUndefined();
        for (const path of r.data!.patientsLikeThis.paths) {
          const counts: (number | null)[] = [path.n];
          for (const s of [
            path.crossover,
            path.newFracture,
            path.death,
            path.symptomaticComplication,
            path.sameDayDischarge,
            ...path.pain.map((p: { belowFour: unknown }) => p.belowFour),
          ])
            counts.push(s.n, s.events, s.n !== null && s.events !== null ? s.n - s.events : null);
          for (const p of path.pain) counts.push(p.n);
          for (const v of counts) if (v !== null && v !== 0) expect(v).toBeGreaterThanOrEqual(11);
          // The target is one of at least the threshold patients of their path.
          if (path.path === target.path) expect(path.n).toBeGreaterThanOrEqual(11);
        }
        if (tried >= 3) break;
      }
      expect(tried).toBeGreaterThan(0);
    });

    it('attack: profiles that add or drop one patient cannot be told apart by size, as every path takes the same number', async () => {
      // Differencing needs two matched sets that differ by one patient. Each path takes exactly
      // MATCHES_PER_PATH (all of a path only when the registry has fewer): so whatever the profile,
      // a set changes by exchanging patients, never by adding one, and a path's size says nothing.
      const all = await candidates();
      const sizes = new Map<string, Set<number>>();
      for (let age = 55; age <= 100; age += 3) {
        for (const sex of [Sex.FEMALE, Sex.MALE]) {
          const params = new SqlParams();
          const rows: { path: string }[] = await t().db.dataSource.query(matchedPatientsSql({ age, sex, baselineNrs: age % 11 }, today, params), params.values);
          for (const path of MATCH_PATHS) sizes.set(path, (sizes.get(path) ?? new Set()).add(rows.filter((r) => r.path === String(path)).length));
        }
      }
      for (const path of MATCH_PATHS) {
        const pool = all.filter((c) => c.path === String(path)).length;
        expect({ path, sizes: [...sizes.get(path)!] }).toEqual({ path, sizes: [Math.min(pool, MATCHES_PER_PATH)] });
      }
    });

    it("pre-fills a profile from a patient's record for the site's coordinator, and refuses the rest", async () => {
      const [p] = await t().db.dataSource.query(
        `SELECT p.id, p.sex::text AS sex, p.asa_class, s.code FROM patient p JOIN site s ON s.id = p.site_id
         WHERE s.code = 'NORTH' AND p.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM fracture f WHERE f.patient_id = p.id) ORDER BY p.registry_number LIMIT 1`,
      );
      const PQ = `query($id: ID!) { patientProfile(patientId: $id) { age sex fractureAgeDays genantGrade ofClass cause levelRegion baselineNrs asaClass activeCancer } }`;
      const mine = await t().gql(PQ, { id: p.id }, await t().login(COORD_NORTH));
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.patientProfile).toMatchObject({ sex: p.sex, asaClass: p.asa_class });
      expect(mine.data!.patientProfile.genantGrade).not.toBeNull();
      // The profile is a valid input as it stands.
      const r = await t().gql(Q, { p: mine.data!.patientProfile }, await t().login(COORD_NORTH));
      expect(r.errors).toBeUndefined();

      const other = await t().gql(PQ, { id: p.id }, await t().login(COORD_SOUTH));
      expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      for (const who of [HEAD_NORTH, RESEARCHER]) {
        const refused = await t().gql(PQ, { id: p.id }, await t().login(who));
        expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const bad = await t().gql(Q, { p: { age: 12, sex: 'FEMALE', baselineNrs: 14 } }, await t().login(COORD_NORTH));
      expect(bad.errors?.[0].message).toMatch(/age must be an integer from 18 to 120/);
      expect(JSON.stringify(bad.errors)).toMatch(/baselineNrs/);
      expect(JSON.stringify(bad.errors)).not.toMatch(/SELECT|analysis_patient/);
    });
  },
  { patients: 300 },
);
