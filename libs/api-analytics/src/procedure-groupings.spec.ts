import { ADMIN, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';

// The procedure groupings (anaesthesia, approach, cement volume per level) compare procedures with
// each other: every figure of the cohort explorer must show the same groups as the cohort's size,
// never conservative care, and each group's patients must be those the grouping names. The group
// membership is recomputed here from the source tables; the figures' own arithmetic is the same
// code as for the treatment groupings and is checked in their specs.
describeEachDatabase('procedure groupings', (t) => {
  const FIGURES = `query($g: TreatmentGrouping) {
    cohortSize(grouping: $g) { total groups { group n } }
    characteristicsTable(grouping: $g) { variable values { group n } }
    outcomeTrajectory(grouping: $g, measure: NRS) { group timePoint n }
    responderRates(grouping: $g) { group }
    complicationRates(grouping: $g) { group category n }
    newFracturesByLevel(grouping: $g) { group }
    imagingRates(grouping: $g) { group }
    survival(grouping: $g, endpoint: NEW_FRACTURE) { curves { group n } }
    competingRisks(grouping: $g) { curves { group n } }
    adjustedComparison(grouping: $g, measure: NRS, timePoint: M1) { differences { group versus } missingData { group cohort } }
  }`;

  // Each patient's index (first) treatment and its details, from the source tables.
  let index: { patient_id: string; kind: string; anaesthesia: string | null; approach: string | null; per_level: number | null }[];
  beforeAll(async () => {
    index = await t().db.dataSource.query(`
      SELECT DISTINCT ON (t.patient_id) t.patient_id, t.kind::text, t.anaesthesia::text, t.approach::text,
             (SELECT CASE WHEN bool_and(l.cement_volume_ml IS NOT NULL) THEN sum(l.cement_volume_ml) / count(DISTINCT f.level) END
              FROM treated_level l JOIN fracture f ON f.id = l.fracture_id AND f.withdrawn_at IS NULL WHERE l.treatment_id = t.id) AS per_level
      FROM treatment t JOIN patient p ON p.id = t.patient_id
      WHERE t.withdrawn_at IS NULL AND p.withdrawn_at IS NULL AND p.consent_status = 'GIVEN'
      ORDER BY t.patient_id, t.start_date, t.created_at`);
  });

  const band = (v: number) => (v < 3 ? '0_TO_3_ML_PER_LEVEL' : v < 5 ? '3_TO_5_ML_PER_LEVEL' : '5_ML_OR_MORE_PER_LEVEL');
  const expected = (grouping: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const p of index) {
      if (p.kind === 'CONSERVATIVE') continue;
      const g = grouping === 'ANAESTHESIA' ? p.anaesthesia : grouping === 'APPROACH' ? p.approach : p.per_level === null ? null : band(Number(p.per_level));
      if (g !== null) out[g] = (out[g] ?? 0) + 1;
    }
    return out;
  };

  it.each(['ANAESTHESIA', 'APPROACH', 'CEMENT_VOLUME'])('%s: every figure shows the groups of the cohort, and only procedures', async (grouping) => {
    const r = await t().gql(FIGURES, { g: grouping }, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const d = r.data!;
    const want = expected(grouping);
    expect(Object.keys(want).length).toBeGreaterThanOrEqual(2);
    expect(Object.fromEntries(d.cohortSize.groups.map((g: any) => [g.group, g.n]))).toEqual(want);
    const names = Object.keys(want);
    const seen = [
      ...d.characteristicsTable.flatMap((row: any) => row.values.map((v: any) => v.group)),
      ...d.outcomeTrajectory.map((p: any) => p.group),
      ...d.responderRates.map((p: any) => p.group),
      ...d.complicationRates.map((p: any) => p.group),
      ...d.newFracturesByLevel.map((p: any) => p.group),
      ...d.imagingRates.map((p: any) => p.group),
      ...d.survival.curves.map((c: any) => c.group),
      ...d.competingRisks.curves.map((c: any) => c.group),
      ...d.adjustedComparison.differences.flatMap((x: any) => [x.group, x.versus]),
      ...d.adjustedComparison.missingData.map((m: any) => m.group),
    ];
    expect(seen.length).toBeGreaterThan(0);
    for (const g of seen) expect(names).toContain(g);
    // Each figure's denominators are the groups' patients.
    for (const c of d.survival.curves) expect(c.n).toBe(want[c.group]);
    for (const m of d.adjustedComparison.missingData) expect(m.cohort).toBe(want[m.group]);
    const anyKind = d.complicationRates.filter((p: any) => p.category === 'ANY');
    for (const p of anyKind) expect(p.n).toBe(want[p.group]);
  });

  it('a researcher gets the procedure groupings through the same small-cell rules', async () => {
    const r = await t().gql(
      `query { cohortSize(grouping: ANAESTHESIA, filter: { sex: MALE, ageMax: 70 }) { total threshold groups { group n suppressed } } }`,
      {},
      await t().login(RESEARCHER),
    );
    expect(r.errors).toBeUndefined();
    const s = r.data!.cohortSize;
    for (const g of s.groups) {
      if (g.suppressed) expect(g.n).toBeNull();
      else expect(g.n).toBeGreaterThanOrEqual(s.threshold);
    }
  });
});
