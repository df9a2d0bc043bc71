import { ADMIN, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';
import { welchMeanDifference } from '@vfr/stats';

const QUERY = `query($m: OutcomeMeasure, $tp: TimePoint, $f: CohortFilterInput, $tr: PropensityTrimming) { adjustedComparison(measure: $m, timePoint: $tp, filter: $f, trimming: $tr) {
  outcome n excluded covariates constantCovariates suppressedGroups propensityConverged trimming trimmingThreshold trimmedGroups
  weights { group n trimmed min median max sum ess }
  differences { group versus n nVersus unadjusted unadjustedLower unadjustedUpper adjusted adjustedLower adjustedUpper }
  balance { covariate group versus smdBefore smdAfter } } }`;

describeEachDatabase('adjusted comparisons (IPTW)', (t) => {
  it('gives unadjusted differences equal to Welch on the raw rows, and weighted ones that balance the covariates', async () => {
    const r = await t().gql(QUERY, { m: 'NRS', tp: 'M1' }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const a = r.data!.adjustedComparison;
    expect(a.covariates).toEqual(['age', 'female', 'maxGenantGrade', 'fractureAgeDays', 'osteoporoticCause', 'baselineNrs']);
    expect(a.constantCovariates).toEqual([]);
    expect(a.differences.map((d: any) => d.group)).toEqual(['KYPHOPLASTY', 'VERTEBROPLASTY']);
    expect(a.differences.every((d: any) => d.versus === 'CONSERVATIVE')).toBe(true);

    const rows = await t().db.dataSource.query(`
      SELECT idx.kind AS grp, coalesce(m1.nrs_activity, m1.nrs_rest)::float8 AS y
      FROM patient p
      JOIN LATERAL (SELECT t.id, t.kind::text FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) idx ON true
      JOIN assessment m1 ON m1.treatment_id = idx.id AND m1.time_point = 'M1' AND m1.status = 'DONE' AND m1.withdrawn_at IS NULL
      JOIN assessment b ON b.treatment_id = idx.id AND b.time_point = 'BASELINE' AND b.status = 'DONE' AND b.withdrawn_at IS NULL
      WHERE p.withdrawn_at IS NULL AND coalesce(m1.nrs_activity, m1.nrs_rest) IS NOT NULL`);
    expect(a.n).toBe(rows.length);
    const ys = (g: string) => rows.filter((x: any) => x.grp === g).map((x: any) => x.y);
    for (const d of a.differences) {
      const w = welchMeanDifference(ys(d.group), ys('CONSERVATIVE'));
      expect(d.unadjusted).toBeCloseTo(w.difference, 9);
      expect(d.unadjustedLower).toBeCloseTo(w.lower, 9);
      // The synthetic registry: procedures lower pain faster in the first month.
      expect(d.adjusted).toBeLessThan(0);
      expect(d.adjustedUpper).toBeLessThan(0);
    }
    // Weighting removes most of the confounding built into the registry.
    const before = Math.max(...a.balance.map((b: any) => Math.abs(b.smdBefore)));
    const after = Math.max(...a.balance.map((b: any) => Math.abs(b.smdAfter)));
    expect(before).toBeGreaterThan(0.2);
    expect(after).toBeLessThan(before / 2);
    expect(a.propensityConverged).toBe(true);

    // Balance for every pair of groups, the two procedures against each other too.
    const pairs = [...new Set(a.balance.map((b: any) => `${b.group}/${b.versus}`))];
    expect(pairs).toEqual(['KYPHOPLASTY/CONSERVATIVE', 'VERTEBROPLASTY/CONSERVATIVE', 'VERTEBROPLASTY/KYPHOPLASTY']);
    expect(a.balance).toHaveLength(3 * a.covariates.length);
    // Weights per group, untrimmed by default, with the Kish effective sample size.
    expect(a.trimming).toBe('NONE');
    expect(a.trimmingThreshold).toBeNull();
    expect(a.weights.map((w: any) => w.group)).toEqual(['CONSERVATIVE', 'KYPHOPLASTY', 'VERTEBROPLASTY']);
    expect(a.weights.reduce((p: number, w: any) => p + w.n, 0)).toBe(a.n);
    for (const w of a.weights) {
      expect(w.trimmed).toBe(0);
      expect(w.min).toBeLessThanOrEqual(w.median);
      expect(w.median).toBeLessThanOrEqual(w.max);
      expect(w.ess).toBeGreaterThan(1);
      expect(w.ess).toBeLessThanOrEqual(w.n);
    }
  });

  it('trims by the multinomial Crump rule when asked, and says how many per group', async () => {
    const admin = await t().login(ADMIN);
    const plain = (await t().gql(QUERY, { m: 'NRS', tp: 'M1' }, admin)).data!.adjustedComparison;
    const r = await t().gql(QUERY, { m: 'NRS', tp: 'M1', tr: 'CRUMP' }, admin);
    expect(r.errors).toBeUndefined();
    const a = r.data!.adjustedComparison;
    expect(a.trimming).toBe('CRUMP');
    expect(a.trimmingThreshold).toBeCloseTo(0.067, 9);
    for (const w of a.weights) {
      const before = plain.weights.find((p: any) => p.group === w.group);
      expect(w.n + w.trimmed).toBe(before.n);
    }
    const kept = a.weights.reduce((p: number, w: any) => p + w.n, 0);
    expect(kept).toBeLessThanOrEqual(a.n);
    expect(a.differences.find((d: any) => d.group === 'KYPHOPLASTY')?.n).toBe(a.weights.find((w: any) => w.group === 'KYPHOPLASTY').n);
  });

  it('leaves a covariate every patient shares out of the model, and still converges', async () => {
    // Women with an osteoporotic fracture only: sex and cause are constant, and with them in the
    // model its information matrix is singular.
    const r = await t().gql(QUERY, { m: 'NRS', tp: 'M1', f: { sex: 'FEMALE', causes: ['OSTEOPOROTIC'] } }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const a = r.data!.adjustedComparison;
    expect(a.constantCovariates).toEqual(['female', 'osteoporoticCause']);
    expect(a.covariates).toEqual(['age', 'maxGenantGrade', 'fractureAgeDays', 'baselineNrs']);
    expect(a.propensityConverged).toBe(true);
    expect(a.differences).toHaveLength(2);
    expect(new Set(a.balance.map((b: any) => b.covariate))).toEqual(new Set(a.covariates));
    for (const b of a.balance) {
      expect(Number.isFinite(b.smdBefore)).toBe(true);
      expect(Number.isFinite(b.smdAfter)).toBe(true);
    }
  });

  it('leaves out groups under the threshold for researchers and refuses UNSCHEDULED', async () => {
    const researcher = await t().login(RESEARCHER);
    const r = await t().gql(QUERY, { m: 'ODI', tp: 'M24', f: { ageMin: 88 } }, researcher);
    expect(r.errors).toBeUndefined();
    for (const d of r.data!.adjustedComparison.differences) {
      expect(d.n).toBeGreaterThanOrEqual(11);
      expect(d.nVersus).toBeGreaterThanOrEqual(11);
    }
    for (const w of r.data!.adjustedComparison.weights) {
      if (w.n === null) expect([w.min, w.median, w.max, w.sum, w.ess]).toEqual([null, null, null, null, null]);
      else expect(w.n).toBeGreaterThanOrEqual(11);
    }
    const bad = await t().gql(QUERY, { m: 'NRS', tp: 'UNSCHEDULED' }, researcher);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timePoint' });
  });
}, { patients: 900 });
