import { ADMIN, describeEachDatabase, followUpEnds } from '@vfr/api-testing';
import { TimePoint, timePointOrdinal } from '@vfr/domain';
import { covariateRow } from './adjusted.covariates';

// The adjusted new-fracture comparison's outcome, recomputed from the source tables: a new
// (adjacent or remote) vertebral fracture within follow-up by the time point's target day is 1, a
// patient followed to that day without one is 0, anyone else is missing. The weighting itself is
// the same code as for the scores (its bias and coverage are simulated in libs/stats); what is
// checked here is who counts as what, and that the osteoporosis care is in the model.
describeEachDatabase('adjusted comparison of new fractures', (t) => {
  const Q = `query($tp: TimePoint, $g: TreatmentGrouping) {
    adjustedNewFractureComparison(timePoint: $tp, grouping: $g) {
      outcome covariates differences { group versus unadjusted adjusted adjustedLower adjustedUpper } missingData { group cohort observed analysed }
    }
  }`;
  const DAY: Partial<Record<TimePoint, number>> = { [TimePoint.M3]: 90, [TimePoint.M12]: 365 };

  type Patient = { id: string; group: string; fracture: number | null; end: number; complete: boolean };
  let patients: Patient[];
  beforeAll(async () => {
    const db = t().db.dataSource;
    const ends = await followUpEnds(db);
    const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
    const rows: { id: string; kind: string; index: string; fracture: string | null }[] = await db.query(`
      SELECT p.id, i.kind::text AS kind, to_char(i.start_date, 'YYYY-MM-DD') AS index,
             (SELECT to_char(min(x.occurred_on), 'YYYY-MM-DD') FROM complication x
              WHERE x.patient_id = p.id AND x.withdrawn_at IS NULL AND x.kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE') AND x.occurred_on >= i.start_date) AS fracture
      FROM patient p
      JOIN LATERAL (SELECT t.kind, t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) i ON true
      WHERE p.withdrawn_at IS NULL AND p.consent_status = 'GIVEN'`);
    // Which patients the propensity model can take (a covariate missing leaves one out): the
    // covariates are read as the service reads them; only the outcome is recomputed here.
    const covariates: any[] = await db.query(`
      SELECT a.patient_id, a.age, a.sex, a.causes, a.max_genant, a.fracture_age_days, a.baseline_nrs, a.odi[${timePointOrdinal(TimePoint.BASELINE)}] AS baseline_odi,
             a.asa_class, a.active_cancer, a.clinical_frailty_scale, a.charlson_comorbidity_index, a.dementia, a.prior_vertebral_fractures, a.anti_osteoporotic_drug,
             a.levels, a.pre_fracture_mobility, a.living_situation, p.mobilised_under_analgesia
      FROM analysis_patient a JOIN patient p ON p.id = a.patient_id`);
    const complete = new Set(covariates.filter((c) => covariateRow(c) !== null).map((c) => c.patient_id));
    patients = rows.map((r) => ({
      id: r.id,
      group: r.kind,
      fracture: r.fracture === null ? null : days(r.index, r.fracture),
      end: days(r.index, ends.get(r.id)!.end),
      complete: complete.has(r.id),
    }));
  });

  const outcome = (p: Patient, day: number): 0 | 1 | null => (p.fracture !== null && p.fracture <= p.end && p.fracture <= day ? 1 : p.end >= day ? 0 : null);

  it.each([TimePoint.M3, TimePoint.M12])('by %s: who has the outcome, and the unadjusted risk differences, from the raw rows', async (tp) => {
    const r = await t().gql(Q, { tp }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const a = r.data!.adjustedNewFractureComparison;
    expect(a.outcome).toBe(`NEW_FRACTURE by ${tp}`);
    expect(a.covariates).toEqual(expect.arrayContaining(['osteoporosisDrug']));
    const day = DAY[tp]!;
    const groups = [...new Set(patients.map((p) => p.group))];
    for (const g of groups) {
      const mine = patients.filter((p) => p.group === g);
      const m = a.missingData.find((x: any) => x.group === g);
      expect(m).toEqual({ group: g, cohort: mine.length, observed: mine.filter((p) => outcome(p, day) !== null).length, analysed: expect.any(Number) });
    }
    // By a year the test registry has patients in each state (a fracture, none, follow-up ended
    // short of the day without one: missing, not 0), or the check would prove little.
    expect(patients.some((p) => outcome(p, day) === 0)).toBe(true);
    if (tp === TimePoint.M12) {
      expect(patients.some((p) => outcome(p, day) === 1)).toBe(true);
      expect(patients.some((p) => outcome(p, day) === null)).toBe(true);
    }
    const risk = (g: string) => {
      const ys = patients
        .filter((p) => p.group === g && p.complete)
        .map((p) => outcome(p, day))
        .filter((y): y is 0 | 1 => y !== null);
      return ys.reduce((s: number, y) => s + y, 0) / ys.length;
    };
    expect(a.differences.length).toBeGreaterThan(0);
    for (const d of a.differences) {
      expect(d.unadjusted).toBeCloseTo(risk(d.group) - risk(d.versus), 10);
      expect(d.adjustedLower).toBeLessThanOrEqual(d.adjusted);
      expect(d.adjustedUpper).toBeGreaterThanOrEqual(d.adjusted);
      expect(Math.abs(d.adjusted)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a time point without a target day after the treatment, naming the field', async () => {
    for (const tp of ['BASELINE', 'UNSCHEDULED']) {
      const r = await t().gql(Q, { tp }, await t().login(ADMIN));
      expect(r.errors?.[0].extensions?.fields ?? r.errors?.[0].extensions).toBeDefined();
      expect(JSON.stringify(r.errors)).toMatch(/timePoint/);
    }
  });
});
